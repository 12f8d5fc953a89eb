package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts a target's approved adjustments (rule 5): same matter once per kind ({@link SameMatterOnce}),
 * then the cap of the kind ({@link AdjustmentCap}). Exact sums.
 */
record AdjustmentCounting(AdjustmentCap bonusCap, AdjustmentCap penaltyCap) {

    record Counted(List<AdjustmentLine> lines, BigDecimal bonus, BigDecimal penalty, boolean excellentBlocked) {}

    static AdjustmentCounting of(Policy policy) {
        return new AdjustmentCounting(
                AdjustmentCap.bonus(policy.bonusCap()), AdjustmentCap.penalty(policy.penaltyCap()));
    }

    /** @param adjustments one target's, in counting order (approval time, then id) */
    Counted count(List<Adjustment> adjustments) {
        return count(adjustments, true);
    }

    /** @param explained false: the sums only, no lines (a computation without breakdowns) */
    Counted count(List<Adjustment> adjustments, boolean explained) {
        List<AdjustmentLine> lines = explained ? new ArrayList<>(adjustments.size()) : List.of();
        Set<String> bonusMatters = new HashSet<>();
        Set<String> penaltyMatters = new HashSet<>();
        BigDecimal bonus = BigDecimal.ZERO;
        BigDecimal penalty = BigDecimal.ZERO;
        boolean blocked = false;
        for (Adjustment a : adjustments) {
            boolean isBonus = a.kind() == AdjustmentKind.BONUS;
            if (!isBonus && a.blocksExcellent()) {
                blocked = true;
            }
            String key = SameMatterOnce.key(a.matter());
            BigDecimal counted;
            String note = null;
            if (key != null && !(isBonus ? bonusMatters : penaltyMatters).add(key)) {
                counted = BigDecimal.ZERO;
                note = SameMatterOnce.NOTE;
            } else {
                AdjustmentCap cap = isBonus ? bonusCap : penaltyCap;
                counted = cap.allow(a.points(), isBonus ? bonus : penalty);
                if (counted.compareTo(a.points()) != 0) {
                    note = cap.note();
                }
            }
            if (isBonus) {
                bonus = bonus.add(counted);
            } else {
                penalty = penalty.add(counted);
            }
            if (!explained) {
                continue;
            }
            lines.add(new AdjustmentLine(
                    a.id(),
                    a.kind(),
                    a.matter(),
                    Rounding.out(a.points()),
                    Rounding.out(counted),
                    note,
                    a.reason(),
                    a.reviewId()));
        }
        return new Counted(lines, bonus, penalty, blocked);
    }
}
