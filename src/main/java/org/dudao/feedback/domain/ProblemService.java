package org.dudao.feedback.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evidence.EvidenceApi;
import org.dudao.feedback.ProblemView;
import org.dudao.scoring.ScoringApi;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.DudaoException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.notice.Notice;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 问题反馈: problems raised by an assessor, an inspector or the office against a target, at any time
 * of the year (随时发现问题，随时反馈) or in bulk at its end; the target confirms or disputes them within
 * the response window; a confirmed problem becomes a rectification item.
 */
@Service
@Transactional
public class ProblemService {

    static final Set<String> SOURCES = Set.of("ROUTINE", "ONSITE", "CENTRAL_REVIEW", "WEB_CHECK", "RESULTS");
    static final Set<String> SEVERITIES = Set.of("MINOR", "MAJOR", "SEVERE");

    private final FeedbackStore store;
    private final FeedbackAccess access;
    private final FeedbackViews views;
    private final FeedbackTime time;
    private final CampaignApi campaigns;
    private final ScoringApi scoring;
    private final EvidenceApi evidence;
    private final RectificationService rectifications;
    private final ApplicationEventPublisher events;
    private final OfficeRecipients office;

    ProblemService(
            FeedbackStore store,
            FeedbackAccess access,
            FeedbackViews views,
            FeedbackTime time,
            CampaignApi campaigns,
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
        this.scoring = scoring;
        this.evidence = evidence;
        this.rectifications = rectifications;
        this.events = events;
        this.office = office;
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public List<ProblemView> list(long campaignId, CurrentUser user) {
        FeedbackAccess.Caller c = access.caller(campaignId, user);
        List<FeedbackStore.Problem> rows;
        if (c.readsAll()) {
            rows = store.problems(campaignId, null, null);
        } else if (c.ownTarget() != null) {
            rows = store.problems(campaignId, c.ownTarget().id(), null);
        } else if (c.raises()) {
            rows = store.problems(campaignId, null, user.unitId());
        } else {
            rows = List.of();
        }
        return views.problems(rows, views.names(campaignId));
    }

    @Transactional(readOnly = true)
    public ProblemView view(long campaignId, long problemId, CurrentUser user) {
        FeedbackStore.Problem p = readable(campaignId, problemId, user);
        return views.problems(List.of(p), views.names(campaignId)).get(0);
    }

    /** The problem if the caller may read it; otherwise 404 and a DENIED audit record. */
    public FeedbackStore.Problem readable(long campaignId, long problemId, CurrentUser user) {
        FeedbackAccess.Caller c = access.caller(campaignId, user);
        FeedbackStore.Problem p = store.problem(problemId)
                .filter(x -> x.campaignId() == campaignId)
                .orElseThrow(() -> access.denied("feedback.problem.read", problemId, "no such problem"));
        if (c.readsAll() || c.isTarget(p.targetId()) || (c.raises() && p.raisedUnitId() == user.unitId())) {
            return p;
        }
        throw access.denied("feedback.problem.read", problemId, "not the caller's problem");
    }

    // ------------------------------------------------------------------ raising

    public ProblemView raise(long campaignId, ProblemCommand command, List<FileUpload> files, CurrentUser user) {
        List<Long> ids = raiseAll(campaignId, List.of(command), user);
        long id = ids.get(0);
        for (FileUpload f : files) {
            evidence.attach(FeedbackViews.PROBLEM_FILES, id, f.name(), f.content(), user);
        }
        return view(campaignId, id, user);
    }

    /** More evidence for a problem, by the unit that raised it or the office. */
    public ProblemView attach(long campaignId, long problemId, List<FileUpload> files, CurrentUser user) {
        FeedbackAccess.Caller c = access.caller(campaignId, user);
        FeedbackStore.Problem p = store.problem(problemId)
                .filter(x -> x.campaignId() == campaignId)
                .filter(x -> c.office() || (c.raises() && x.raisedUnitId() == user.unitId()))
                .orElseThrow(() -> access.denied("feedback.problem.attach", problemId, "not the caller's problem"));
        if (files.isEmpty()) {
            throw new InvalidInputException("files", "validation.required");
        }
        for (FileUpload f : files) {
            evidence.attach(FeedbackViews.PROBLEM_FILES, p.id(), f.name(), f.content(), user);
        }
        return view(campaignId, problemId, user);
    }

    /** Raises every problem or none (bulk feedback at the end of the year). */
    public List<Long> raiseAll(long campaignId, List<ProblemCommand> commands, CurrentUser user) {
        FeedbackAccess.Caller c = access.caller(campaignId, user);
        if (!c.raises()) {
            throw access.denied("feedback.problem.raise", campaignId, "may not raise problems");
        }
        if (commands.isEmpty()) {
            throw new InvalidInputException("problems", "feedback.problem.none");
        }
        Map<Long, TargetView> targets = views.names(campaignId).targets();
        List<FeedbackStore.NewProblem> checked = new ArrayList<>();
        Instant now = time.now();
        LocalDate today = FeedbackTime.day(now);
        LocalDate due = time.due(today, store.settings(campaignId).responseDays());
        for (int i = 0; i < commands.size(); i++) {
            try {
                checked.add(check(c, targets, commands.get(i), now, today, due));
            } catch (NotFoundException e) {
                throw e;
            } catch (DudaoException e) {
                if (commands.size() == 1) {
                    throw e;
                }
                throw new InvalidInputException(
                        "problems[" + i + "]." + e.field(),
                        "feedback.problem.row",
                        i + 1,
                        new org.springframework.context.support.DefaultMessageSourceResolvable(
                                new String[] {e.messageKey()}, e.args()));
            }
        }
        List<Long> ids = new ArrayList<>();
        for (FeedbackStore.NewProblem p : checked) {
            long id = store.insert(p);
            ids.add(id);
            events.publishEvent(AuditEvent.success("feedback.problem.raise", FeedbackAccess.TYPE, id, null, p));
            TargetView t = targets.get(p.targetId());
            events.publishEvent(Notice.toUnits(
                    "PROBLEM",
                    "【问题反馈】" + c.campaign().name() + "：" + abbreviate(p.description()),
                    "请于 " + p.responseDue() + " 24:00 前确认或提出异议。",
                    "/campaigns/" + campaignId + "/feedback/problems/" + id,
                    Set.of(t.unitId()),
                    "TARGET"));
        }
        return ids;
    }

    private FeedbackStore.NewProblem check(
            FeedbackAccess.Caller c,
            Map<Long, TargetView> targets,
            ProblemCommand cmd,
            Instant now,
            LocalDate today,
            LocalDate due) {
        if (cmd.targetId() == null || !targets.containsKey(cmd.targetId())) {
            throw new InvalidInputException("targetId", "feedback.problem.target");
        }
        TargetView target = targets.get(cmd.targetId());
        if (cmd.taskId() != null) {
            TaskView task = campaigns
                    .task(cmd.taskId())
                    .filter(t -> t.campaignId() == c.campaign().id() && t.categoryId() == target.categoryId())
                    .orElseThrow(() -> new InvalidInputException("taskId", "feedback.problem.task"));
            boolean own = task.assessorUnitId() != null
                    && task.assessorUnitId() == c.user().unitId();
            if (!c.office() && !own && !c.user().hasRole("INSPECTOR")) {
                throw access.denied("feedback.problem.raise", task.id(), "task not assessed by the caller");
            }
        }
        if (cmd.adjustmentId() != null
                && scoring.adjustmentsOfTarget(target.id()).stream()
                        .noneMatch(x -> x.id() == cmd.adjustmentId()
                                && x.campaignId() == c.campaign().id())) {
            throw new InvalidInputException("adjustmentId", "feedback.problem.adjustment");
        }
        String source = cmd.source() == null || cmd.source().isBlank()
                ? "ROUTINE"
                : cmd.source().strip();
        if (!SOURCES.contains(source)) {
            throw new InvalidInputException("source", "feedback.problem.source", source);
        }
        String severity = cmd.severity() == null || cmd.severity().isBlank()
                ? "MINOR"
                : cmd.severity().strip();
        if (!SEVERITIES.contains(severity)) {
            throw new InvalidInputException("severity", "feedback.problem.severity", severity);
        }
        String description = Texts.requiredMultiline("description", cmd.description(), 4000);
        BigDecimal points = cmd.pointsAffected();
        if (points != null
                && (points.signum() < 0 || points.compareTo(new BigDecimal("100")) > 0 || points.scale() > 2)) {
            throw new InvalidInputException("pointsAffected", "feedback.problem.points");
        }
        return new FeedbackStore.NewProblem(
                c.campaign().id(),
                target.id(),
                cmd.taskId(),
                cmd.adjustmentId(),
                source,
                severity,
                description,
                points,
                c.user().username(),
                c.user().displayName(),
                c.user().unitId(),
                now,
                today,
                due);
    }

    // ------------------------------------------------------------------ the target's answer

    /** 核实: the target confirms the problem (it becomes a rectification item) or disputes it with an explanation. */
    public ProblemView respond(
            long campaignId,
            long problemId,
            boolean confirm,
            String explanation,
            List<FileUpload> files,
            CurrentUser user) {
        FeedbackStore.Problem p = store.lockProblem(problemId)
                .filter(x -> x.campaignId() == campaignId)
                .orElseThrow(() -> access.denied("feedback.problem.respond", problemId, "no such problem"));
        access.target(campaignId, p.targetId(), user, "feedback.problem.respond", problemId);
        if (!"DELIVERED".equals(p.status())) {
            throw new ConflictException(null, "feedback.problem.answered");
        }
        Instant now = time.now();
        if (!FeedbackTime.open(p.responseDue(), now)) {
            throw new ConflictException(
                    null, "feedback.problem.late", p.responseDue().toString());
        }
        String text = Texts.multiline("explanation", explanation, 4000);
        if (!confirm && text == null) {
            throw new InvalidInputException("explanation", "feedback.problem.disputeReason");
        }
        String status = confirm ? "CONFIRMED" : "DISPUTED";
        store.respond(problemId, status, text, user.username(), now);
        for (FileUpload f : files) {
            evidence.attach(FeedbackViews.RESPONSE_FILES, problemId, f.name(), f.content(), user);
        }
        events.publishEvent(AuditEvent.success(
                "feedback.problem." + (confirm ? "confirm" : "dispute"),
                FeedbackAccess.TYPE,
                problemId,
                Map.of("status", p.status()),
                Map.of("status", status, "explanation", text == null ? "" : text)));
        if (confirm) {
            rectifications.open(p, now);
        } else {
            notifyOffice(campaignId, problemId, "【问题异议】" + abbreviate(p.description()), "考核对象对反馈的问题提出异议。");
        }
        return view(campaignId, problemId, user);
    }

    /** The office settles a disputed problem without a review: confirm it, or withdraw it (撤销). */
    public ProblemView resolve(long campaignId, long problemId, boolean confirm, String reason, CurrentUser user) {
        access.office(campaignId, user, "feedback.problem.resolve");
        FeedbackStore.Problem p = store.lockProblem(problemId)
                .filter(x -> x.campaignId() == campaignId)
                .orElseThrow(() -> new NotFoundException(FeedbackAccess.TYPE, problemId));
        boolean open = "DISPUTED".equals(p.status()) || (!confirm && "DELIVERED".equals(p.status()));
        if (!open) {
            throw new ConflictException(null, "feedback.problem.notDisputed");
        }
        store.reviewOfProblem(problemId).flatMap(store::review).ifPresent(r -> {
            if ("FILED".equals(r.status())) {
                throw new ConflictException(null, "feedback.problem.reviewPending", r.id());
            }
        });
        String text = Texts.requiredMultiline("reason", reason, 4000);
        Instant now = time.now();
        String status = confirm ? "CONFIRMED" : "WITHDRAWN";
        store.resolve(problemId, status, text, user.username(), now);
        events.publishEvent(AuditEvent.success(
                "feedback.problem." + (confirm ? "uphold" : "withdraw"),
                FeedbackAccess.TYPE,
                problemId,
                Map.of("status", p.status()),
                Map.of("status", status, "reason", text)));
        if (confirm) {
            rectifications.open(p, now);
        }
        TargetView t = campaigns.target(p.targetId()).orElseThrow();
        events.publishEvent(Notice.toUnits(
                "PROBLEM",
                (confirm ? "【问题维持】" : "【问题撤销】") + abbreviate(p.description()),
                text,
                "/campaigns/" + campaignId + "/feedback/problems/" + problemId,
                Set.of(t.unitId()),
                "TARGET"));
        return view(campaignId, problemId, user);
    }

    /** 视为确认: problems left unanswered past their window, every hour; safe on several nodes at once. */
    @Scheduled(cron = "${dudao.feedback.deemed-cron:0 5 * * * *}", zone = "Asia/Shanghai")
    public void confirmUnanswered() {
        Instant now = time.now();
        for (FeedbackStore.Problem p : store.confirmDeemed(FeedbackTime.day(now), now)) {
            events.publishEvent(AuditEvent.success(
                    "feedback.problem.deemed",
                    FeedbackAccess.TYPE,
                    p.id(),
                    Map.of("status", "DELIVERED"),
                    Map.of("status", "CONFIRMED", "responseDue", p.responseDue().toString())));
            rectifications.open(p, now);
        }
    }

    private void notifyOffice(long campaignId, long problemId, String title, String body) {
        events.publishEvent(Notice.toAccounts(
                "PROBLEM",
                title,
                body,
                "/campaigns/" + campaignId + "/feedback/problems/" + problemId,
                office.of(campaignId)));
    }

    /** A problem's description as a notice title shows it: one line, 40 characters and an ellipsis. */
    static String abbreviate(String s) {
        return Texts.abbreviate(s, 41);
    }
}
