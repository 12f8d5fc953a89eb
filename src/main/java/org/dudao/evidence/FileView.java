package org.dudao.evidence;

import java.time.Instant;

/**
 * An uploaded file. {@code duplicateOf} says where else the same bytes (hash) were sent: another target
 * of this campaign, or any target of an earlier campaign; null when nowhere.
 */
public record FileView(
        long id,
        long submissionId,
        String sha256,
        String displayName,
        String fileType,
        String contentType,
        long size,
        String uploadedBy,
        Instant uploadedAt,
        Instant withdrawnAt,
        String withdrawnBy,
        boolean inlinePreview) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
