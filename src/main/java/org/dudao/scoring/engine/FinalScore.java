package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 最终得分 (rule 6): convertedScore + bonus − penalty, at 2 decimals. Never below 0: penalties cannot take
 * a target under zero. Above 100 is possible with a bonus.
 */
final class FinalScore {

    private FinalScore() {}

    static BigDecimal of(BigDecimal converted, BigDecimal bonus, BigDecimal penalty) {
        BigDecimal v = converted.add(bonus).subtract(penalty);
        if (v.signum() < 0) {
            v = BigDecimal.ZERO;
        }
        return v.setScale(Rounding.OUTPUT_SCALE, RoundingMode.HALF_UP);
    }
}
