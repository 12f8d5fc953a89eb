package org.dudao.evidence;

import java.time.Instant;
import java.util.List;

/**
 * A target's submission for one task; {@code id} is null while nothing was started.
 *
 * @param dueAt until when the target may change it (deadline or extension), null when no deadline
 * @param open whether the target may change it now (editable status and before {@code dueAt})
 */
public record SubmissionView(
        Long id,
        long campaignId,
        long targetId,
        long taskId,
        SubmissionStatus status,
        String explanation,
        List<String> checklist,
        int versions,
        Instant submittedAt,
        Instant returnedAt,
        String returnReason,
        Instant dueAt,
        boolean open,
        List<FileView> files,
        List<LinkView> links) {}
