package org.dudao.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The part of an evaluation the score computation reads, loaded without the method record: who rated
 * (OFFICE, ASSESSOR or TEAM) and the person's name, for the breakdown.
 */
public record ScoringRow(
        long targetId,
        long taskId,
        Grade grade,
        BigDecimal points,
        boolean notApplicable,
        String reason,
        String rater,
        String evaluatedBy,
        Instant evaluatedAt,
        Long reviewId) {}
