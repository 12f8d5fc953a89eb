package org.dudao.feedback.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.EvaluationApi;
import org.dudao.evaluation.EvaluationCommand;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.RowResult;
import org.dudao.evidence.EvidenceApi;
import org.dudao.feedback.ReviewView;
import org.dudao.scoring.AdjustmentCommand;
import org.dudao.scoring.AdjustmentView;
import org.dudao.scoring.ScoringApi;
import org.dudao.scoring.WorkflowView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.notice.Notice;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 复核: a target that disagrees with a problem or with its published result asks for a review within
 * the window (5 working days from receiving it, on the database clock; a late request is refused
 * with the day the window closed). The office decides within 5 working days (late decisions are
 * flagged); a change goes through the evaluation and scoring modules as a new version tagged with the
 * review, the results are recomputed, and the review records what changed.
 */
@Service
@Transactional
public class ReviewService {

    static final Set<String> DECISIONS = Set.of("UPHELD", "PARTLY_CHANGED", "CHANGED");

    private final FeedbackStore store;
    private final FeedbackAccess access;
    private final FeedbackViews views;
    private final FeedbackTime time;
    private final CampaignApi campaigns;
    private final EvaluationApi evaluations;
    private final ScoringApi scoring;
    private final EvidenceApi evidence;
    private final RectificationService rectifications;
    private final ApplicationEventPublisher events;
    private final OfficeRecipients office;

    ReviewService(
            FeedbackStore store,
            FeedbackAccess access,
            FeedbackViews views,
            FeedbackTime time,
            CampaignApi campaigns,
            EvaluationApi evaluations,
            ScoringApi scoring,
            EvidenceApi evidence,
            RectificationService rectifications,
            ApplicationEventPublisher events,
            OfficeRecipients office) {
        this.store = store;
        this.access = access;
        this.views = views;
        this.time = time;
        this.campaigns = campaigns;
        this.evaluations = evaluations;
        this.scoring = scoring;
        this.evidence = evidence;
        this.rectifications = rectifications;
        this.events = events;
        this.office = office;
    }

    @Transactional(readOnly = true)
    public List<ReviewView> list(long campaignId, CurrentUser user) {
        Long target = access.caller(campaignId, user).listedTarget().orElse(null);
        return views.reviews(store.reviews(campaignId, target), views.names(campaignId), FeedbackTime.day(time.now()));
    }

    @Transactional(readOnly = true)
    public ReviewView view(long campaignId, long reviewId, CurrentUser user) {
        FeedbackAccess.Caller c = access.caller(campaignId, user);
        FeedbackStore.Review r = store.review(reviewId)
                .filter(x -> x.campaignId() == campaignId)
                .orElseThrow(() -> access.denied("feedback.review.read", reviewId, "no such review"));
        if (!c.readsAll() && !c.isTarget(r.targetId())) {
            throw access.denied("feedback.review.read", reviewId, "not the caller's review");
        }
        return views.reviews(List.of(r), views.names(campaignId), FeedbackTime.day(time.now()))
                .get(0);
    }

    /** Files a review request; every check comes before anything is written. */
    public ReviewView file(long campaignId, ReviewCommand cmd, List<FileUpload> files, CurrentUser user) {
        FeedbackAccess.Caller c = access.caller(campaignId, user);
        if (c.ownTarget() == null) {
            throw access.denied("feedback.review.file", campaignId, "not a target of the campaign");
        }
        TargetView target = c.ownTarget();
        if (cmd.targetId() != null && cmd.targetId() != target.id()) {
            throw access.denied("feedback.review.file", cmd.targetId(), "another target's score");
        }
        Instant now = time.now();
        FeedbackStore.Settings settings = store.settings(campaignId);
        FeedbackStore.Problem problem = null;
        LocalDate received;
        if (cmd.problemId() != null) {
            problem = store.lockProblem(cmd.problemId())
                    .filter(p -> p.campaignId() == campaignId && p.targetId() == target.id())
                    .orElseThrow(
                            () -> access.denied("feedback.review.file", cmd.problemId(), "another target's problem"));
            received = problem.deliveredOn();
        } else {
            WorkflowView w = scoring.workflow(campaignId)
                    .filter(WorkflowView::published)
                    .orElseThrow(() -> new ConflictException(null, "feedback.review.notPublished"));
            received = FeedbackTime.day(w.publishedAt());
        }
        LocalDate windowDue = time.due(received, settings.reviewDays());
        if (!FeedbackTime.open(windowDue, now)) {
            throw new ConflictException(
                    null, "feedback.review.late", windowDue.toString(), received.toString(), settings.reviewDays());
        }
        if (problem != null) {
            // after the window: the window's message, whatever became of the problem meanwhile
            store.reviewOfProblem(problem.id()).ifPresent(id -> {
                throw new ConflictException("problemId", "feedback.review.twice", id);
            });
            if ("CONFIRMED".equals(problem.status()) || "WITHDRAWN".equals(problem.status())) {
                throw new ConflictException("problemId", "feedback.review.problemClosed");
            }
        }
        String statement = Texts.requiredMultiline("statement", cmd.statement(), 8000);
        // what the review is about: tasks of the target's category, the target's own events
        Set<Long> taskIds = new LinkedHashSet<>(cmd.taskIds() == null ? List.of() : cmd.taskIds());
        Set<Long> adjustmentIds = new LinkedHashSet<>(cmd.adjustmentIds() == null ? List.of() : cmd.adjustmentIds());
        if (problem != null && taskIds.isEmpty() && adjustmentIds.isEmpty()) {
            if (problem.taskId() != null) {
                taskIds.add(problem.taskId());
            }
            if (problem.adjustmentId() != null) {
                adjustmentIds.add(problem.adjustmentId());
            }
        }
        if (problem == null && taskIds.isEmpty() && adjustmentIds.isEmpty()) {
            throw new InvalidInputException("taskIds", "feedback.review.itemsRequired");
        }
        for (Long taskId : taskIds) {
            campaigns
                    .task(taskId)
                    .filter(t -> t.campaignId() == campaignId && t.categoryId() == target.categoryId())
                    .orElseThrow(() -> new InvalidInputException("taskIds", "feedback.review.task", taskId));
        }
        List<AdjustmentView> own = scoring.adjustmentsOfTarget(target.id());
        for (Long a : adjustmentIds) {
            if (own.stream().noneMatch(x -> x.id() == a && x.campaignId() == campaignId)) {
                throw new InvalidInputException("adjustmentIds", "feedback.review.adjustment", a);
            }
        }
        for (Long taskId : taskIds) {
            store.reviewOfTask(campaignId, target.id(), taskId).ifPresent(id -> {
                throw new ConflictException("taskIds", "feedback.review.taskTwice", title(taskId), id);
            });
        }
        for (Long a : adjustmentIds) {
            store.reviewOfAdjustment(a).ifPresent(id -> {
                throw new ConflictException("adjustmentIds", "feedback.review.adjustmentTwice", a, id);
            });
        }

        LocalDate decisionDue = time.due(FeedbackTime.day(now), settings.decisionDays());
        long id = store.insertReview(
                campaignId,
                target.id(),
                problem == null ? null : problem.id(),
                problem == null ? "RESULT" : "PROBLEM",
                statement,
                user.username(),
                user.displayName(),
                now,
                windowDue,
                decisionDue);
        for (Long taskId : taskIds) {
            if (!store.insertItem(id, campaignId, target.id(), taskId, null)) {
                // filed at the same moment by another request: the unique index decided
                throw new ConflictException("taskIds", "feedback.review.taskTwice", title(taskId), "?");
            }
        }
        for (Long a : adjustmentIds) {
            if (!store.insertItem(id, campaignId, target.id(), null, a)) {
                throw new ConflictException("adjustmentIds", "feedback.review.adjustmentTwice", a, "?");
            }
        }
        if (problem != null && "DELIVERED".equals(problem.status())) {
            store.respond(problem.id(), "DISPUTED", statement, user.username(), now);
        }
        for (FileUpload f : files) {
            evidence.attach(FeedbackViews.REVIEW_FILES, id, f.name(), f.content(), user);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("target", target.name());
        after.put("problem", problem == null ? null : problem.id());
        after.put("tasks", taskIds);
        after.put("adjustments", adjustmentIds);
        after.put("windowDue", windowDue.toString());
        after.put("decisionDue", decisionDue.toString());
        events.publishEvent(
                AuditEvent.success("feedback.review.file", FeedbackAccess.TYPE, "review/" + id, null, after));
        events.publishEvent(Notice.toAccounts(
                "REVIEW",
                "【复核申请】" + target.name(),
                "请于 " + decisionDue + " 24:00 前作出复核决定。",
                link(campaignId, id),
                office.of(campaignId)));
        return view(campaignId, id, user);
    }

    /** The office's decision; a change writes new evaluation or event versions tagged with the review. */
    public ReviewView decide(long campaignId, long reviewId, DecisionCommand cmd, CurrentUser user) {
        access.office(campaignId, user, "feedback.review.decide");
        FeedbackStore.Review r = store.lockReview(reviewId)
                .filter(x -> x.campaignId() == campaignId)
                .orElseThrow(() -> access.denied("feedback.review.decide", reviewId, "no such review"));
        if (!"FILED".equals(r.status())) {
            throw new ConflictException(null, "feedback.review.decided");
        }
        String decision = cmd.decision() == null ? null : cmd.decision().strip();
        if (decision == null || !DECISIONS.contains(decision)) {
            throw new InvalidInputException("decision", "feedback.review.decisionInvalid");
        }
        String reason = Texts.requiredMultiline("reason", cmd.reason(), 4000);
        List<EvaluationCommand> rows = cmd.evaluations() == null ? List.of() : cmd.evaluations();
        List<AdjustmentCommand> adjustments = cmd.adjustments() == null ? List.of() : cmd.adjustments();
        boolean changes = !rows.isEmpty() || !adjustments.isEmpty();
        if ("UPHELD".equals(decision) && changes) {
            throw new InvalidInputException("decision", "feedback.review.upheldChanges");
        }
        if (!"UPHELD".equals(decision) && !changes) {
            throw new InvalidInputException("evaluations", "feedback.review.noChanges");
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!Objects.equals(rows.get(i).targetId(), r.targetId())) {
                throw new InvalidInputException("evaluations[" + i + "].targetId", "feedback.review.otherTarget");
            }
        }
        for (int i = 0; i < adjustments.size(); i++) {
            if (!Objects.equals(adjustments.get(i).targetId(), r.targetId())) {
                throw new InvalidInputException("adjustments[" + i + "].targetId", "feedback.review.otherTarget");
            }
        }

        Map<String, Object> changed = new LinkedHashMap<>();
        List<Map<String, Object>> evaluationChanges = new ArrayList<>();
        if (!rows.isEmpty()) {
            Map<Long, EvaluationView> before = new LinkedHashMap<>();
            for (EvaluationCommand e : rows) {
                if (e.taskId() != null) {
                    evaluations.find(r.targetId(), e.taskId()).ifPresent(v -> before.put(e.taskId(), v));
                }
            }
            List<RowResult> results = evaluations.applyReview(campaignId, rows, reviewId, user);
            for (RowResult row : results) {
                if (row.failed()) {
                    throw new InvalidInputException(
                            "evaluations[" + row.index() + "]." + (row.field() == null ? "" : row.field()),
                            "feedback.review.evaluationRejected",
                            row.index() + 1,
                            row.error());
                }
            }
            for (RowResult row : results) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("taskId", row.taskId());
                e.put("task", title(row.taskId()));
                e.put("status", row.status());
                e.put("before", describe(before.get(row.taskId())));
                e.put(
                        "after",
                        describe(evaluations.find(r.targetId(), row.taskId()).orElse(null)));
                evaluationChanges.add(e);
            }
        }
        changed.put("evaluations", evaluationChanges);
        List<Map<String, Object>> eventChanges = new ArrayList<>();
        for (AdjustmentCommand a : adjustments) {
            AdjustmentView v = scoring.adjustForReview(campaignId, a, reviewId, user);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", v.id());
            e.put("kind", v.kind());
            e.put("matter", v.matter());
            e.put("points", v.points());
            eventChanges.add(e);
        }
        changed.put("adjustments", eventChanges);
        List<Map<String, Object>> resultChanges = new ArrayList<>();
        if (changes && scoring.workflow(campaignId).isPresent()) {
            scoring.recomputeForReview(campaignId, reviewId, user).forEach(ch -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("targetId", ch.targetId());
                m.put("oldFinal", ch.oldFinal());
                m.put("newFinal", ch.newFinal());
                m.put("oldLevel", ch.oldLevel());
                m.put("newLevel", ch.newLevel());
                m.put("oldRank", ch.oldRank());
                m.put("newRank", ch.newRank());
                resultChanges.add(m);
            });
        }
        changed.put("results", resultChanges);

        Instant now = time.now();
        store.decide(reviewId, decision, reason, user.username(), user.displayName(), now, changed);
        if (r.problemId() != null) {
            FeedbackStore.Problem p = store.lockProblem(r.problemId()).orElseThrow();
            String status = "CHANGED".equals(decision) ? "WITHDRAWN" : "CONFIRMED";
            store.resolve(p.id(), status, "复核决定：" + reason, user.username(), now);
            if ("CONFIRMED".equals(status)) {
                rectifications.open(p, now);
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("decision", decision);
        after.put("reason", reason);
        after.put("late", FeedbackTime.day(now).isAfter(r.decisionDue()));
        after.put("changes", changed);
        events.publishEvent(AuditEvent.success(
                "feedback.review.decide", FeedbackAccess.TYPE, "review/" + reviewId, Map.of("status", "FILED"), after));
        TargetView t = campaigns.target(r.targetId()).orElseThrow();
        events.publishEvent(Notice.toUnits(
                "REVIEW",
                "【复核决定】" + label(decision),
                reason,
                link(campaignId, reviewId),
                Set.of(t.unitId()),
                "TARGET"));
        return view(campaignId, reviewId, user);
    }

    private String title(Long taskId) {
        return campaigns.task(taskId).map(TaskView::title).orElse("#" + taskId);
    }

    private static Map<String, Object> describe(EvaluationView v) {
        if (v == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("grade", v.grade() == null ? null : v.grade().name());
        m.put("points", v.points());
        m.put("notApplicable", v.notApplicable());
        m.put("reason", v.reason());
        m.put("revision", v.revision());
        return m;
    }

    static String label(String decision) {
        return switch (decision) {
            case "UPHELD" -> "维持原评价";
            case "PARTLY_CHANGED" -> "部分变更";
            case "CHANGED" -> "变更";
            default -> decision;
        };
    }

    static String link(long campaignId, long id) {
        return "/campaigns/" + campaignId + "/reviews/" + id;
    }
}
