package org.dudao.feedback;

import java.time.LocalDate;
import java.util.List;
import org.dudao.feedback.domain.FeedbackStore;
import org.dudao.feedback.domain.FeedbackTime;
import org.dudao.feedback.domain.FeedbackViews;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feedback module's facade for other modules (reports): read-only views of a campaign's problems
 * and rectification items. It checks no access: the caller has already made sure that the user may read
 * them (the report module answers only the campaign's office).
 */
@Service
@Transactional(readOnly = true)
public class FeedbackApi {

    private final FeedbackStore store;
    private final FeedbackViews views;
    private final FeedbackTime time;

    FeedbackApi(FeedbackStore store, FeedbackViews views, FeedbackTime time) {
        this.store = store;
        this.views = views;
        this.time = time;
    }

    /** Every problem fed back in the campaign, newest first. */
    public List<ProblemView> problems(long campaignId) {
        return views.problems(store.problems(campaignId, null, null), views.names(campaignId));
    }

    /** The problems fed back to one target of the campaign, newest first. */
    public List<ProblemView> problemsOfTarget(long campaignId, long targetId) {
        return views.problems(store.problems(campaignId, targetId, null), views.names(campaignId));
    }

    /** Every rectification item of the campaign, with its reports and an overdue flag (database clock). */
    public List<RectificationView> rectifications(long campaignId) {
        return views.rectifications(store.rectifications(campaignId, null), views.names(campaignId), today());
    }

    /** The rectification items of one target of the campaign. */
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
