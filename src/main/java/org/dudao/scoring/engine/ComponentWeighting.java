package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * 分项计分 (rule 4). With components, each component scores weight × raw / applicableMax over its own
 * tasks, and the converted score is the sum of the component scores. A component with no applicable task
 * for the target (applicableMax 0) scores nothing, and its weight is spread over the other components in
 * proportion to their weights, so the total weight stays that of the policy (100 for 70 + 20 + 10):
 * effective weight = weight × Σ all weights / Σ weights of applicable components. Each component's score
 * is one division at scale 10; the sum is rounded once to 2 decimals.
 */
record ComponentWeighting(List<Component> components) {

    record Weighed(List<ComponentScore> scores, BigDecimal converted) {}

    /**
     * @param raw per component (policy order), the sum of its task scores
     * @param applicableMax per component, the sum of the points of its applicable tasks
     */
    Weighed weigh(BigDecimal[] raw, BigDecimal[] applicableMax) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal applicable = BigDecimal.ZERO;
        for (int i = 0; i < components.size(); i++) {
            BigDecimal w = components.get(i).weight();
            total = total.add(w);
            if (applicableMax[i].signum() > 0) {
                applicable = applicable.add(w);
            }
        }
        List<ComponentScore> scores = new ArrayList<>(components.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            BigDecimal weight = BigDecimal.ZERO;
            BigDecimal score = BigDecimal.ZERO;
            if (applicableMax[i].signum() > 0) {
                BigDecimal scaled = c.weight().multiply(total);
                weight = Rounding.divide(scaled, applicable);
                score = Rounding.divide(scaled.multiply(raw[i]), applicable.multiply(applicableMax[i]));
            }
            sum = sum.add(score);
            scores.add(new ComponentScore(
                    c.code(),
                    c.name(),
                    Rounding.out(weight),
                    Rounding.out(raw[i]),
                    Rounding.out(applicableMax[i]),
                    Rounding.out(score)));
        }
        return new Weighed(scores, sum.setScale(Rounding.OUTPUT_SCALE, RoundingMode.HALF_UP));
    }
}
