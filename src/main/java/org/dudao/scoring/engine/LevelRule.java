package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One result level (等次), in a list ordered best to worst.
 *
 * @param minScore the lowest final score that may get the level; null = no threshold
 * @param quotaPercent at most floor(quotaPercent × category size / 100) targets of a category get the level;
 *     null = no quota
 */
public record LevelRule(String name, BigDecimal minScore, BigDecimal quotaPercent) {

    public LevelRule {
        Objects.requireNonNull(name, "name");
        if (quotaPercent != null && quotaPercent.signum() < 0) {
            throw new IllegalArgumentException("level " + name + ": negative quota " + quotaPercent);
        }
    }
}
