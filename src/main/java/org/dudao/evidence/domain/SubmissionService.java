package org.dudao.evidence.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.campaign.CampaignApi;
import org.dudao.evidence.FileView;
import org.dudao.evidence.LinkView;
import org.dudao.evidence.SubmissionStatus;
import org.dudao.evidence.SubmissionView;
import org.dudao.evidence.domain.EvidenceAccess.TargetTask;
import org.dudao.evidence.inspect.FileInspector;
import org.dudao.evidence.inspect.Inspection;
import org.dudao.evidence.inspect.InspectionLimits;
import org.dudao.evidence.store.BlobStore;
import org.dudao.evidence.store.Sha256;
import org.dudao.evidence.store.StagedBlob;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A target's work on its submissions and the assessor's answers. Bytes are staged, hashed, inspected
 * and made durable in the blob store before the database row that names them commits; the deadline is
 * checked on the database's clock before reading a body and again inside the transaction.
 */
@Service
public class SubmissionService {

    static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ClockConfiguration.ZONE);

    private final EvidenceRepository repo;
    private final EvidenceAccess access;
    private final CampaignApi campaigns;
    private final BlobStore store;
    private final FileInspector inspector;
    private final DatabaseTime time;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final DudaoProperties.Evidence settings;

    SubmissionService(
            EvidenceRepository repo,
            EvidenceAccess access,
            CampaignApi campaigns,
            BlobStore store,
            FileInspector inspector,
            DatabaseTime time,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            DudaoProperties properties) {
        this.repo = repo;
        this.access = access;
        this.campaigns = campaigns;
        this.store = store;
        this.inspector = inspector;
        this.time = time;
        this.tx = tx;
        this.events = events;
        this.settings = properties.evidence();
    }

    public long maxFileBytes() {
        return settings.maxFileBytes();
    }

    InspectionLimits limits() {
        return new InspectionLimits(
                settings.zipMaxEntries(), settings.zipMaxUncompressedBytes(), settings.zipMaxRatio());
    }

    // ---------------------------------------------------------------- target

    /** Refuses before any byte is read when the target may not change the submission now. */
    public TargetTask checkUploadAllowed(long campaignId, long taskId, CurrentUser user) {
        TargetTask tt = access.asTarget(campaignId, taskId, user, "evidence.file.upload");
        checkDeadline(tt);
        repo.find(tt.target().id(), taskId).ifPresent(s -> {
            if (!s.status.isEditable()) {
                throw new ConflictException(
                        null, s.status == SubmissionStatus.LOCKED ? "evidence.locked" : "evidence.recallFirst");
            }
        });
        return tt;
    }

    /**
     * Stores one uploaded file in the caller's submission of the task.
     *
     * @param clientSha256 the hash the client computed, or null; a mismatch is refused
     */
    public FileView upload(
            long campaignId, long taskId, String originalName, InputStream in, String clientSha256, CurrentUser user) {
        TargetTask tt = checkUploadAllowed(campaignId, taskId, user);
        String expected = normaliseSha(clientSha256);
        try (StagedBlob staged = store.stage(in, settings.maxFileBytes())) {
            return finishUpload(tt, staged, originalName, expected, user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Receives the bytes of an upload into staging (hashed, fsynced, refused beyond the size limit). */
    public StagedBlob stage(InputStream in) throws IOException {
        return store.stage(in, settings.maxFileBytes());
    }

    /** Inspects a staged blob, makes it durable and records it (shared by whole and chunked uploads). */
    public FileView finishUpload(
            TargetTask tt, StagedBlob staged, String originalName, String expected, CurrentUser user)
            throws IOException {
        if (expected != null && !expected.equals(staged.sha256())) {
            throw new InvalidInputException("sha256", "evidence.file.hashMismatch", expected, staged.sha256());
        }
        Inspection inspection = inspector.inspect(staged.tempFile(), originalName, limits());
        store.commit(staged);
        Long fileId = tx.execute(status -> {
            Submission s = repo.lockOrCreate(
                    tt.campaign().id(), tt.target().id(), tt.task().id(), user.username());
            checkDeadline(tt);
            SubmissionStatus from = s.status;
            s.requireEditable();
            repo.save(s, user.username());
            repo.insertBlob(staged.sha256(), staged.size(), inspection.contentType());
            long id = repo.insertFile(
                    s.id,
                    staged.sha256(),
                    inspection.displayName(),
                    inspection.type().name(),
                    inspection.contentType(),
                    staged.size(),
                    user.username());
            repo.event(
                    s.id,
                    "UPLOAD",
                    from,
                    s.status,
                    inspection.displayName() + " (" + staged.sha256() + ")",
                    user.username());
            events.publishEvent(AuditEvent.success(
                    "evidence.file.upload",
                    "evidence-file",
                    id,
                    null,
                    map(
                            "submission",
                            s.id,
                            "target",
                            tt.target().name(),
                            "task",
                            tt.task().name(),
                            "name",
                            inspection.displayName(),
                            "sha256",
                            staged.sha256(),
                            "size",
                            staged.size())));
            return id;
        });
        return repo.file(fileId).orElseThrow();
    }

    /** 撤回文件: the file leaves the current material but stays in the history. */
    public void withdrawFile(long campaignId, long taskId, long fileId, CurrentUser user) {
        TargetTask tt = access.asTarget(campaignId, taskId, user, "evidence.file.withdraw");
        change(tt, user, s -> {
            FileView f = repo.file(fileId).filter(x -> x.submissionId() == s.id).orElseThrow(() -> {
                access.denied("evidence.file.withdraw", fileId, "file of another submission");
                return new NotFoundException("evidence-file", fileId);
            });
            if (repo.withdrawFile(fileId, s.id, user.username()) == 0) {
                throw new ConflictException(null, "evidence.file.alreadyWithdrawn");
            }
            repo.event(s.id, "WITHDRAW_FILE", s.status, s.status, f.displayName(), user.username());
            events.publishEvent(AuditEvent.success(
                    "evidence.file.withdraw",
                    "evidence-file",
                    fileId,
                    map("name", f.displayName()),
                    map("withdrawn", true)));
        });
    }

    /** Adds a link (http/https only) with an optional screenshot already uploaded to the submission. */
    public LinkView addLink(
            long campaignId, long taskId, String url, String title, Long screenshotFileId, CurrentUser user) {
        String clean = checkUrl(url);
        String cleanTitle = Texts.optional("title", title, 200);
        TargetTask tt = access.asTarget(campaignId, taskId, user, "evidence.link.add");
        long[] id = new long[1];
        change(tt, user, s -> {
            if (screenshotFileId != null) {
                FileView shot = repo.file(screenshotFileId)
                        .filter(f -> f.submissionId() == s.id && !f.withdrawn())
                        .orElseThrow(() -> new InvalidInputException("screenshot", "evidence.link.screenshotUnknown"));
                if (!shot.fileType().equals("PNG") && !shot.fileType().equals("JPG")) {
                    throw new InvalidInputException("screenshot", "evidence.link.screenshotNotImage");
                }
            }
            id[0] = repo.insertLink(s.id, clean, cleanTitle, screenshotFileId, user.username());
            repo.event(s.id, "ADD_LINK", s.status, s.status, clean, user.username());
            events.publishEvent(
                    AuditEvent.success("evidence.link.add", "evidence-link", id[0], null, map("url", clean)));
        });
        return repo.links(repo.find(tt.target().id(), taskId).orElseThrow().id).stream()
                .filter(l -> l.id() == id[0])
                .findFirst()
                .orElseThrow();
    }

    public void withdrawLink(long campaignId, long taskId, long linkId, CurrentUser user) {
        TargetTask tt = access.asTarget(campaignId, taskId, user, "evidence.link.withdraw");
        change(tt, user, s -> {
            if (repo.withdrawLink(linkId, s.id, user.username()) == 0) {
                throw new NotFoundException("evidence-link", linkId);
            }
            repo.event(s.id, "WITHDRAW_LINK", s.status, s.status, String.valueOf(linkId), user.username());
            events.publishEvent(AuditEvent.success("evidence.link.withdraw", "evidence-link", linkId, null, null));
        });
    }

    /** Saves the written explanation (hard word limit enforced) and the ticked checklist items. */
    public void saveText(long campaignId, long taskId, String explanation, List<String> checklist, CurrentUser user) {
        TargetTask tt = access.asTarget(campaignId, taskId, user, "evidence.text.save");
        String text = explanation == null ? null : explanation.strip();
        Integer max = tt.task().wordLimitMax() != null
                ? tt.task().wordLimitMax()
                : tt.task().wordLimit();
        int words = Words.count(text);
        if (max != null && words > max) {
            throw new InvalidInputException("explanation", "evidence.explanation.tooLong", words, max);
        }
        if (text != null && text.length() > 20_000) {
            throw new InvalidInputException("explanation", "evidence.explanation.tooLong", words, 20_000);
        }
        List<String> ticked =
                checklist == null ? List.of() : checklist.stream().distinct().toList();
        for (String item : ticked) {
            if (!tt.task().materials().contains(item)) {
                throw new InvalidInputException("checklist", "evidence.checklist.unknown", item);
            }
        }
        change(tt, user, s -> {
            Map<String, Object> before = map("explanation", s.explanation, "checklist", s.checklist);
            s.explanation = text == null || text.isEmpty() ? null : text;
            s.checklist = new ArrayList<>(ticked);
            repo.event(
                    s.id,
                    "EDIT_TEXT",
                    s.status,
                    s.status,
                    "说明 " + words + " 字，清单 " + ticked.size() + " 项",
                    user.username());
            events.publishEvent(AuditEvent.success(
                    "evidence.text.save",
                    TYPE,
                    s.id,
                    before,
                    map("explanation", s.explanation, "checklist", s.checklist)));
        });
    }

    /** 报送 / 重新报送: a new version holding the current files, links, explanation and checklist. */
    public SubmissionView submit(long campaignId, long taskId, CurrentUser user) {
        TargetTask tt = access.asTarget(campaignId, taskId, user, "evidence.submit");
        checkDeadline(tt);
        tx.executeWithoutResult(status -> {
            Submission s = repo.lockOrCreate(campaignId, tt.target().id(), taskId, user.username());
            Instant now = checkDeadline(tt);
            List<Long> files = repo.files(s.id).stream()
                    .filter(f -> !f.withdrawn())
                    .map(FileView::id)
                    .toList();
            List<Long> links = repo.links(s.id).stream()
                    .filter(l -> !l.withdrawn())
                    .map(LinkView::id)
                    .toList();
            boolean content =
                    !files.isEmpty() || !links.isEmpty() || (s.explanation != null && !s.explanation.isBlank());
            SubmissionStatus from = s.submit(now, content);
            repo.save(s, user.username());
            repo.insertVersion(s, files, links, now, user.username());
            repo.event(s.id, "SUBMIT", from, s.status, "第 " + s.versions + " 版", user.username());
            events.publishEvent(AuditEvent.success(
                    "evidence.submit",
                    TYPE,
                    s.id,
                    map("status", from),
                    map("status", s.status, "version", s.versions, "files", files)));
        });
        return view(tt, user);
    }

    /** 撤回报送: back to draft to change it, before the deadline. */
    public SubmissionView recall(long campaignId, long taskId, CurrentUser user) {
        TargetTask tt = access.asTarget(campaignId, taskId, user, "evidence.recall");
        checkDeadline(tt);
        tx.executeWithoutResult(status -> {
            Submission s = repo.find(tt.target().id(), taskId)
                    .flatMap(x -> repo.lock(x.id))
                    .orElseThrow(() -> new ConflictException(null, "evidence.notSubmitted"));
            checkDeadline(tt);
            SubmissionStatus from = s.recall();
            repo.save(s, user.username());
            repo.event(s.id, "RECALL", from, s.status, null, user.username());
            events.publishEvent(
                    AuditEvent.success("evidence.recall", TYPE, s.id, map("status", from), map("status", s.status)));
        });
        return view(tt, user);
    }

    // ---------------------------------------------------------------- assessor

    /** 退回: the task's assessor asks the target for more, with a reason. */
    public void returnToTarget(long campaignId, long targetId, long taskId, String reason, CurrentUser user) {
        TargetTask tt = access.asAssessor(campaignId, targetId, taskId, user, "evidence.return");
        String why = Texts.requiredMultiline("reason", reason, 2000, "evidence.return.reasonRequired");
        tx.executeWithoutResult(status -> {
            Submission s = repo.find(targetId, taskId)
                    .flatMap(x -> repo.lock(x.id))
                    .orElseThrow(() -> new ConflictException(null, "evidence.notSubmitted"));
            SubmissionStatus from = s.returnToTarget(time.now(), why);
            repo.save(s, user.username());
            repo.event(s.id, "RETURN", from, s.status, why, user.username());
            events.publishEvent(AuditEvent.success(
                    "evidence.return",
                    TYPE,
                    s.id,
                    map("status", from),
                    map("status", s.status, "reason", why, "target", tt.target().name())));
        });
    }

    /** 锁定: the assessor takes the submission as the basis of its rating. */
    public void lock(long campaignId, long targetId, long taskId, CurrentUser user) {
        access.asAssessor(campaignId, targetId, taskId, user, "evidence.lock");
        tx.executeWithoutResult(status -> {
            Submission s = repo.find(targetId, taskId)
                    .flatMap(x -> repo.lock(x.id))
                    .orElseThrow(() -> new ConflictException(null, "evidence.notSubmitted"));
            SubmissionStatus from = s.lock();
            repo.save(s, user.username());
            repo.event(s.id, "LOCK", from, s.status, null, user.username());
            events.publishEvent(
                    AuditEvent.success("evidence.lock", TYPE, s.id, map("status", from), map("status", s.status)));
        });
    }

    // ---------------------------------------------------------------- reading

    /** The submission of (target, task) with its files and links, as its target, assessor or the office sees it. */
    public SubmissionView view(TargetTask tt, CurrentUser user) {
        Instant due = campaigns.effectiveDue(tt.task(), tt.target().id());
        boolean beforeDue = due == null || time.now().isBefore(due);
        return repo.find(tt.target().id(), tt.task().id())
                .map(s -> new SubmissionView(
                        s.id,
                        s.campaignId,
                        s.targetId,
                        s.taskId,
                        s.status,
                        s.explanation,
                        s.checklist,
                        s.versions,
                        s.submittedAt,
                        s.returnedAt,
                        s.returnReason,
                        due,
                        beforeDue && s.status.isEditable(),
                        repo.files(s.id),
                        repo.links(s.id)))
                .orElseGet(() -> new SubmissionView(
                        null,
                        tt.campaign().id(),
                        tt.target().id(),
                        tt.task().id(),
                        SubmissionStatus.NOT_STARTED,
                        null,
                        List.of(),
                        0,
                        null,
                        null,
                        null,
                        due,
                        beforeDue,
                        List.of(),
                        List.of()));
    }

    // ---------------------------------------------------------------- helpers

    static final String TYPE = EvidenceAccess.TYPE;

    private interface Change {
        void apply(Submission s);
    }

    /** Runs a target's change on its locked submission, after the deadline check on the database clock. */
    private void change(TargetTask tt, CurrentUser user, Change change) {
        checkDeadline(tt);
        tx.executeWithoutResult(status -> {
            Submission s = repo.lockOrCreate(
                    tt.campaign().id(), tt.target().id(), tt.task().id(), user.username());
            checkDeadline(tt);
            s.requireEditable();
            change.apply(s);
            repo.save(s, user.username());
        });
    }

    /** Refuses when the target's deadline (with extensions) has passed on the database's clock; returns now. */
    public Instant checkDeadline(TargetTask tt) {
        Instant due = campaigns.effectiveDue(tt.task(), tt.target().id());
        Instant now = time.now();
        if (due != null && !now.isBefore(due)) {
            throw new ConflictException(null, "evidence.deadlinePassed", SHOWN.format(due));
        }
        return now;
    }

    public static String normaliseSha(String sha) {
        if (sha == null || sha.isBlank()) {
            return null;
        }
        String s = sha.strip().toLowerCase(Locale.ROOT);
        if (!Sha256.isValid(s)) {
            throw new InvalidInputException("sha256", "evidence.file.shaInvalid");
        }
        return s;
    }

    /** Only absolute http(s) URLs with a host; no scripts, no credentials, no control characters. */
    static String checkUrl(String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty() || u.length() > 2000 || u.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new InvalidInputException("url", "evidence.link.invalid");
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidInputException("url", "evidence.link.scheme");
            }
            if (uri.getHost() == null || uri.getHost().isBlank() || uri.getUserInfo() != null) {
                throw new InvalidInputException("url", "evidence.link.invalid");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "evidence.link.invalid");
        }
        return u;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
