package org.dudao.evidence;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dudao.evidence.domain.Attachments;
import org.dudao.evidence.domain.EvidenceRepository;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence module's facade for other modules: files attached to their objects (a problem's
 * evidence, a review request, a rectification report), kept in the same hashed blob store as the
 * submissions, and the state of a campaign's submissions for progress figures (reports). The calling
 * module checks who may attach and read.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceApi {

    private final Attachments attachments;
    private final EvidenceRepository submissions;

    EvidenceApi(Attachments attachments, EvidenceRepository submissions) {
        this.attachments = attachments;
        this.submissions = submissions;
    }

    public record OpenedAttachment(AttachmentView attachment, InputStream content) {}

    @Transactional
    public AttachmentView attach(
            String ownerKind, long ownerId, String originalName, InputStream in, CurrentUser user) {
        return attachments.attach(ownerKind, ownerId, originalName, in, user);
    }

    public Optional<AttachmentView> attachment(long id) {
        return attachments.find(id);
    }

    public Map<Long, List<AttachmentView>> attachments(String ownerKind, Collection<Long> ownerIds) {
        return attachments.of(ownerKind, ownerIds);
    }

    public OpenedAttachment open(AttachmentView attachment, CurrentUser user) {
        Attachments.Opened o = attachments.open(attachment, user);
        return new OpenedAttachment(o.attachment(), o.content());
    }

    public long maxFileBytes() {
        return attachments.maxFileBytes();
    }

    /** 字数 as the explanations' word limits count it (the rule of submissions' explanations). */
    public static int wordCount(String text) {
        return org.dudao.evidence.domain.Words.count(text);
    }

    /**
     * The status of every started submission of the campaign, in one query (report progress tables). The
     * caller checks who may read them.
     */
    public List<SubmissionCell> submissionCells(long campaignId) {
        return submissions.cells(campaignId).stream()
                .map(c -> new SubmissionCell(c.targetId(), c.taskId(), c.status(), c.files()))
                .toList();
    }
}
