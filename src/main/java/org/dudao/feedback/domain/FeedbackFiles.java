package org.dudao.feedback.domain;

import org.dudao.evidence.AttachmentView;
import org.dudao.evidence.EvidenceApi;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Files of problems, responses, reviews and rectification reports: read by whoever may read the owner. */
@Service
@Transactional(readOnly = true)
public class FeedbackFiles {

    private final EvidenceApi evidence;
    private final FeedbackStore store;
    private final FeedbackAccess access;
    private final ProblemService problems;
    private final ReviewService reviews;
    private final RectificationService rectifications;

    FeedbackFiles(
            EvidenceApi evidence,
            FeedbackStore store,
            FeedbackAccess access,
            ProblemService problems,
            ReviewService reviews,
            RectificationService rectifications) {
        this.evidence = evidence;
        this.store = store;
        this.access = access;
        this.problems = problems;
        this.reviews = reviews;
        this.rectifications = rectifications;
    }

    public EvidenceApi.OpenedAttachment open(long campaignId, long attachmentId, CurrentUser user) {
        AttachmentView a = evidence.attachment(attachmentId)
                .orElseThrow(() -> access.denied("feedback.file.read", attachmentId, "no such file"));
        switch (a.ownerKind()) {
            case FeedbackViews.PROBLEM_FILES, FeedbackViews.RESPONSE_FILES ->
                problems.readable(campaignId, a.ownerId(), user);
            case FeedbackViews.REVIEW_FILES -> reviews.view(campaignId, a.ownerId(), user);
            case FeedbackViews.RECTIFICATION_FILES -> {
                rectifications.readable(campaignId, itemOf(a.ownerId()), user);
            }
            default -> throw access.denied("feedback.file.read", attachmentId, "not a feedback file");
        }
        return evidence.open(a, user);
    }

    private long itemOf(long eventId) {
        return store.rectificationOfEvent(eventId)
                .orElseThrow(() -> access.denied("feedback.file.read", eventId, "no such report"));
    }
}
