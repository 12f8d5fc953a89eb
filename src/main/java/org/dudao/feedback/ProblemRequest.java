package org.dudao.feedback;

import java.math.BigDecimal;

/**
 * A problem another module feeds back through {@link FeedbackApi#raiseProblems} (e.g. an inspection's
 * formal feedback 督察反馈意见).
 *
 * @param taskId the campaign task the problem concerns, or null
 * @param source ROUTINE, ONSITE, CENTRAL_REVIEW, WEB_CHECK or RESULTS (null = ROUTINE)
 * @param severity MINOR, MAJOR or SEVERE (null = MINOR)
 */
public record ProblemRequest(
        Long targetId, Long taskId, String source, String severity, String description, BigDecimal pointsAffected) {}
