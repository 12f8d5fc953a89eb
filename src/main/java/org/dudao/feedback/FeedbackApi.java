package org.dudao.feedback;

import java.time.LocalDate;
import java.util.List;
import org.dudao.feedback.domain.FeedbackStore;
import org.dudao.feedback.domain.FeedbackTime;
import org.dudao.feedback.domain.FeedbackViews;
import org.dudao.feedback.domain.ProblemCommand;
import org.dudao.feedback.domain.ProblemService;
import org.dudao.feedback.domain.RectificationService;
import org.dudao.feedback.domain.ReviewService;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feedback module's facade for other modules (reports). Two kinds of reads: those taking a
 * {@link CurrentUser} apply the module's access rules (the office and leaders everything, a target its
 * own, an assessor the problems its unit raised; audited 404s); those without one check no access — the
 * caller has already made sure that the user may read the campaign's feedback (the report module's
 * documents answer only the campaign's office).
 */
@Service
@Transactional(readOnly = true)
public class FeedbackApi {

    private final ProblemService problemService;
    private final ReviewService reviewService;
    private final RectificationService rectificationService;
    private final FeedbackStore store;
    private final FeedbackViews views;
    private final FeedbackTime time;

    FeedbackApi(
            ProblemService problemService,
            ReviewService reviewService,
            RectificationService rectificationService,
            FeedbackStore store,
            FeedbackViews views,
            FeedbackTime time) {
        this.problemService = problemService;
        this.reviewService = reviewService;
        this.rectificationService = rectificationService;
        this.store = store;
        this.views = views;
        this.time = time;
    }

    /** The campaign's problems the user may read. */
    public List<ProblemView> problems(long campaignId, CurrentUser user) {
        return problemService.list(campaignId, user);
    }

    /**
     * Feeds problems back to targets, all or none, with the module's rules (the caller must be allowed to
     * raise problems; the target notified; each problem audited); returns their ids in order.
     */
    @Transactional
    public List<Long> raiseProblems(long campaignId, List<ProblemRequest> requests, CurrentUser user) {
        return problemService.raiseAll(
                campaignId,
                requests.stream()
                        .map(r -> new ProblemCommand(
                                r.targetId(),
                                r.taskId(),
                                null,
                                r.source(),
                                r.severity(),
                                r.description(),
                                r.pointsAffected()))
                        .toList(),
                user);
    }

    /** The campaign's review requests the user may read. */
    public List<ReviewView> reviews(long campaignId, CurrentUser user) {
        return reviewService.list(campaignId, user);
    }

    /** The campaign's rectification items the user may read. */
    public List<RectificationView> rectifications(long campaignId, CurrentUser user) {
        return rectificationService.list(campaignId, user);
    }

    /** Every problem fed back in the campaign, newest first (no access check). */
    public List<ProblemView> problems(long campaignId) {
        return views.problems(store.problems(campaignId, null, null), views.names(campaignId));
    }

    /** The problems fed back to one target of the campaign, newest first (no access check). */
    public List<ProblemView> problemsOfTarget(long campaignId, long targetId) {
        return views.problems(store.problems(campaignId, targetId, null), views.names(campaignId));
    }

    /** Every rectification item of the campaign, with reports and an overdue flag (no access check). */
    public List<RectificationView> rectifications(long campaignId) {
        return views.rectifications(store.rectifications(campaignId, null), views.names(campaignId), today());
    }

    /** The rectification items of one target of the campaign (no access check). */
    public List<RectificationView> rectificationsOfTarget(long campaignId, long targetId) {
        return views.rectifications(store.rectifications(campaignId, targetId), views.names(campaignId), today());
    }

    /** The window, in working days, in which a target may ask for a review (复核) after receiving feedback. */
    public int reviewDays(long campaignId) {
        return store.settings(campaignId).reviewDays();
    }

    private LocalDate today() {
        return FeedbackTime.day(time.now());
    }
}
