package org.dudao.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The current evaluation of a (target, task): exactly one of a grade, points, or not applicable.
 *
 * @param detail method-specific record (web check: url and checkedAt; on-site: team and notes)
 * @param reviewId the review (复核) whose decision set this value, if any
 */
public record EvaluationView(
        long id,
        long campaignId,
        long targetId,
        long taskId,
        Grade grade,
        BigDecimal points,
        boolean notApplicable,
        String reason,
        String method,
        Map<String, Object> detail,
        Long evaluatorUnitId,
        String evaluatedBy,
        String evaluatedByName,
        Instant evaluatedAt,
        Long reviewId,
        int revision) {}
