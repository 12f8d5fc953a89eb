package org.dudao.scoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.evaluation.EvaluationApi;
import org.dudao.evaluation.EvaluationChanged;
import org.dudao.scoring.ResultChange;
import org.dudao.scoring.ResultView;
import org.dudao.scoring.WorkflowView;
import org.dudao.scoring.engine.Computation;
import org.dudao.scoring.engine.ScoringEngine;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a campaign's results with the engine and moves them through the workflow: 已计算 → 已拟定
 * (office) → 征求意见 (member units comment) → 已审定 (two distinct leaders; evaluations lock) → 已公布
 * (each target sees its own result and breakdown). Once approved, a result changes only through a
 * review (复核), and every such change is recorded with the review that caused it.
 */
@Service
public class ResultService {

    static final String TYPE = "scoring-result";
    static final int APPROVERS = 2;
    private static final Logger log = LoggerFactory.getLogger(ResultService.class);

    private final CampaignApi campaigns;
    private final EvaluationApi evaluations;
    private final ScoringInputs inputs;
    private final ResultUpdates updates;
    private final ResultStore store;
    private final DatabaseTime time;
    private final ApplicationEventPublisher events;

    ResultService(
            CampaignApi campaigns,
            EvaluationApi evaluations,
            ScoringInputs inputs,
            ResultUpdates updates,
            ResultStore store,
            DatabaseTime time,
            ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.evaluations = evaluations;
        this.inputs = inputs;
        this.updates = updates;
        this.store = store;
        this.time = time;
        this.events = events;
    }

    /** Computes (or recomputes) every result of the campaign; refused once the results are approved. */
    @Transactional
    public WorkflowView compute(long campaignId, CurrentUser user) {
        campaigns.managed(campaignId, user);
        Optional<WorkflowView> before = store.lockWorkflow(campaignId);
        if (before.map(WorkflowView::frozen).orElse(false)) {
            throw new ConflictException(null, "scoring.frozen");
        }
        if (before.isEmpty()) {
            // the first compute: a workflow row to lock, so that evaluation and event writes (ResultUpdates) wait for
            // this computation instead of committing between its reads (rolled back with it if it fails)
            store.lockNewWorkflow(campaignId);
        }
        long started = System.nanoTime();
        Computation computation = ScoringEngine.compute(inputs.summed(campaignId));
        Instant now = time.now();
        store.saveComputation(campaignId, computation.results(), computation.lists(), user.username(), now);
        store.clearApprovals(campaignId);
        log.info(
                "campaign {}: {} results computed in {} ms",
                campaignId,
                computation.results().size(),
                (System.nanoTime() - started) / 1_000_000);
        events.publishEvent(AuditEvent.success(
                "scoring.result.compute",
                TYPE,
                campaignId,
                before.map(WorkflowView::status).orElse(null),
                Map.of("targets", computation.results().size())));
        return store.workflow(campaignId).orElseThrow();
    }

    /**
     * Recomputes after a review decision changed an evaluation or event of an approved or published
     * campaign: every target whose final score, level or rank moved gets a change record naming the review.
     */
    @Transactional
    public List<ResultChange> recomputeForReview(long campaignId, long reviewId, CurrentUser user) {
        campaigns.managed(campaignId, user);
        WorkflowView w =
                store.lockWorkflow(campaignId).orElseThrow(() -> new ConflictException(null, "scoring.notComputed"));
        Map<Long, ResultView> old =
                store.results(campaignId).stream().collect(Collectors.toMap(ResultView::targetId, Function.identity()));
        Computation computation = ScoringEngine.compute(inputs.summed(campaignId));
        Instant now = time.now();
        store.saveComputation(campaignId, computation.results(), computation.lists(), user.username(), now);
        List<ResultChange> changes = new ArrayList<>();
        for (ResultView r : store.results(campaignId)) {
            ResultView o = old.get(r.targetId());
            boolean changed = o == null
                    || o.finalScore().compareTo(r.finalScore()) != 0
                    || !Objects.equals(o.level(), r.level())
                    || !Objects.equals(o.rank(), r.rank());
            if (changed) {
                store.recordChange(campaignId, o, r, reviewId, user.username(), now);
                store.setReview(campaignId, r.targetId(), reviewId);
                changes.add(new ResultChange(
                        r.targetId(),
                        reviewId,
                        o == null ? null : o.finalScore(),
                        r.finalScore(),
                        o == null ? null : o.level(),
                        r.level(),
                        o == null ? null : o.rank(),
                        r.rank(),
                        user.username(),
                        now));
                events.publishEvent(
                        AuditEvent.success("scoring.result.review", TYPE, campaignId + "/" + r.targetId(), o, r));
            }
        }
        log.info("campaign {}: review {} recomputed ({} status)", campaignId, reviewId, w.status());
        return changes;
    }

    @Transactional
    public WorkflowView propose(long campaignId, CurrentUser user) {
        campaigns.managed(campaignId, user);
        WorkflowView w = requireStatus(campaignId, "COMPUTED");
        if (w.stale()) {
            throw new ConflictException(null, "scoring.stale");
        }
        store.proposed(campaignId, user.username(), time.now());
        return step(campaignId, "scoring.result.propose", w);
    }

    @Transactional
    public WorkflowView consult(long campaignId, LocalDate until, CurrentUser user) {
        campaigns.managed(campaignId, user);
        WorkflowView w = requireStatus(campaignId, "PROPOSED");
        store.consulting(campaignId, until);
        return step(campaignId, "scoring.result.consult", w);
    }

    /** A member unit (assessor) or the office comments on the proposed results while they are consulted. */
    @Transactional
    public WorkflowView comment(long campaignId, String body, CurrentUser user) {
        CampaignView campaign = campaigns.campaign(campaignId);
        if (!mayComment(campaign, user)) {
            events.publishEvent(AuditEvent.denied("scoring.result.comment", TYPE, campaignId, "not a member unit"));
            throw new NotFoundException("campaign", campaignId);
        }
        WorkflowView w = requireStatus(campaignId, "CONSULTING");
        String text = Texts.requiredMultiline("body", body, 5000, "scoring.comment.empty");
        store.addComment(campaignId, user.unitId(), user.username(), user.displayName(), text, time.now());
        return step(campaignId, "scoring.result.comment", w);
    }

    /** A leader of the campaign's jurisdiction approves; the second distinct approver makes the results approved. */
    @Transactional
    public WorkflowView approve(long campaignId, CurrentUser user) {
        CampaignView campaign = campaigns.campaign(campaignId);
        if (!user.permissions().contains("scoring:result:approve")
                || user.jurisdictionUnitId() != campaign.ownerUnitId()) {
            events.publishEvent(
                    AuditEvent.denied("scoring.result.approve", TYPE, campaignId, "not a leader of the jurisdiction"));
            throw new NotFoundException("campaign", campaignId);
        }
        WorkflowView w =
                store.lockWorkflow(campaignId).orElseThrow(() -> new ConflictException(null, "scoring.notComputed"));
        if (!"CONSULTING".equals(w.status()) && !"PROPOSED".equals(w.status())) {
            throw new ConflictException(null, "scoring.wrongStep", statusLabel(w.status()));
        }
        if (w.stale()) {
            throw new ConflictException(null, "scoring.stale");
        }
        if (w.approvals().stream().anyMatch(a -> a.approver().equals(user.username()))) {
            throw new ConflictException(null, "scoring.alreadyApproved");
        }
        Instant now = time.now();
        store.addApproval(campaignId, user.username(), user.displayName(), now);
        if (w.approvals().size() + 1 >= APPROVERS) {
            store.approved(campaignId, now);
            evaluations.lock(campaignId, user, "考核结果已审定");
        }
        return step(campaignId, "scoring.result.approve", w);
    }

    @Transactional
    public WorkflowView publish(long campaignId, CurrentUser user) {
        campaigns.managed(campaignId, user);
        WorkflowView w = requireStatus(campaignId, "APPROVED");
        if (w.stale()) {
            throw new ConflictException(null, "scoring.stale");
        }
        store.published(campaignId, user.username(), time.now());
        return step(campaignId, "scoring.result.publish", w);
    }

    private WorkflowView requireStatus(long campaignId, String status) {
        WorkflowView w =
                store.lockWorkflow(campaignId).orElseThrow(() -> new ConflictException(null, "scoring.notComputed"));
        if (!status.equals(w.status())) {
            throw new ConflictException(null, "scoring.wrongStep", statusLabel(w.status()));
        }
        return w;
    }

    /** The status as the user's language names it (resolved by the message source with the error). */
    static MessageSourceResolvable statusLabel(String status) {
        return new DefaultMessageSourceResolvable("scoring.status." + status);
    }

    private WorkflowView step(long campaignId, String action, WorkflowView before) {
        WorkflowView after = store.workflow(campaignId).orElseThrow();
        events.publishEvent(AuditEvent.success(action, TYPE, campaignId, before.status(), after.status()));
        return after;
    }

    /**
     * Evaluations changed: while the results are only computed, the changed targets' results follow at once (their
     * categories re-ranked); once proposed they are stale until the office recomputes them. A review's changes are
     * recomputed by {@link #recomputeForReview}.
     */
    @EventListener
    void on(EvaluationChanged e) {
        if (e.reviewId() == null) {
            updates.changed(e.campaignId(), e.targetIds());
        }
    }

    /** The office of the campaign and the leaders read every result; targets only their own, once published. */
    public boolean readsAll(CampaignView campaign, CurrentUser user) {
        return campaigns.isOffice(campaign, user) || user.permissions().contains("scoring:result:read");
    }

    /** Member units (assessors of the jurisdiction) and the office comment while the results are consulted. */
    public boolean mayComment(CampaignView campaign, CurrentUser user) {
        return campaigns.isOffice(campaign, user)
                || (user.hasRole("ASSESSOR") && user.jurisdictionUnitId() == campaign.ownerUnitId());
    }

    /** One target's result if the caller may read it; 404 and a DENIED audit record otherwise. */
    public ResultView readableResult(CampaignView campaign, long targetId, CurrentUser user) {
        if (!readsAll(campaign, user) && !visibleToTarget(campaign.id(), targetId, user)) {
            events.publishEvent(AuditEvent.denied(
                    "scoring.result.read", TYPE, campaign.id() + "/" + targetId, "not own or not published"));
            throw new NotFoundException("scoring-result", targetId);
        }
        return store.result(campaign.id(), targetId)
                .orElseThrow(() -> new NotFoundException("scoring-result", targetId));
    }

    /** The result rows the caller may read. */
    public List<ResultView> readable(CampaignView campaign, CurrentUser user) {
        return readsAll(campaign, user) ? store.results(campaign.id()) : ownPublished(campaign.id(), user);
    }

    /** A target's own published result rows (none before publication or for a unit that is no target). */
    public List<ResultView> ownPublished(long campaignId, CurrentUser user) {
        boolean published =
                store.workflow(campaignId).map(WorkflowView::published).orElse(false);
        if (!published) {
            return List.of();
        }
        return campaigns
                .targetOfUnit(campaignId, user.unitId())
                .flatMap(t -> store.result(campaignId, t.id()))
                .map(List::of)
                .orElse(List.of());
    }

    /** Targets of the campaign the results may be shown to: its own only, and only after publication. */
    public boolean visibleToTarget(long campaignId, long targetId, CurrentUser user) {
        boolean published =
                store.workflow(campaignId).map(WorkflowView::published).orElse(false);
        return published
                && campaigns
                        .target(targetId)
                        .filter(t -> t.campaignId() == campaignId && t.unitId() == user.unitId())
                        .isPresent();
    }
}
