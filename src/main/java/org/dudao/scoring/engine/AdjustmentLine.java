package org.dudao.scoring.engine;

import java.math.BigDecimal;

/**
 * One bonus or penalty in a target's breakdown.
 *
 * @param points the adjustment's points
 * @param counted what reached the total after the same-matter rule and the cap
 * @param note why {@code counted} differs from {@code points} (同一事项不重复计分, 超出加分上限5分，按上限计,
 *     超出减分上限10分，按上限计); null when they are equal
 */
public record AdjustmentLine(
        long id,
        AdjustmentKind kind,
        String matter,
        BigDecimal points,
        BigDecimal counted,
        String note,
        String reason,
        Long reviewId) {}
