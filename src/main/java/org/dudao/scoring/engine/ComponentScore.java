package org.dudao.scoring.engine;

import java.math.BigDecimal;

/**
 * One component of a target's score.
 *
 * @param weight the weight applied to this target: the policy's weight, raised proportionally when
 *     another component has no applicable task for the target, 0 when this one has none
 * @param raw the sum of the component's task scores
 * @param applicableMax the sum of the points of the component's applicable tasks
 * @param score weight × raw / applicableMax (0 when nothing applies)
 */
public record ComponentScore(
        String code, String name, BigDecimal weight, BigDecimal raw, BigDecimal applicableMax, BigDecimal score) {}
