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
        AdjustmentCounting.Counted counted = counting.count(adjustments);
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
        List<TaskLine> lines = new ArrayList<>(tasks.length);
        for (int i = 0; i < tasks.length; i++) {
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
}
