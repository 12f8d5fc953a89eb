package org.dudao.scoring;

import java.math.BigDecimal;

/**
 * One task of one target as its stored breakdown counts it, for tables over whole campaigns (the breakdown's other
 * fields — titles, reasons, who — are left in the database).
 *
 * @param score the points counted (0 when zeroed by a penalty, not evaluated or not applicable)
 * @param evaluated false when the task has no evaluation yet
 * @param zeroedByAdjustmentId the penalty that made the task count zero, if any
 */
public record TaskScoreView(
        long targetId,
        long taskId,
        BigDecimal score,
        boolean notApplicable,
        boolean evaluated,
        Long zeroedByAdjustmentId) {}
