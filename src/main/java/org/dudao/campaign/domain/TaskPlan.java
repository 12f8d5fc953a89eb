package org.dudao.campaign.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dudao.campaign.AssessorMatch;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.NodeKind;

/**
 * The tasks a category's targets work on, taken from an indicator tree: the task nodes that apply to
 * the category, with the path of indicators above them, the assessor matched to a unit and the deadline
 * in the campaign's year.
 */
final class TaskPlan {

    /** Methods for which a target submits material. */
    static final Set<String> MATERIAL_METHODS = Set.of("报送资料", "材料查证", "集中评查", "汇总备查", "查阅资料");

    record PlannedTask(
            IndicatorNode node,
            List<String> path,
            String assessorName,
            Long assessorUnitId,
            AssessorMatch match,
            boolean needsMaterial,
            LocalDate deadline) {}

    /** Default deadlines of a template, already moved to the campaign's year. */
    record Defaults(LocalDate materialsDue, LocalDate centralReviewDue, int yearShift) {}

    private TaskPlan() {}

    static List<PlannedTask> plan(
            List<IndicatorNode> roots, String category, AssessorMatcher matcher, Defaults defaults) {
        List<PlannedTask> out = new ArrayList<>();
        walk(roots, List.of(), category, matcher, defaults, out);
        return out;
    }

    private static void walk(
            List<IndicatorNode> nodes,
            List<String> path,
            String category,
            AssessorMatcher matcher,
            Defaults defaults,
            List<PlannedTask> out) {
        String lastPrinted = null;
        for (IndicatorNode n : nodes) {
            if (!n.categories().isEmpty() && !n.categories().contains(category)) {
                continue;
            }
            if (n.kind() == NodeKind.TASK) {
                String printed = blankToNull(n.assessorLead());
                AssessorMatch how;
                String name;
                if (printed != null) {
                    lastPrinted = printed;
                    name = printed;
                    how = AssessorMatch.NAME;
                } else {
                    name = lastPrinted;
                    how = AssessorMatch.INHERITED;
                }
                Long unit = name == null ? null : matcher.match(name).orElse(null);
                if (unit == null) {
                    how = AssessorMatch.UNMATCHED;
                }
                boolean material = needsMaterial(n);
                out.add(new PlannedTask(n, path, name, unit, how, material, deadline(n, material, defaults)));
            } else if (!n.children().isEmpty()) {
                List<String> below = new ArrayList<>(path);
                below.add(n.title());
                walk(n.children(), List.copyOf(below), category, matcher, defaults, out);
            }
        }
    }

    static boolean needsMaterial(IndicatorNode n) {
        if (n.methods().stream().anyMatch(MATERIAL_METHODS::contains)) {
            return true;
        }
        return n.methods().isEmpty() && !n.materials().isEmpty();
    }

    /** As printed (moved to the campaign's year); else the template's default for the method. */
    static LocalDate deadline(IndicatorNode n, boolean material, Defaults d) {
        if (n.deadline() != null) {
            return n.deadline().plusYears(d.yearShift());
        }
        if (n.methods().contains("集中评查") && d.centralReviewDue() != null) {
            return d.centralReviewDue();
        }
        return material ? d.materialsDue() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
