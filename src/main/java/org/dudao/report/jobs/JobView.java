package org.dudao.report.jobs;

import java.time.Instant;

/**
 * A background job as {@code GET /api/v1/jobs/{id}} answers.
 *
 * @param progress 0–100
 * @param message where it stands or why it failed, in the reader's language
 * @param downloadUrl set once the job is done and its file is kept
 * @param expiresAt when the job and its file are deleted (set when it finishes)
 * @param sha256 the file's SHA-256 (hex), also sent as {@code X-Content-SHA256} with the file
 */
public record JobView(
        long id,
        long campaignId,
        String kind,
        JobStatus status,
        int progress,
        String message,
        String downloadUrl,
        Instant expiresAt,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String requestedBy,
        String requestedByName,
        String fileName,
        Long fileSize,
        String sha256) {

    public boolean active() {
        return status == JobStatus.QUEUED || status == JobStatus.RUNNING;
    }
}
