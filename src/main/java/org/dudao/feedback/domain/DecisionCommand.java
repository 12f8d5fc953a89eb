package org.dudao.feedback.domain;

import java.util.List;
import org.dudao.evaluation.EvaluationCommand;
import org.dudao.scoring.AdjustmentCommand;

/**
 * The office's decision on a review: {@code {decision: UPHELD|PARTLY_CHANGED|CHANGED, reason,
 * evaluations: [EvaluationCommand], adjustments: [AdjustmentCommand]}}; a change needs at least one
 * new evaluation or event, a decision that upholds needs none.
 */
public record DecisionCommand(
        String decision, String reason, List<EvaluationCommand> evaluations, List<AdjustmentCommand> adjustments) {}
