package org.dudao.feedback.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evidence.AttachmentView;
import org.dudao.evidence.EvidenceApi;
import org.dudao.feedback.ProblemView;
import org.dudao.feedback.RectificationView;
import org.dudao.feedback.ReviewView;
import org.springframework.stereotype.Component;

/** Turns the module's rows into the views users see (names, titles, files, overdue flags). */
@Component
public class FeedbackViews {

    public static final String PROBLEM_FILES = "feedback-problem";
    public static final String RESPONSE_FILES = "feedback-response";
    public static final String REVIEW_FILES = "feedback-review";
    public static final String RECTIFICATION_FILES = "feedback-rectification";

    private final FeedbackStore store;
    private final CampaignApi campaigns;
    private final EvidenceApi evidence;

    FeedbackViews(FeedbackStore store, CampaignApi campaigns, EvidenceApi evidence) {
        this.store = store;
        this.campaigns = campaigns;
        this.evidence = evidence;
    }

    /** The names of a campaign's targets and tasks, read once per request. */
    public record Names(Map<Long, TargetView> targets, Map<Long, TaskView> tasks) {

        String target(long id) {
            TargetView t = targets.get(id);
            return t == null ? "#" + id : t.name();
        }

        String task(Long id) {
            if (id == null) {
                return null;
            }
            TaskView t = tasks.get(id);
            return t == null ? "#" + id : t.title();
        }
    }

    public Names names(long campaignId) {
        return new Names(
                campaigns.targets(campaignId).stream().collect(Collectors.toMap(TargetView::id, Function.identity())),
                campaigns.tasks(campaignId).stream().collect(Collectors.toMap(TaskView::id, Function.identity())));
    }

    public List<ProblemView> problems(List<FeedbackStore.Problem> rows, Names names) {
        List<Long> ids = rows.stream().map(FeedbackStore.Problem::id).toList();
        Map<Long, List<AttachmentView>> files = evidence.attachments(PROBLEM_FILES, ids);
        Map<Long, List<AttachmentView>> responses = evidence.attachments(RESPONSE_FILES, ids);
        Map<Long, Long> reviews = store.reviewsOfProblems(ids);
        Map<Long, Long> items = store.rectificationsOfProblems(ids);
        List<ProblemView> out = new ArrayList<>();
        for (FeedbackStore.Problem p : rows) {
            out.add(new ProblemView(
                    p.id(),
                    p.campaignId(),
                    p.targetId(),
                    names.target(p.targetId()),
                    p.taskId(),
                    names.task(p.taskId()),
                    p.adjustmentId(),
                    p.source(),
                    p.severity(),
                    p.description(),
                    p.pointsAffected(),
                    p.raisedBy(),
                    p.raisedByName(),
                    p.raisedUnitId(),
                    p.raisedAt(),
                    p.deliveredOn(),
                    p.responseDue(),
                    p.status(),
                    p.deemed(),
                    p.response(),
                    p.respondedBy(),
                    p.respondedAt(),
                    p.resolution(),
                    p.resolvedBy(),
                    p.resolvedAt(),
                    reviews.get(p.id()),
                    items.get(p.id()),
                    files.getOrDefault(p.id(), List.of()),
                    responses.getOrDefault(p.id(), List.of())));
        }
        return out;
    }

    public List<ReviewView> reviews(List<FeedbackStore.Review> rows, Names names, LocalDate today) {
        List<Long> ids = rows.stream().map(FeedbackStore.Review::id).toList();
        Map<Long, List<FeedbackStore.Item>> items =
                store.items(ids).stream().collect(Collectors.groupingBy(FeedbackStore.Item::reviewId));
        Map<Long, List<AttachmentView>> files = evidence.attachments(REVIEW_FILES, ids);
        List<ReviewView> out = new ArrayList<>();
        for (FeedbackStore.Review r : rows) {
            out.add(new ReviewView(
                    r.id(),
                    r.campaignId(),
                    r.targetId(),
                    names.target(r.targetId()),
                    r.problemId(),
                    r.basis(),
                    r.statement(),
                    r.filedBy(),
                    r.filedByName(),
                    r.filedAt(),
                    r.windowDue(),
                    r.decisionDue(),
                    r.status(),
                    "FILED".equals(r.status()) && today.isAfter(r.decisionDue()),
                    r.decision(),
                    r.decisionReason(),
                    r.decidedBy(),
                    r.decidedByName(),
                    r.decidedAt(),
                    items.getOrDefault(r.id(), List.of()).stream()
                            .map(i -> new ReviewView.Item(i.taskId(), names.task(i.taskId()), i.adjustmentId()))
                            .toList(),
                    r.changes(),
                    files.getOrDefault(r.id(), List.of())));
        }
        return out;
    }

    public List<RectificationView> rectifications(
            List<FeedbackStore.Rectification> rows, Names names, LocalDate today) {
        List<Long> ids = rows.stream().map(FeedbackStore.Rectification::id).toList();
        List<FeedbackStore.Event> events = store.events(ids);
        Map<Long, List<AttachmentView>> files = evidence.attachments(
                RECTIFICATION_FILES,
                events.stream().map(FeedbackStore.Event::id).toList());
        Map<Long, List<FeedbackStore.Event>> byItem =
                events.stream().collect(Collectors.groupingBy(FeedbackStore.Event::rectificationId));
        Map<Long, FeedbackStore.Problem> problems = store.problems(
                rows.stream().map(FeedbackStore.Rectification::problemId).toList());
        List<RectificationView> out = new ArrayList<>();
        for (FeedbackStore.Rectification r : rows) {
            FeedbackStore.Problem p = problems.get(r.problemId());
            out.add(new RectificationView(
                    r.id(),
                    r.campaignId(),
                    r.targetId(),
                    names.target(r.targetId()),
                    r.problemId(),
                    p.description(),
                    p.severity(),
                    r.status(),
                    r.measures(),
                    r.responsiblePerson(),
                    r.deadline(),
                    overdue(r, today),
                    r.escalation(),
                    r.createdAt(),
                    r.updatedAt(),
                    r.closedAt(),
                    r.closedBy(),
                    byItem.getOrDefault(r.id(), List.of()).stream()
                            .map(e -> new RectificationView.Event(
                                    e.id(),
                                    e.kind(),
                                    e.body(),
                                    e.byUser(),
                                    e.byName(),
                                    e.at(),
                                    files.getOrDefault(e.id(), List.of())))
                            .toList()));
        }
        return out;
    }

    static boolean overdue(FeedbackStore.Rectification r, LocalDate today) {
        return r.deadline() != null
                && ("OPEN".equals(r.status()) || "IN_PROGRESS".equals(r.status()))
                && today.isAfter(r.deadline());
    }
}
