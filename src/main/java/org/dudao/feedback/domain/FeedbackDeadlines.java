package org.dudao.feedback.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TargetView;
import org.dudao.shared.notice.Deadline;
import org.dudao.shared.notice.DeadlineSource;
import org.springframework.stereotype.Component;

/**
 * The feedback module's open deadlines for the reminder job: problems the target has still to confirm
 * or dispute (VERIFICATION), reviews the office has still to decide (REVIEW) and rectification items
 * not yet reported complete (RECTIFICATION).
 */
@Component
class FeedbackDeadlines implements DeadlineSource {

    private final FeedbackStore store;
    private final CampaignApi campaigns;
    private final OfficeRecipients office;

    FeedbackDeadlines(FeedbackStore store, CampaignApi campaigns, OfficeRecipients office) {
        this.store = store;
        this.campaigns = campaigns;
        this.office = office;
    }

    @Override
    public List<Deadline> openDeadlines(LocalDate today) {
        Map<Long, Long> unitOfTarget = new HashMap<>();
        List<Deadline> out = new ArrayList<>();
        LocalDate from = today.minusDays(LOOKBACK_DAYS);
        LocalDate to = today.plusDays(LOOKAHEAD_DAYS);
        for (FeedbackStore.Problem p : store.deliveredProblems(from, to)) {
            out.add(new Deadline(
                    "VERIFICATION",
                    "feedback-problem:" + p.id(),
                    p.responseDue(),
                    "问题反馈核实：" + ProblemService.abbreviate(p.description()),
                    "/campaigns/" + p.campaignId() + "/feedback/problems/" + p.id(),
                    Set.of(unit(unitOfTarget, p.targetId())),
                    Set.of("TARGET"),
                    Set.of()));
        }
        for (FeedbackStore.Review r : store.openReviews(from, to)) {
            out.add(new Deadline(
                    "REVIEW",
                    "feedback-review:" + r.id(),
                    r.decisionDue(),
                    "复核申请待决定（复核申请#" + r.id() + "）",
                    ReviewService.link(r.campaignId(), r.id()),
                    Set.of(),
                    Set.of(),
                    office.of(r.campaignId())));
        }
        for (FeedbackStore.Rectification r : store.openRectifications(from, to)) {
            out.add(new Deadline(
                    "RECTIFICATION",
                    "feedback-rectification:" + r.id(),
                    r.deadline(),
                    "整改事项#" + r.id() + "（整改时限 " + r.deadline() + "）",
                    RectificationService.link(r.campaignId(), r.id()),
                    Set.of(unit(unitOfTarget, r.targetId())),
                    Set.of("TARGET"),
                    Set.of()));
        }
        return out;
    }

    private long unit(Map<Long, Long> cache, long targetId) {
        return cache.computeIfAbsent(
                targetId, id -> campaigns.target(id).map(TargetView::unitId).orElse(-1L));
    }
}
