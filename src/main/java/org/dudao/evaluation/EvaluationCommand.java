package org.dudao.evaluation;

import java.math.BigDecimal;

/**
 * One row of {@code PUT /api/v1/campaigns/{id}/evaluations}: a grade, points or not applicable for a
 * (target, task), with the reason (required for any deduction and for not applicable).
 *
 * @param grade EXCELLENT/GOOD/FAIR/POOR or 优/良/中/差
 * @param checkedUrl for 网络检索: the page checked (the time is recorded by Dudao)
 */
public record EvaluationCommand(
        Long targetId,
        Long taskId,
        String grade,
        BigDecimal points,
        Boolean notApplicable,
        String reason,
        String checkedUrl) {}
