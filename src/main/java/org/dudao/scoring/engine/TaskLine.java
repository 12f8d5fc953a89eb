package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One task in a target's breakdown: what was given, by whom, when and why, and what it counted.
 *
 * @param grade the grade given, or null
 * @param points the points given, or null
 * @param notApplicable the task was evaluated as not applicable (不适用): it leaves the applicable total
 * @param evaluated false when there is no evaluation yet: the task counts 0 and stays applicable
 * @param score the points counted for the task; 0 when zeroed by a penalty, not evaluated or not
 *     applicable
 * @param zeroedByAdjustmentId the penalty that made the task count zero (the earliest, if several)
 */
public record TaskLine(
        long taskId,
        String title,
        List<String> path,
        String component,
        BigDecimal maxPoints,
        Grade grade,
        BigDecimal points,
        boolean notApplicable,
        boolean evaluated,
        BigDecimal score,
        String reason,
        String assessor,
        Instant at,
        Long reviewId,
        Long zeroedByAdjustmentId) {}
