package org.dudao.scoring.engine;

import java.math.BigDecimal;

/**
 * 加分上限 / 减分上限 (rule 5). The counted bonus (or penalty) of a target stops at the cap: walking the
 * adjustments in approval order, the one that crosses the cap counts the part up to it, later ones count
 * 0; both carry the note. A null cap means no cap.
 */
record AdjustmentCap(AdjustmentKind kind, BigDecimal cap) {

    static AdjustmentCap bonus(BigDecimal cap) {
        return new AdjustmentCap(AdjustmentKind.BONUS, cap);
    }

    static AdjustmentCap penalty(BigDecimal cap) {
        return new AdjustmentCap(AdjustmentKind.PENALTY, cap);
    }

    /** What may still count after {@code countedSoFar}: the points, or less when the cap is reached. */
    BigDecimal allow(BigDecimal points, BigDecimal countedSoFar) {
        if (cap == null) {
            return points;
        }
        BigDecimal room = cap.subtract(countedSoFar);
        if (room.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return points.min(room);
    }

    /** "超出加分上限5分，按上限计" or "超出减分上限10分，按上限计". */
    String note() {
        return "超出" + (kind == AdjustmentKind.BONUS ? "加分" : "减分") + "上限" + Rounding.plain(cap) + "分，按上限计";
    }
}
