package org.dudao.scoring;

import java.math.BigDecimal;
import java.time.Instant;

/** A change of a target's published result (final score, level, rank) and the review (复核) that caused it. */
public record ResultChange(
        long targetId,
        Long reviewId,
        BigDecimal oldFinal,
        BigDecimal newFinal,
        String oldLevel,
        String newLevel,
        Integer oldRank,
        Integer newRank,
        String changedBy,
        Instant changedAt) {}
