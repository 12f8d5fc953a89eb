package org.dudao.feedback;

import java.util.List;
import org.dudao.feedback.domain.ProblemCommand;
import org.dudao.feedback.domain.ProblemService;
import org.dudao.feedback.domain.RectificationService;
import org.dudao.feedback.domain.ReviewService;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feedback module's facade for reports: the lists of a campaign's problems, reviews and
 * rectification items as the caller may read them (the office and leaders everything, a target its own,
 * an assessor the problems its unit raised; the module's access rules, with audited 404s).
 */
@Service
@Transactional(readOnly = true)
public class FeedbackApi {

    private final ProblemService problems;
    private final ReviewService reviews;
    private final RectificationService rectifications;

    FeedbackApi(ProblemService problems, ReviewService reviews, RectificationService rectifications) {
        this.problems = problems;
        this.reviews = reviews;
        this.rectifications = rectifications;
    }

    public List<ProblemView> problems(long campaignId, CurrentUser user) {
        return problems.list(campaignId, user);
    }

    /**
     * Feeds problems back to targets, all or none, with the module's rules (the caller must be allowed to
     * raise problems; the target notified; each problem audited); returns their ids in order.
     */
    @Transactional
    public List<Long> raiseProblems(long campaignId, List<ProblemRequest> requests, CurrentUser user) {
        return problems.raiseAll(
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

    public List<ReviewView> reviews(long campaignId, CurrentUser user) {
        return reviews.list(campaignId, user);
    }

    public List<RectificationView> rectifications(long campaignId, CurrentUser user) {
        return rectifications.list(campaignId, user);
    }
}
