package org.dudao.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /api/v1/campaigns/{id}/adjustments}: {@code {targetId, kind: BONUS|PENALTY, matter, points,
 * relatedTaskIds, reason}}, plus {@code blocksExcellent} (a serious case cannot be 优秀) and a note on
 * the evidence.
 */
public record AdjustmentCommand(
        Long targetId,
        String kind,
        String matter,
        BigDecimal points,
        List<Long> relatedTaskIds,
        String reason,
        Boolean blocksExcellent,
        String evidence) {}
