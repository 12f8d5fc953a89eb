package org.dudao.evidence.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dudao.evidence.AttachmentView;
import org.dudao.evidence.inspect.FileInspector;
import org.dudao.evidence.inspect.Inspection;
import org.dudao.evidence.store.BlobStore;
import org.dudao.evidence.store.StagedBlob;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Files attached to other modules' objects. The owner module decides who may attach and read; this
 * class stores the bytes (staged, hashed, inspected like a submission's file), records them and
 * audits every upload and download.
 */
@Service
public class Attachments {

    private static final String SELECT = "select id, owner_kind, owner_id, sha256, display_name, file_type,"
            + " content_type, size, uploaded_by, uploaded_at from evidence_attachment";

    private final JdbcClient jdbc;
    private final BlobStore store;
    private final FileInspector inspector;
    private final SubmissionService submissions;
    private final EvidenceRepository repo;
    private final ApplicationEventPublisher events;

    Attachments(
            JdbcClient jdbc,
            BlobStore store,
            FileInspector inspector,
            SubmissionService submissions,
            EvidenceRepository repo,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.inspector = inspector;
        this.submissions = submissions;
        this.repo = repo;
        this.events = events;
    }

    /** An attachment and its bytes; the stream fails at its end if the bytes no longer match the hash. */
    public record Opened(AttachmentView attachment, InputStream content) {}

    /**
     * Stores the bytes and records the attachment in the caller's transaction (a rolled-back owner
     * leaves an unreferenced blob, which the nightly sweep removes).
     */
    public AttachmentView attach(
            String ownerKind, long ownerId, String originalName, InputStream in, CurrentUser user) {
        try (StagedBlob staged = submissions.stage(in)) {
            Inspection inspection = inspector.inspect(staged.tempFile(), originalName, submissions.limits());
            store.commit(staged);
            repo.insertBlob(staged.sha256(), staged.size(), inspection.contentType());
            long id = jdbc.sql("insert into evidence_attachment (owner_kind, owner_id, sha256, display_name,"
                            + " file_type, content_type, size, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?)"
                            + " returning id")
                    .params(
                            ownerKind,
                            ownerId,
                            staged.sha256(),
                            inspection.displayName(),
                            inspection.type().name(),
                            inspection.contentType(),
                            staged.size(),
                            user.username())
                    .query(Long.class)
                    .single();
            events.publishEvent(AuditEvent.success(
                    "evidence.attachment.upload",
                    "evidence-attachment",
                    id,
                    null,
                    SubmissionService.map(
                            "owner",
                            ownerKind + "/" + ownerId,
                            "name",
                            inspection.displayName(),
                            "sha256",
                            staged.sha256(),
                            "size",
                            staged.size())));
            return find(id).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long maxFileBytes() {
        return submissions.maxFileBytes();
    }

    public Optional<AttachmentView> find(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(Attachments::row)
                .optional();
    }

    public Map<Long, List<AttachmentView>> of(String ownerKind, Collection<Long> ownerIds) {
        if (ownerIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(SELECT + " where owner_kind = :kind and owner_id in (:ids) order by id")
                .param("kind", ownerKind)
                .param("ids", ownerIds)
                .query(Attachments::row)
                .list()
                .stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        AttachmentView::ownerId, java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
    }

    /** Opens the bytes; the owner module has checked the caller's right to read the owner object. */
    public Opened open(AttachmentView a, CurrentUser user) {
        try {
            InputStream in = store.open(a.sha256());
            events.publishEvent(AuditEvent.success(
                    "evidence.attachment.download",
                    "evidence-attachment",
                    a.id(),
                    null,
                    SubmissionService.map("sha256", a.sha256(), "by", user.username())));
            return new Opened(a, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AttachmentView row(ResultSet rs, int n) throws SQLException {
        return new AttachmentView(
                rs.getLong("id"),
                rs.getString("owner_kind"),
                rs.getLong("owner_id"),
                rs.getString("sha256"),
                rs.getString("display_name"),
                rs.getString("file_type"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
