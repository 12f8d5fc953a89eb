package org.dudao.scoring.engine;

import java.math.BigDecimal;

/** Last year's result of a unit, matched by {@code unitId}; any field except the unit may be null. */
public record PreviousResult(long unitId, BigDecimal finalScore, String level, Integer rank) {}
