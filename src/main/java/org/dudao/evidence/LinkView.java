package org.dudao.evidence;

import java.time.Instant;

/** A link handed in as evidence (e.g. the page where a list is published), with an optional screenshot. */
public record LinkView(
        long id,
        String url,
        String title,
        Long screenshotFileId,
        String addedBy,
        Instant addedAt,
        Instant withdrawnAt) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
