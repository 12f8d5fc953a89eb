package org.dudao.scoring;

import java.math.BigDecimal;

/**
 * A target's result as {@code GET /api/v1/campaigns/{id}/results} lists it (contract fields first).
 *
 * @param rank null in unranked categories
 * @param reviewId the review (复核) that last changed the result after publication, if any
 */
public record ResultView(
        long targetId,
        String category,
        BigDecimal rawScore,
        BigDecimal applicableMax,
        BigDecimal convertedScore,
        BigDecimal bonus,
        BigDecimal penalty,
        BigDecimal finalScore,
        String level,
        Integer rank,
        String name,
        long unitId,
        boolean ranked,
        boolean excellentBlocked,
        int missingEvaluations,
        Long reviewId) {}
