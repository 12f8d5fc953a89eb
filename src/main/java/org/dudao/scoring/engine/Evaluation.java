package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * 评价: an assessor's current verdict on one task of one target. Exactly one of: a grade, points, or
 * not applicable (不适用). The engine takes one evaluation per target and task; history is not its
 * business.
 *
 * @param points the points given, used as given (not capped at the task's points), not negative
 * @param reviewId the review (复核) that produced this evaluation, if any
 */
public record Evaluation(
        long targetId,
        long taskId,
        Grade grade,
        BigDecimal points,
        boolean notApplicable,
        String reason,
        String assessor,
        Instant at,
        Long reviewId) {

    public Evaluation {
        int given = (grade != null ? 1 : 0) + (points != null ? 1 : 0) + (notApplicable ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("evaluation of target " + targetId + ", task " + taskId
                    + ": exactly one of grade, points or not applicable must be given");
        }
        if (points != null && points.signum() < 0) {
            throw new IllegalArgumentException(
                    "evaluation of target " + targetId + ", task " + taskId + ": negative points " + points);
        }
    }
}
