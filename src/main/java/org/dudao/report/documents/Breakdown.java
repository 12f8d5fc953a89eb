package org.dudao.report.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A target's score breakdown as the scoring module stores it ({@code GET …/results/{targetId}/breakdown}:
 * {@code tasks} and {@code adjustments}), read into the lines the documents print.
 */
record Breakdown(List<TaskLine> tasks, List<EventLine> adjustments) {

    static final Breakdown EMPTY = new Breakdown(List.of(), List.of());

    /**
     * One task: what it is worth, what was given (grade or points, or not applicable), what it counted, why and
     * by whom.
     *
     * @param zeroedBy the penalty that made the task count zero, or null
     */
    record TaskLine(
            long taskId,
            String title,
            List<String> path,
            BigDecimal max,
            String grade,
            BigDecimal points,
            boolean notApplicable,
            boolean evaluated,
            BigDecimal score,
            String reason,
            String assessor,
            Long zeroedBy) {

        /** Points lost: the task's points less what it counted; 0 for a task not applicable. */
        BigDecimal lost() {
            if (notApplicable || max == null || score == null) {
                return BigDecimal.ZERO;
            }
            return max.subtract(score).max(BigDecimal.ZERO);
        }

        /** The level-1 indicator (一级指标) the task sits under, or the task itself. */
        String indicator() {
            return path.isEmpty() ? title : path.get(0);
        }

        /** The indicators and the task, as one line: 一级 / 二级 / 任务. */
        String fullTitle() {
            List<String> parts = new ArrayList<>(path);
            parts.add(title);
            return String.join(" / ", parts);
        }

        /** What was given, in words: 良 / 8.50分 / 未评价. */
        String given() {
            if (!evaluated) {
                return "未评价";
            }
            if (grade != null) {
                return DocumentText.GRADE.getOrDefault(grade, grade);
            }
            return points == null ? "—" : DocumentText.points(points) + "分";
        }

        /** Why points were lost: the assessor's reason, the penalty that zeroed the task, or no evaluation. */
        String why() {
            List<String> parts = new ArrayList<>();
            if (!evaluated) {
                parts.add("未评价，按0分计");
            }
            if (reason != null && !reason.isBlank()) {
                parts.add(DocumentText.oneLine(reason));
            }
            if (zeroedBy != null) {
                parts.add("因减分事项（#" + zeroedBy + "），该项不得分");
            }
            return parts.isEmpty() ? "—" : String.join("；", parts);
        }
    }

    /** A bonus (BONUS) or penalty (PENALTY) with the points counted after the same-matter rule and the caps. */
    record EventLine(long id, String kind, String matter, BigDecimal points, BigDecimal counted, String note) {

        boolean bonus() {
            return "BONUS".equals(kind);
        }
    }

    /** The tasks that lost points, in the breakdown's order. */
    List<TaskLine> lost() {
        return tasks.stream().filter(t -> t.lost().signum() > 0).toList();
    }

    @SuppressWarnings("unchecked")
    static Breakdown of(Map<String, Object> m) {
        if (m == null || m.isEmpty()) {
            return EMPTY;
        }
        List<TaskLine> tasks = new ArrayList<>();
        for (Object o : list(m.get("tasks"))) {
            Map<String, Object> t = (Map<String, Object>) o;
            tasks.add(new TaskLine(
                    number(t.get("taskId")).longValue(),
                    text(t.get("title")),
                    list(t.get("path")).stream().map(String::valueOf).toList(),
                    number(t.get("maxPoints")),
                    text(t.get("grade")),
                    number(t.get("points")),
                    Boolean.TRUE.equals(t.get("notApplicable")),
                    !Boolean.FALSE.equals(t.get("evaluated")),
                    number(t.get("score")),
                    text(t.get("reason")),
                    text(t.get("assessor")),
                    t.get("zeroedByAdjustmentId") == null
                            ? null
                            : number(t.get("zeroedByAdjustmentId")).longValue()));
        }
        List<EventLine> events = new ArrayList<>();
        for (Object o : list(m.get("adjustments"))) {
            Map<String, Object> a = (Map<String, Object>) o;
            events.add(new EventLine(
                    number(a.get("id")).longValue(),
                    text(a.get("kind")),
                    text(a.get("matter")),
                    number(a.get("points")),
                    number(a.get("counted")),
                    text(a.get("note"))));
        }
        return new Breakdown(List.copyOf(tasks), List.copyOf(events));
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static BigDecimal number(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }
}
