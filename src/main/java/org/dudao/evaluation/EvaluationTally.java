package org.dudao.evaluation;

import java.math.BigDecimal;

/**
 * A target's current evaluations summed in the database (one row per target and task group):
 * what a full score computation reads instead of every evaluation. Sums are of the tasks' points (分值) by the grade
 * given, of the points of tasks evaluated as not applicable, and of the points given; null sums are zero.
 *
 * @param group the group of the summed tasks, as the caller grouped them (0 for one group)
 * @param evaluated how many evaluations the row sums
 */
public record EvaluationTally(
        long targetId,
        int group,
        int evaluated,
        BigDecimal excellentPoints,
        BigDecimal goodPoints,
        BigDecimal fairPoints,
        BigDecimal poorPoints,
        BigDecimal notApplicablePoints,
        BigDecimal givenPoints) {}
