package org.dudao.inspection;

import java.math.BigDecimal;
import java.time.Instant;

/** A change of an item's score: who, when, old → new, why. */
public record ScoreChangeView(
        long id,
        long taskId,
        String taskTitle,
        long deductionId,
        BigDecimal oldScore,
        BigDecimal newScore,
        String reason,
        String changedBy,
        Instant changedAt) {}
