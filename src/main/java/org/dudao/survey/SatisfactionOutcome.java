package org.dudao.survey;

import java.math.BigDecimal;

/**
 * What the satisfaction scoring did (or, in a preview, would do) for one (target, task).
 *
 * @param status SCORED (written or would be), TOO_FEW (below the minimum: flagged, not scored), NO_RATING
 *     (no rating answer), UNCHANGED (the evaluation already holds this value)
 */
public record SatisfactionOutcome(
        long targetId,
        String targetName,
        long taskId,
        String taskTitle,
        BigDecimal taskPoints,
        long responses,
        BigDecimal satisfaction,
        BigDecimal points,
        String status,
        String reason) {}
