package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Scores one target (rules 1 to 7): task scores, penalty zeroing, raw sum and conversion or component
 * weighting, adjustments, final score. The standing in the category (rank, level) comes later.
 */
record TargetScorer(
        TaskScore taskScore, ConversionTo100 conversion, ComponentWeighting weighting, AdjustmentCounting counting) {

    static TargetScorer of(Policy policy) {
        return new TargetScorer(
                new TaskScore(policy.gradePercent()),
                new ConversionTo100(policy.convertTo100()),
                policy.components().isEmpty() ? null : new ComponentWeighting(policy.components()),
                AdjustmentCounting.of(policy));
    }

    /**
     * @param slots the target's evaluations by task index of its category (null entries: not evaluated);
     *     null when there are none
     * @param adjustments the target's approved adjustments in counting order (approval time, then id)
     * @return the result without standing (level, rank)
     */
    TargetResult score(Target target, Category category, Evaluation[] slots, List<Adjustment> adjustments) {
        return score(target, category, slots, null, adjustments);
    }

    /**
     * @param tallies the target's evaluations summed, or null when {@code slots} holds them all; with tallies the
     *     slots hold details only (for penalty zeroing) and the result has no task or event lines
     */
    TargetResult score(
            Target target, Category category, Evaluation[] slots, List<Tally> tallies, List<Adjustment> adjustments) {
        AdjustmentCounting.Counted counted = counting.count(adjustments, tallies == null);
        Map<Long, Long> zeroed = PenaltyZeroing.zeroedTasks(adjustments);
        int components = weighting == null ? 0 : weighting.components().size();
        BigDecimal[] componentRaw = new BigDecimal[components];
        BigDecimal[] componentNotApplicable = new BigDecimal[components];
        Arrays.fill(componentRaw, BigDecimal.ZERO);
        Arrays.fill(componentNotApplicable, BigDecimal.ZERO);
        BigDecimal raw = BigDecimal.ZERO;
        BigDecimal notApplicable = BigDecimal.ZERO;
        int missing = 0;
        Task[] tasks = category.tasks;
        List<TaskLine> lines = new ArrayList<>(tallies == null ? tasks.length : 0);
        if (tallies != null) {
            int evaluated = 0;
            for (Tally t : tallies) {
                int c = componentIndex(t, category);
                BigDecimal score = t.givenPoints();
                for (Grade g : Grade.values()) {
                    BigDecimal points = t.gradedPoints(g);
                    if (points.signum() != 0) {
                        score = score.add(taskScore.forGrade(g, points));
                    }
                }
                raw = raw.add(score);
                notApplicable = notApplicable.add(t.notApplicablePoints());
                if (c >= 0) {
                    componentRaw[c] = componentRaw[c].add(score);
                    componentNotApplicable[c] = componentNotApplicable[c].add(t.notApplicablePoints());
                }
                evaluated += t.evaluated();
            }
            if (evaluated > tasks.length) {
                throw new IllegalArgumentException("tallies of target " + target.id() + " count " + evaluated
                        + " evaluations, its category has " + tasks.length + " tasks");
            }
            missing = tasks.length - evaluated;
            // 相关考核项目不得分: the details of the zeroed tasks come back out of the sums
            for (Long taskId : zeroed.keySet()) {
                Integer i = category.taskIndex.get(taskId);
                Evaluation e = i == null || slots == null ? null : slots[i];
                if (e == null || e.notApplicable()) {
                    continue;
                }
                BigDecimal score =
                        e.grade() != null ? category.gradeScore[i][e.grade().ordinal()] : e.points();
                raw = raw.subtract(score);
                int c = category.componentIndex[i];
                if (c >= 0) {
                    componentRaw[c] = componentRaw[c].subtract(score);
                }
            }
        }
        for (int i = 0; tallies == null && i < tasks.length; i++) {
            Task task = tasks[i];
            Evaluation e = slots == null ? null : slots[i];
            int c = category.componentIndex[i];
            BigDecimal score;
            BigDecimal scoreOut;
            BigDecimal pointsOut = null;
            Long zeroedBy = null;
            if (e == null) {
                missing++;
                score = BigDecimal.ZERO;
                scoreOut = Rounding.ZERO_OUT;
            } else if (e.grade() != null) { // TaskScore.forGrade, looked up in the category's table
                score = category.gradeScore[i][e.grade().ordinal()];
                scoreOut = category.gradeScoreOut[i][e.grade().ordinal()];
            } else {
                score = taskScore.of(task, e); // points as given, or null: not applicable
                pointsOut = Rounding.out(e.points());
                scoreOut = score == null ? Rounding.ZERO_OUT : pointsOut;
            }
            if (score == null) {
                notApplicable = notApplicable.add(task.maxPoints());
                if (c >= 0) {
                    componentNotApplicable[c] = componentNotApplicable[c].add(task.maxPoints());
                }
            } else {
                zeroedBy = zeroed.isEmpty() ? null : zeroed.get(task.id());
                if (zeroedBy != null) {
                    score = BigDecimal.ZERO;
                    scoreOut = Rounding.ZERO_OUT;
                }
                if (score.signum() != 0) {
                    raw = raw.add(score);
                    if (c >= 0) {
                        componentRaw[c] = componentRaw[c].add(score);
                    }
                }
            }
            lines.add(new TaskLine(
                    task.id(),
                    task.title(),
                    task.path(),
                    task.component(),
                    category.maxOut[i],
                    e == null ? null : e.grade(),
                    pointsOut,
                    e != null && e.notApplicable(),
                    e != null,
                    scoreOut,
                    e == null ? null : e.reason(),
                    e == null ? null : e.assessor(),
                    e == null ? null : e.at(),
                    e == null ? null : e.reviewId(),
                    zeroedBy));
        }
        BigDecimal applicableMax = category.totalMax.subtract(notApplicable);
        BigDecimal[] componentMax = new BigDecimal[components];
        for (int c = 0; c < components; c++) {
            componentMax[c] = category.componentTotalMax[c].subtract(componentNotApplicable[c]);
        }
        BigDecimal converted;
        List<ComponentScore> componentScores;
        if (weighting == null) {
            converted = conversion.convert(raw, applicableMax);
            componentScores = List.of();
        } else {
            ComponentWeighting.Weighed w = weighting.weigh(componentRaw, componentMax);
            converted = w.converted();
            componentScores = w.scores();
        }
        return new TargetResult(
                target.id(),
                target.unitId(),
                target.name(),
                target.categoryId(),
                target.category(),
                Rounding.out(raw),
                Rounding.out(applicableMax),
                converted,
                componentScores,
                Rounding.out(counted.bonus()),
                Rounding.out(counted.penalty()),
                FinalScore.of(converted, counted.bonus(), counted.penalty()),
                null,
                null,
                false,
                counted.excellentBlocked(),
                missing,
                lines,
                counted.lines());
    }

    /** The policy component a tally belongs to; -1 without components. */
    private int componentIndex(Tally t, Category category) {
        if (weighting == null) {
            return -1;
        }
        List<Component> components = weighting.components();
        for (int c = 0; c < components.size(); c++) {
            if (components.get(c).code().equals(t.component())) {
                return c;
            }
        }
        throw new IllegalArgumentException("tally of target " + t.targetId() + ": component '" + t.component()
                + "' is not one of the policy's components "
                + components.stream().map(Component::code).toList() + " (category " + category.id + ")");
    }
}
