package org.dudao.scoring.engine;

import java.math.BigDecimal;

/**
 * 大幅退步: the rank fell by at least {@code rankDrop} places, or the final score fell by at least
 * {@code scoreDrop} points, against last year. Either may be null (that test is off).
 */
public record Regression(Integer rankDrop, BigDecimal scoreDrop) {}
