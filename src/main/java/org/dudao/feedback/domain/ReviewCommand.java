package org.dudao.feedback.domain;

import java.util.List;

/**
 * A review request (复核申请): {@code {problemId?, targetId?, taskIds, adjustmentIds, statement}}.
 * Without a problem it is about the published result; {@code targetId}, when given, must be the
 * caller's own target.
 */
public record ReviewCommand(
        Long problemId, Long targetId, List<Long> taskIds, List<Long> adjustmentIds, String statement) {}
