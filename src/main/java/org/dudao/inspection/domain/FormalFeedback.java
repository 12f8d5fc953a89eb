package org.dudao.inspection.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.feedback.FeedbackApi;
import org.dudao.feedback.ProblemRequest;
import org.dudao.feedback.ProblemView;
import org.dudao.inspection.FeedbackItemCommand;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督察反馈意见: the office sends each target its formal feedback as problems of the feedback module
 * (source ONSITE), where the target confirms them, plans and reports its rectification by the deadline and
 * the office verifies or escalates (约谈, 挂牌督办, 通报批评). All points of one feedback go out or none.
 */
@Service
@Transactional
public class FormalFeedback {

    private final InspectionStore store;
    private final InspectionAccess access;
    private final CampaignApi campaigns;
    private final FeedbackApi feedback;
    private final ApplicationEventPublisher events;

    FormalFeedback(
            InspectionStore store,
            InspectionAccess access,
            CampaignApi campaigns,
            FeedbackApi feedback,
            ApplicationEventPublisher events) {
        this.store = store;
        this.access = access;
        this.campaigns = campaigns;
        this.feedback = feedback;
        this.events = events;
    }

    public List<ProblemView> send(long campaignId, long targetId, List<FeedbackItemCommand> items, CurrentUser user) {
        InspectionAccess.Caller c = access.office(campaignId, user, "inspection.feedback.send");
        TargetView target = access.targetOf(c, targetId, "inspection.feedback.send");
        if (items == null || items.isEmpty()) {
            throw new InvalidInputException("items", "inspection.feedback.none");
        }
        List<ProblemRequest> requests = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            FeedbackItemCommand item = items.get(i);
            String description =
                    item.description() == null ? "" : item.description().strip();
            if (description.isEmpty()) {
                throw new InvalidInputException(
                        "items[" + i + "].description", "inspection.feedback.description", i + 1);
            }
            Long taskId = null;
            if (item.taskId() != null) {
                TaskView task = campaigns
                        .task(item.taskId())
                        .filter(t -> t.campaignId() == campaignId)
                        .orElseThrow(() -> new InvalidInputException("items.taskId", "inspection.deduction.task"));
                // the feedback module ties a problem to a task of the target's own category; an item of the
                // other sheet is named in the text instead
                if (task.categoryId() == target.categoryId()) {
                    taskId = task.id();
                }
                description = "（" + task.category() + "打分表 第" + task.label() + "项）" + description;
            }
            requests.add(
                    new ProblemRequest(targetId, taskId, "ONSITE", item.severity(), "【督察反馈意见】" + description, null));
        }
        List<Long> ids = feedback.raiseProblems(campaignId, requests, user);
        ids.forEach(id -> store.insertFormalFeedback(campaignId, targetId, id, user.username()));
        events.publishEvent(AuditEvent.success(
                "inspection.feedback.send",
                "inspection",
                campaignId,
                null,
                Map.of("target", target.name(), "problems", ids)));
        Set<Long> sent = new HashSet<>(ids);
        return feedback.problems(campaignId, user).stream()
                .filter(p -> sent.contains(p.id()))
                .toList();
    }

    /** The formal feedback sent in this inspection, as the caller may read it (a target: its own). */
    @Transactional(readOnly = true)
    public List<ProblemView> sent(long campaignId, CurrentUser user) {
        access.caller(campaignId, user);
        Set<Long> ids = new HashSet<>(store.formalFeedback(campaignId));
        return feedback.problems(campaignId, user).stream()
                .filter(p -> ids.contains(p.id()))
                .toList();
    }
}
