package org.dudao.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

/** One change of an evaluation: old → new, who, when, through which channel, and the review if any. */
public record HistoryView(
        long id,
        long evaluationId,
        long targetId,
        long taskId,
        int revision,
        Grade oldGrade,
        BigDecimal oldPoints,
        Boolean oldNotApplicable,
        String oldReason,
        Grade newGrade,
        BigDecimal newPoints,
        boolean newNotApplicable,
        String newReason,
        String channel,
        String changedBy,
        String changedByName,
        Instant changedAt,
        Long reviewId) {}
