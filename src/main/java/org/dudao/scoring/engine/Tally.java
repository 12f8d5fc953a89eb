package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * 评价合计: a target's evaluations summed without their details, as a database aggregate hands them over for a
 * full computation (no breakdown is built from a tally: the results have neither task nor event lines). A task score is linear in the task's points (a grade is a
 * percentage of them), so the sum of the points of the tasks given one grade, times that grade's percentage, is
 * exactly the sum of those tasks' scores.
 *
 * <p>A target given by tallies has every one of its evaluations in them; its {@link Inputs#evaluations()} are then
 * details of tasks already counted, and must include every task an approved penalty of the target relates to (相关考核
 * 项目不得分: the engine takes the detail's score back out of the sum). Several tallies of one target (and component)
 * add up.
 *
 * @param component the policy component of the summed tasks; null when the policy has no components
 * @param evaluated how many of the target's tasks have an evaluation (of any kind) in this tally
 * @param excellentPoints Σ points of the tasks graded 优; likewise {@code goodPoints} 良, {@code fairPoints} 中,
 *     {@code poorPoints} 差
 * @param notApplicablePoints Σ points of the tasks evaluated as not applicable (不适用)
 * @param givenPoints Σ of the points given (tasks scored in points rather than graded)
 */
public record Tally(
        long targetId,
        String component,
        int evaluated,
        BigDecimal excellentPoints,
        BigDecimal goodPoints,
        BigDecimal fairPoints,
        BigDecimal poorPoints,
        BigDecimal notApplicablePoints,
        BigDecimal givenPoints) {

    public Tally {
        if (evaluated < 0) {
            throw new IllegalArgumentException("tally of target " + targetId + ": negative count " + evaluated);
        }
        excellentPoints = orZero(excellentPoints);
        goodPoints = orZero(goodPoints);
        fairPoints = orZero(fairPoints);
        poorPoints = orZero(poorPoints);
        notApplicablePoints = orZero(notApplicablePoints);
        givenPoints = orZero(givenPoints);
        for (BigDecimal v :
                new BigDecimal[] {excellentPoints, goodPoints, fairPoints, poorPoints, notApplicablePoints, givenPoints
                }) {
            if (v.signum() < 0) {
                throw new IllegalArgumentException("tally of target " + targetId + ": negative sum " + v);
            }
        }
    }

    /** Σ points of the tasks given the grade. */
    public BigDecimal gradedPoints(Grade grade) {
        return switch (Objects.requireNonNull(grade)) {
            case EXCELLENT -> excellentPoints;
            case GOOD -> goodPoints;
            case FAIR -> fairPoints;
            case POOR -> poorPoints;
        };
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
