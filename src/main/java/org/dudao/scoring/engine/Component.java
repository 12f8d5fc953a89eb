package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A score component (e.g. 日常工作落实, 实地考察, 满意度).
 *
 * @param weight the points of the hundred this component is worth (e.g. 70), positive
 */
public record Component(String code, String name, BigDecimal weight) {

    public Component {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(weight, "weight");
        if (weight.signum() <= 0) {
            throw new IllegalArgumentException("component " + code + ": weight must be positive, got " + weight);
        }
    }
}
