package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * A target's result and its breakdown. Every number has scale 2.
 *
 * @param rawScore the sum of the task scores
 * @param applicableMax the sum of the points of the applicable tasks
 * @param convertedScore the score out of 100 before bonus and penalty (converted, or weighted by
 *     components)
 * @param components one entry per policy component, in policy order; empty without components
 * @param bonus the counted bonus
 * @param penalty the counted penalty points (the extra deduction; zeroed tasks are already in rawScore)
 * @param finalScore convertedScore + bonus − penalty, never below 0
 * @param level the level given by the policy's level rules (also in unranked categories)
 * @param rank the competition rank (1, 2, 2, 4) in the category; null when the category is not ranked
 * @param excellentBlocked an approved penalty marked serious bars the excellent level
 * @param missingEvaluations applicable tasks without an evaluation yet
 * @param tasks every task of the target's category, by task id
 * @param adjustments every approved adjustment, by approval time then id
 */
public record TargetResult(
        long targetId,
        long unitId,
        String name,
        long categoryId,
        String category,
        BigDecimal rawScore,
        BigDecimal applicableMax,
        BigDecimal convertedScore,
        List<ComponentScore> components,
        BigDecimal bonus,
        BigDecimal penalty,
        BigDecimal finalScore,
        String level,
        Integer rank,
        boolean ranked,
        boolean excellentBlocked,
        int missingEvaluations,
        List<TaskLine> tasks,
        List<AdjustmentLine> adjustments) {

    public TargetResult {
        components = List.copyOf(components);
        tasks = List.copyOf(tasks);
        adjustments = List.copyOf(adjustments);
    }

    /** The same result with its standing in the category. */
    TargetResult withStanding(String level, Integer rank, boolean ranked) {
        return new TargetResult(
                targetId,
                unitId,
                name,
                categoryId,
                category,
                rawScore,
                applicableMax,
                convertedScore,
                components,
                bonus,
                penalty,
                finalScore,
                level,
                rank,
                ranked,
                excellentBlocked,
                missingEvaluations,
                tasks,
                adjustments);
    }
}
