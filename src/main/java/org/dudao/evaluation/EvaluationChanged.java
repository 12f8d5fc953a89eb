package org.dudao.evaluation;

import java.util.Set;

/** Published after evaluations of a campaign changed (in the same transaction). */
public record EvaluationChanged(long campaignId, Set<Long> targetIds, Long reviewId) {}
