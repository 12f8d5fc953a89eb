package org.dudao.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A target's current evaluations summed in the database (one row per target, or per target and task method set):
 * what a full score computation reads instead of every evaluation. Sums are of the tasks' points (分值) by the grade
 * given, of the points of tasks evaluated as not applicable, and of the points given; null sums are zero.
 *
 * @param methods the assessment methods of the summed tasks, when summed by method set; null otherwise
 * @param evaluated how many evaluations the row sums
 */
public record EvaluationTally(
        long targetId,
        List<String> methods,
        int evaluated,
        BigDecimal excellentPoints,
        BigDecimal goodPoints,
        BigDecimal fairPoints,
        BigDecimal poorPoints,
        BigDecimal notApplicablePoints,
        BigDecimal givenPoints) {}
