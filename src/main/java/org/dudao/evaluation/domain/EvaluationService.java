package org.dudao.evaluation.domain;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.PhaseView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.Channel;
import org.dudao.evaluation.EvaluationChanged;
import org.dudao.evaluation.EvaluationCommand;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.Grade;
import org.dudao.evaluation.RowResult;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records evaluations in batches, all or nothing: every row is checked first (target and task of the
 * campaign, the caller's right to rate the task, one of grade / points / not applicable, points
 * within 0…max with at most two decimals, a reason for every deduction and for not applicable), then
 * the evaluation phase and the lock, and only when every row passes are they written, each change
 * with a history row and an audit record. Sending the same batch twice changes nothing the second time.
 */
@Service
public class EvaluationService {

    static final String TYPE = "evaluation";
    static final int REASON_MAX = 2000;

    private final CampaignApi campaigns;
    private final EvaluationStore store;
    private final DatabaseTime time;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    EvaluationService(
            CampaignApi campaigns,
            EvaluationStore store,
            DatabaseTime time,
            ApplicationEventPublisher events,
            MessageSource messages) {
        this.campaigns = campaigns;
        this.store = store;
        this.time = time;
        this.events = events;
        this.messages = messages;
    }

    /** What the caller is to a task: the office, the task's assessor, or an inspection team member (on-site tasks). */
    public enum Rater {
        OFFICE,
        ASSESSOR,
        TEAM
    }

    public Rater raterFor(CampaignView campaign, TaskView task, CurrentUser user) {
        if (campaigns.isOffice(campaign, user)) {
            return Rater.OFFICE;
        }
        if (user.hasRole("ASSESSOR") && task.assessorUnitId() != null && task.assessorUnitId() == user.unitId()) {
            return Rater.ASSESSOR;
        }
        if (user.hasRole("INSPECTOR")
                && user.jurisdictionUnitId() == campaign.ownerUnitId()
                && task.methods().contains(ONSITE)) {
            return Rater.TEAM;
        }
        return null;
    }

    /**
     * A task of the campaign the caller may rate (or, with {@code leadersToo}, read as a leader); 404 and
     * a DENIED audit record otherwise.
     */
    public TaskView taskFor(CampaignView campaign, long taskId, CurrentUser user, boolean leadersToo) {
        TaskView task = campaigns
                .task(taskId)
                .filter(t -> t.campaignId() == campaign.id())
                .orElse(null);
        if (task == null || (raterFor(campaign, task, user) == null && !(leadersToo && user.hasRole("LEADER")))) {
            events.publishEvent(AuditEvent.denied(
                    "evaluation.grade.read", TYPE, campaign.id() + "/" + taskId, "not the task's rater"));
            throw new NotFoundException("campaign-task", taskId);
        }
        return task;
    }

    /** The evaluations the caller may read: all for the office and leaders, its ratable tasks' otherwise. */
    public List<EvaluationView> readable(CampaignView campaign, CurrentUser user) {
        if (campaigns.isOffice(campaign, user) || user.hasRole("LEADER")) {
            return store.ofCampaign(campaign.id());
        }
        return store.ofTasks(
                ratableTasks(campaign, user).stream().map(TaskView::id).toList());
    }

    static final String ONSITE = "实地考核";
    static final String WEB_CHECK = "网络检索";

    /** The tasks of the campaign the user may rate. */
    public List<TaskView> ratableTasks(CampaignView campaign, CurrentUser user) {
        return campaigns.tasks(campaign.id()).stream()
                .filter(t -> raterFor(campaign, t, user) != null)
                .toList();
    }

    /**
     * Checks every row and, when all pass and {@code dryRun} is false, writes them. Rows about tasks the
     * caller may not rate make the whole request answer 404 (audited), like any other object the caller
     * may not see.
     */
    @Transactional
    public List<RowResult> apply(
            long campaignId, List<EvaluationCommand> rows, CurrentUser user, Channel channel, boolean dryRun) {
        return apply(campaignId, rows, user, channel, dryRun, null);
    }

    /**
     * As {@link #apply(long, List, CurrentUser, Channel, boolean)}; with a review id the change is the
     * decision of that review (复核): allowed after the lock and the evaluation phase, by the office only.
     */
    @Transactional
    public List<RowResult> apply(
            long campaignId,
            List<EvaluationCommand> rows,
            CurrentUser user,
            Channel channel,
            boolean dryRun,
            Long reviewId) {
        return apply(campaignId, rows, user, channel, dryRun, reviewId, Map.of());
    }

    /**
     * As {@link #apply(long, List, CurrentUser, Channel, boolean, Long)}, with entries added to the
     * {@code detail} of every changed evaluation (an on-site visit: its id, team and time).
     */
    @Transactional
    public List<RowResult> apply(
            long campaignId,
            List<EvaluationCommand> rows,
            CurrentUser user,
            Channel channel,
            boolean dryRun,
            Long reviewId,
            Map<String, Object> extraDetail) {
        CampaignView campaign = campaigns.campaign(campaignId);
        Map<Long, TargetView> targets =
                campaigns.targets(campaignId).stream().collect(Collectors.toMap(TargetView::id, Function.identity()));
        Map<Long, TaskView> tasks =
                campaigns.tasks(campaignId).stream().collect(Collectors.toMap(TaskView::id, Function.identity()));
        boolean byReview = reviewId != null;
        if (byReview && !campaigns.isOffice(campaign, user)) {
            events.publishEvent(
                    AuditEvent.denied("evaluation.review", TYPE, campaignId, "review change by non-office"));
            throw new NotFoundException("campaign", campaignId);
        }
        // the right to rate each task is checked before anything else is said about the rows
        Set<Long> denied = new LinkedHashSet<>();
        Map<Long, Rater> raters = new HashMap<>();
        for (EvaluationCommand r : rows) {
            TaskView task = r.taskId() == null ? null : tasks.get(r.taskId());
            if (task != null) {
                Rater rater = raterFor(campaign, task, user);
                if (rater == null) {
                    denied.add(task.id());
                } else {
                    raters.put(task.id(), rater);
                }
            }
        }
        if (!denied.isEmpty()) {
            events.publishEvent(AuditEvent.denied(
                    "evaluation.grade.write", TYPE, campaignId + "/" + denied, "task not assigned to the caller"));
            throw new NotFoundException("campaign-task", denied.iterator().next());
        }
        Instant now = time.now();
        if (!byReview) {
            requireOpen(campaignId, now);
        }

        List<RowResult> results = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            EvaluationCommand r = rows.get(i);
            try {
                Checked c = check(r, targets, tasks, seen);
                checked.add(c);
                results.add(new RowResult(i, r.targetId(), r.taskId(), "OK", null, null, c.points()));
            } catch (RowError e) {
                checked.add(null);
                results.add(new RowResult(i, r.targetId(), r.taskId(), "ERROR", message(e.key, e.args), e.field, null));
            }
        }
        if (results.stream().anyMatch(RowResult::failed)) {
            return results;
        }
        // a not-applicable decision of the office binds assessors
        Map<String, EvaluationView> current = new HashMap<>();
        Set<Long> taskIds = new HashSet<>();
        Set<Long> targetIds = new HashSet<>();
        checked.forEach(c -> {
            taskIds.add(c.task().id());
            targetIds.add(c.target().id());
        });
        // only the rows of the batch's (target, task) pairs are locked, not every target's row of the tasks
        for (EvaluationView e : store.ofPairs(taskIds, targetIds, !dryRun)) {
            current.put(e.targetId() + "/" + e.taskId(), e);
        }
        for (int i = 0; i < checked.size(); i++) {
            Checked c = checked.get(i);
            EvaluationView old = current.get(c.key());
            if (old != null
                    && old.notApplicable()
                    && "OFFICE".equals(old.detail().get("rater"))
                    && raters.get(c.task().id()) != Rater.OFFICE
                    && !byReview) {
                results.set(
                        i,
                        new RowResult(
                                i,
                                c.target().id(),
                                c.task().id(),
                                "ERROR",
                                message("evaluation.officeNotApplicable"),
                                "notApplicable",
                                null));
            }
        }
        if (results.stream().anyMatch(RowResult::failed)) {
            return results;
        }

        Set<Long> changedTargets = new LinkedHashSet<>();
        for (int i = 0; i < checked.size(); i++) {
            Checked c = checked.get(i);
            EvaluationView old = current.get(c.key());
            Rater rater = raters.get(c.task().id());
            String status;
            if (old != null && c.sameAs(old) && Objects.equals(old.reviewId(), reviewId)) {
                status = "UNCHANGED";
            } else {
                status = old == null ? "CREATED" : "UPDATED";
                if (!dryRun) {
                    write(campaignId, c, old, rater, user, channel, now, reviewId, extraDetail);
                    changedTargets.add(c.target().id());
                }
            }
            results.set(i, new RowResult(i, c.target().id(), c.task().id(), status, null, null, c.points()));
        }
        if (!changedTargets.isEmpty()) {
            events.publishEvent(new EvaluationChanged(campaignId, changedTargets, reviewId));
        }
        return results;
    }

    private void write(
            long campaignId,
            Checked c,
            EvaluationView old,
            Rater rater,
            CurrentUser user,
            Channel channel,
            Instant now,
            Long reviewId,
            Map<String, Object> extraDetail) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rater", rater.name());
        detail.putAll(extraDetail);
        if (c.checkedUrl() != null) {
            detail.put("url", c.checkedUrl());
            detail.put("checkedAt", now.toString());
        } else if (old != null && old.detail().containsKey("url")) {
            detail.put("url", old.detail().get("url"));
            detail.put("checkedAt", old.detail().get("checkedAt"));
        }
        String method = c.checkedUrl() != null
                ? WEB_CHECK
                : c.task().methods().isEmpty() ? null : c.task().methods().get(0);
        EvaluationStore.Values v = new EvaluationStore.Values(
                c.grade(),
                c.points(),
                c.notApplicable(),
                c.reason(),
                method,
                detail,
                user.unitId(),
                user.username(),
                user.displayName(),
                now,
                reviewId);
        long id;
        int revision;
        if (old == null) {
            id = store.insert(campaignId, c.target().id(), c.task().id(), v);
            revision = 1;
        } else {
            id = old.id();
            revision = old.revision() + 1;
            store.update(id, revision, v);
        }
        store.history(id, campaignId, c.target().id(), c.task().id(), revision, old, v, channel);
        events.publishEvent(AuditEvent.success(
                reviewId != null ? "evaluation.grade.review" : "evaluation.grade.write",
                TYPE,
                id,
                old == null ? null : snapshot(old.grade(), old.points(), old.notApplicable(), old.reason()),
                snapshot(c.grade(), c.points(), c.notApplicable(), c.reason())));
    }

    private static Map<String, Object> snapshot(Grade g, BigDecimal p, boolean na, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("grade", g == null ? null : g.label());
        m.put("points", p);
        m.put("notApplicable", na);
        m.put("reason", reason);
        return m;
    }

    /** Refuses a change when the campaign's evaluations are locked or its evaluation phase is not open. */
    public void requireOpen(long campaignId) {
        requireOpen(campaignId, time.now());
    }

    private void requireOpen(long campaignId, Instant now) {
        if (store.lockedAt(campaignId).isPresent()) {
            throw new ConflictException(null, "evaluation.locked");
        }
        checkWindow(campaignId, now);
    }

    private void checkWindow(long campaignId, Instant now) {
        for (PhaseView p : campaigns.phases(campaignId)) {
            if (!"EVALUATION".equals(p.code())) {
                continue;
            }
            if (p.startsOn() != null
                    && now.isBefore(
                            p.startsOn().atStartOfDay(ClockConfiguration.ZONE).toInstant())) {
                throw new ConflictException(
                        null, "evaluation.notOpen", p.startsOn().toString());
            }
            if (p.endsOn() != null
                    && !now.isBefore(p.endsOn()
                            .plusDays(1)
                            .atStartOfDay(ClockConfiguration.ZONE)
                            .toInstant())) {
                throw new ConflictException(
                        null, "evaluation.closed", p.endsOn().toString());
            }
        }
    }

    /** Until when evaluations can be entered, or null when the phase is open-ended. */
    public LocalDate closesOn(long campaignId) {
        return campaigns.phases(campaignId).stream()
                .filter(p -> "EVALUATION".equals(p.code()))
                .map(PhaseView::endsOn)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    record Checked(
            TargetView target,
            TaskView task,
            Grade grade,
            BigDecimal points,
            boolean notApplicable,
            String reason,
            String checkedUrl) {
        String key() {
            return target.id() + "/" + task.id();
        }

        boolean sameAs(EvaluationView e) {
            return e.grade() == grade
                    && (e.points() == null
                            ? points == null
                            : points != null && e.points().compareTo(points) == 0)
                    && e.notApplicable() == notApplicable
                    && Objects.equals(e.reason(), reason)
                    && (checkedUrl == null || checkedUrl.equals(e.detail().get("url")));
        }
    }

    private static final class RowError extends RuntimeException {
        final String field;
        final String key;
        final Object[] args;

        RowError(String field, String key, Object... args) {
            super(key, null, false, false);
            this.field = field;
            this.key = key;
            this.args = args;
        }
    }

    private static Checked check(
            EvaluationCommand r, Map<Long, TargetView> targets, Map<Long, TaskView> tasks, Set<String> seen) {
        if (r.targetId() == null) {
            throw new RowError("targetId", "evaluation.targetRequired");
        }
        if (r.taskId() == null) {
            throw new RowError("taskId", "evaluation.taskRequired");
        }
        TargetView target = targets.get(r.targetId());
        if (target == null) {
            throw new RowError("targetId", "evaluation.noSuchTarget", r.targetId());
        }
        TaskView task = tasks.get(r.taskId());
        if (task == null) {
            throw new RowError("taskId", "evaluation.noSuchTask", r.taskId());
        }
        if (task.categoryId() != target.categoryId()) {
            throw new RowError("taskId", "evaluation.taskNotOfTarget", task.title(), target.name());
        }
        if (!seen.add(target.id() + "/" + task.id())) {
            throw new RowError("taskId", "evaluation.duplicateRow");
        }
        boolean na = Boolean.TRUE.equals(r.notApplicable());
        String gradeText = r.grade() == null || r.grade().isBlank() ? null : r.grade();
        int given = (gradeText != null ? 1 : 0) + (r.points() != null ? 1 : 0) + (na ? 1 : 0);
        if (given != 1) {
            throw new RowError("grade", "evaluation.oneOf");
        }
        String reason =
                r.reason() == null || r.reason().isBlank() ? null : r.reason().strip();
        if (reason != null && reason.length() > REASON_MAX) {
            throw new RowError("reason", "evaluation.reasonTooLong", REASON_MAX);
        }
        String url = r.checkedUrl() == null || r.checkedUrl().isBlank()
                ? null
                : r.checkedUrl().strip();
        if (url != null && !isWebUrl(url)) {
            throw new RowError("checkedUrl", "evaluation.badUrl");
        }
        if (na) {
            if (reason == null) {
                throw new RowError("reason", "evaluation.reasonForNotApplicable");
            }
            return new Checked(target, task, null, null, true, reason, url);
        }
        BigDecimal max = task.points();
        if (max == null || max.signum() <= 0) {
            throw new RowError("points", "evaluation.taskHasNoPoints");
        }
        if (gradeText != null) {
            Grade g = Grade.parseOrNull(gradeText);
            if (g == null) {
                throw new RowError("grade", "evaluation.badGrade", gradeText);
            }
            if (g != Grade.EXCELLENT && reason == null) {
                throw new RowError("reason", "evaluation.reasonForDeduction");
            }
            return new Checked(target, task, g, null, false, reason, url);
        }
        BigDecimal p = r.points();
        if (p.signum() < 0) {
            throw new RowError("points", "evaluation.pointsNegative");
        }
        if (p.compareTo(max) > 0) {
            throw new RowError(
                    "points",
                    "evaluation.pointsAboveMax",
                    max.stripTrailingZeros().toPlainString());
        }
        if (p.stripTrailingZeros().scale() > 2) {
            throw new RowError("points", "evaluation.pointsDecimals");
        }
        if (p.compareTo(max) < 0 && reason == null) {
            throw new RowError("reason", "evaluation.reasonForDeduction");
        }
        return new Checked(target, task, null, p.setScale(2), false, reason, url);
    }

    private static boolean isWebUrl(String s) {
        try {
            URI u = URI.create(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** Locks the campaign's evaluations (results approved): later changes only through a review. */
    @Transactional
    public void lock(long campaignId, CurrentUser user, String note) {
        if (store.lockedAt(campaignId).isEmpty()) {
            store.lock(campaignId, user.username(), time.now(), note);
            events.publishEvent(AuditEvent.success("evaluation.lock", TYPE, campaignId, null, note));
        }
    }

    @Transactional
    public void unlock(long campaignId, CurrentUser user, String note) {
        if (store.lockedAt(campaignId).isPresent()) {
            store.unlock(campaignId);
            events.publishEvent(AuditEvent.success("evaluation.unlock", TYPE, campaignId, null, note));
        }
    }
}
