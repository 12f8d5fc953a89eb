package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 计分精度 (rule 7). Sums of task scores, bonus and penalty are exact; every division (conversion,
 * component weighting) is carried at scale 10, HALF_UP; the converted score is rounded once to 2
 * decimals, HALF_UP; every number the engine hands out has scale 2.
 */
final class Rounding {

    static final int DIVISION_SCALE = 10;
    static final int OUTPUT_SCALE = 2;
    static final BigDecimal HUNDRED = new BigDecimal(100);
    static final BigDecimal ZERO_OUT = BigDecimal.ZERO.setScale(OUTPUT_SCALE);

    private Rounding() {}

    /** a / b at scale 10, HALF_UP. */
    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, DIVISION_SCALE, RoundingMode.HALF_UP);
    }

    /** The output form: scale 2, HALF_UP; null stays null. */
    static BigDecimal out(BigDecimal v) {
        return v == null ? null : v.setScale(OUTPUT_SCALE, RoundingMode.HALF_UP);
    }

    /** A number as a person writes it: 5, 10, 2.5. */
    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
