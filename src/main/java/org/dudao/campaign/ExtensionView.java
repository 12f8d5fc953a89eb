package org.dudao.campaign;

import java.time.Instant;

/** 延期: the office lets a target change its submissions (of one task, or all when taskId is null) until a time. */
public record ExtensionView(
        long id, long targetId, Long taskId, Instant until, String reason, String grantedBy, Instant grantedAt) {}
