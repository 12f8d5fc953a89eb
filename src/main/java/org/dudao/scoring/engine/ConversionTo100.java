package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 按实际情况换算 (rule 3). Without components: a target whose applicable tasks total less than 100 is
 * converted to the hundred-point scale, rawScore × 100 / applicableMax (division at scale 10, result
 * rounded to 2 decimals once). At or above 100, or when conversion is off, the raw score stands. Nothing
 * applicable converts to 0.
 */
record ConversionTo100(boolean enabled) {

    /** The converted score at scale 2. */
    BigDecimal convert(BigDecimal raw, BigDecimal applicableMax) {
        if (applicableMax.signum() == 0) {
            return Rounding.ZERO_OUT;
        }
        BigDecimal v = enabled && applicableMax.compareTo(Rounding.HUNDRED) < 0
                ? Rounding.divide(raw.multiply(Rounding.HUNDRED), applicableMax)
                : raw;
        return v.setScale(Rounding.OUTPUT_SCALE, RoundingMode.HALF_UP);
    }
}
