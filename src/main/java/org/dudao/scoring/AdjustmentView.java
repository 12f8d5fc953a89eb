package org.dudao.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A bonus or penalty event (加减分) with its matter, points, related tasks and approval state. */
public record AdjustmentView(
        long id,
        long campaignId,
        long targetId,
        String kind,
        String matter,
        BigDecimal points,
        List<Long> relatedTaskIds,
        boolean blocksExcellent,
        String reason,
        String evidence,
        String status,
        String proposedBy,
        String proposedByName,
        Instant proposedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionNote,
        Long reviewId) {}
