package org.dudao.creation;

import java.time.Instant;
import java.util.List;
import org.dudao.evidence.AttachmentView;

/**
 * A unit's self-report (自查报告). Once sealed (封存) it cannot change; {@code intact} says whether the
 * body and files still hash to the sealed SHA-256.
 */
public record SelfReportView(
        long id,
        long unitId,
        String unitName,
        String body,
        Instant updatedAt,
        Instant sealedAt,
        String sealedBy,
        String sealSha256,
        boolean intact,
        List<AttachmentView> files) {

    public boolean sealed() {
        return sealedAt != null;
    }
}
