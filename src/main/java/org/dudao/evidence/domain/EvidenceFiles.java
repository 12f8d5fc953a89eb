package org.dudao.evidence.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.dudao.evidence.FileView;
import org.dudao.evidence.store.BlobStore;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Reading stored files: only the target, the task's assessor and the office; every byte re-verified. */
@Service
public class EvidenceFiles {

    private final EvidenceRepository repo;
    private final EvidenceAccess access;
    private final BlobStore store;
    private final ApplicationEventPublisher events;

    EvidenceFiles(EvidenceRepository repo, EvidenceAccess access, BlobStore store, ApplicationEventPublisher events) {
        this.repo = repo;
        this.access = access;
        this.store = store;
        this.events = events;
    }

    /** A file and its bytes; the stream fails at its end if the bytes no longer match the hash. */
    public record Opened(FileView file, InputStream content) {}

    public FileView readable(long fileId, CurrentUser user) {
        FileView f = repo.file(fileId).orElseThrow(() -> {
            access.denied("evidence.file.read", fileId, "no such file");
            return new NotFoundException("evidence-file", fileId);
        });
        Submission s = repo.find(f.submissionId()).orElseThrow();
        access.readable(s.campaignId, s.targetId, s.taskId, user, "evidence.file.read");
        return f;
    }

    public Opened open(long fileId, CurrentUser user) {
        FileView f = readable(fileId, user);
        try {
            InputStream in = store.open(f.sha256());
            events.publishEvent(AuditEvent.success(
                    "evidence.file.download",
                    "evidence-file",
                    fileId,
                    null,
                    SubmissionService.map("sha256", f.sha256())));
            return new Opened(f, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
