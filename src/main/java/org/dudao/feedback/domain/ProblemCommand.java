package org.dudao.feedback.domain;

import java.math.BigDecimal;

/**
 * A problem to feed back: {@code {targetId, taskId?, adjustmentId?, source, severity, description,
 * pointsAffected?}}.
 *
 * @param source ROUTINE 日常 (default), ONSITE 实地考核, CENTRAL_REVIEW 集中评查, WEB_CHECK 网络检索, RESULTS 年终考核
 * @param severity MINOR 一般 (default), MAJOR 较重, SEVERE 严重
 */
public record ProblemCommand(
        Long targetId,
        Long taskId,
        Long adjustmentId,
        String source,
        String severity,
        String description,
        BigDecimal pointsAffected) {}
