/**
 * 评分引擎 / Scoring engine: turns one campaign's targets, tasks, evaluations and approved bonus and
 * penalty adjustments, under the campaign's rule settings ({@link org.dudao.scoring.engine.Policy}),
 * into scores, levels, ranks and the follow-up lists (last N, big regression, consecutive excellence),
 * with a breakdown that explains every point. Plain Java, no framework: immutable records in, immutable
 * records out, BigDecimal throughout, the same result for the same inputs in any order. The rules are
 * written down in {@code docs/scoring.md}.
 */
package org.dudao.scoring.engine;
