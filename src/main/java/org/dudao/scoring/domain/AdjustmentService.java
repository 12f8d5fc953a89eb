package org.dudao.scoring.domain;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.scoring.AdjustmentCommand;
import org.dudao.scoring.AdjustmentView;
import org.dudao.scoring.WorkflowView;
import org.dudao.scoring.engine.Adjustment;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bonus and penalty events (加减分). The office's own events are approved as they are recorded; an
 * assessor's wait for the office. The same matter counts once: a second live event of the same kind
 * and matter for a target is refused, unless it is the very same request again (then its id is
 * answered). Caps are not checked here: events beyond a cap are accepted and the engine counts them
 * up to the cap, showing so in the breakdown.
 */
@Service
public class AdjustmentService {

    static final String TYPE = "scoring-adjustment";

    private final JdbcClient jdbc;
    private final CampaignApi campaigns;
    private final PolicyService policies;
    private final ResultStore results;
    private final ResultUpdates updates;
    private final DatabaseTime time;
    private final ApplicationEventPublisher events;

    AdjustmentService(
            JdbcClient jdbc,
            CampaignApi campaigns,
            PolicyService policies,
            ResultStore results,
            ResultUpdates updates,
            DatabaseTime time,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.policies = policies;
        this.results = results;
        this.updates = updates;
        this.time = time;
        this.events = events;
    }

    /** 同一事项: the matter as compared — the engine's own rule, so the store and the engine agree. */
    static String matterKey(String matter) {
        return Adjustment.matterKey(matter);
    }

    /** Approved or published results change only through a review. */
    void requireNotFrozen(long campaignId) {
        if (results.workflow(campaignId).map(WorkflowView::frozen).orElse(false)) {
            throw new ConflictException(null, "scoring.frozen");
        }
    }

    /** The events the caller may see: all for the office and leaders, its own proposals otherwise. */
    public List<AdjustmentView> visibleTo(CampaignView campaign, CurrentUser user) {
        boolean all = campaigns.isOffice(campaign, user) || user.hasRole("LEADER");
        return ofCampaign(campaign.id()).stream()
                .filter(a -> all || a.proposedBy().equals(user.username()))
                .toList();
    }

    public boolean mayPropose(CampaignView campaign, CurrentUser user) {
        return campaigns.isOffice(campaign, user)
                || (user.hasRole("ASSESSOR")
                        && !campaigns
                                .tasksAssessedBy(campaign.id(), user.unitId())
                                .isEmpty());
    }

    @Transactional
    public AdjustmentView propose(long campaignId, AdjustmentCommand c, CurrentUser user) {
        return propose(campaignId, c, user, null);
    }

    /** Records an event; with a review id it is the decision of that review (office only, allowed after the lock). */
    @Transactional
    public AdjustmentView propose(long campaignId, AdjustmentCommand c, CurrentUser user, Long reviewId) {
        CampaignView campaign = campaigns.campaign(campaignId);
        boolean office = campaigns.isOffice(campaign, user);
        if (!mayPropose(campaign, user) || (reviewId != null && !office)) {
            events.publishEvent(
                    AuditEvent.denied("scoring.adjustment.propose", TYPE, campaignId, "not office or assessor"));
            throw new NotFoundException("campaign", campaignId);
        }
        if (reviewId == null) {
            requireNotFrozen(campaignId);
        }
        if (c.targetId() == null) {
            throw new InvalidInputException("targetId", "scoring.adjustment.target");
        }
        TargetView target = campaigns
                .target(c.targetId())
                .filter(t -> t.campaignId() == campaignId)
                .orElseThrow(() -> new InvalidInputException("targetId", "scoring.adjustment.target"));
        String kind = c.kind() == null ? "" : c.kind().strip();
        if (!kind.equals("BONUS") && !kind.equals("PENALTY")) {
            throw new InvalidInputException("kind", "scoring.adjustment.kind");
        }
        // blank, or only spaces of any kind (U+00A0, U+3000 count too: the same-matter key would be empty)
        if (c.matter() == null || matterKey(c.matter()) == null) {
            throw new InvalidInputException("matter", "scoring.adjustment.matter");
        }
        String matter = Texts.required("matter", c.matter(), 300);
        String reason = Texts.requiredMultiline("reason", c.reason(), 2000, "scoring.adjustment.reason");
        String evidence = Texts.multiline("evidence", c.evidence(), 2000);
        CampaignPolicy policy = policies.policy(campaignId);
        BigDecimal points = c.points();
        if (points == null && kind.equals("BONUS")) {
            points = policy.bonusPoints() == null ? BigDecimal.ONE : policy.bonusPoints();
        }
        if (points == null || points.signum() <= 0) {
            throw new InvalidInputException("points", "scoring.adjustment.points");
        }
        if (points.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("points", "scoring.adjustment.decimals");
        }
        if (kind.equals("PENALTY")
                && ((policy.penaltyMin() != null && points.compareTo(policy.penaltyMin()) < 0)
                        || (policy.penaltyMax() != null && points.compareTo(policy.penaltyMax()) > 0))) {
            throw new InvalidInputException(
                    "points",
                    "scoring.adjustment.penaltyRange",
                    plain(policy.penaltyMin()),
                    plain(policy.penaltyMax()));
        }
        TreeSet<Long> related = new TreeSet<>(c.relatedTaskIds() == null ? List.of() : c.relatedTaskIds());
        if (!related.isEmpty() && kind.equals("BONUS")) {
            throw new InvalidInputException("relatedTaskIds", "scoring.adjustment.bonusTasks");
        }
        for (Long taskId : related) {
            TaskView task = taskId == null ? null : campaigns.task(taskId).orElse(null);
            if (task == null || task.campaignId() != campaignId || task.categoryId() != target.categoryId()) {
                throw new InvalidInputException("relatedTaskIds", "scoring.adjustment.relatedTask", taskId);
            }
        }
        points = points.setScale(2);
        boolean blocks = Boolean.TRUE.equals(c.blocksExcellent());
        String key = matterKey(matter);
        Optional<AdjustmentView> same = jdbc.sql("select * from scoring_adjustment where target_id = ? and kind = ?"
                        + " and matter_key = ? and status in ('PROPOSED', 'APPROVED') for update")
                .params(target.id(), kind, key)
                .query(AdjustmentService::view)
                .optional();
        if (same.isPresent()) {
            AdjustmentView e = same.get();
            boolean identical = e.points().compareTo(points) == 0
                    && e.relatedTaskIds().equals(List.copyOf(related))
                    && e.reason().equals(reason)
                    && e.blocksExcellent() == blocks;
            if (identical) {
                return e;
            }
            throw new ConflictException(
                    "matter",
                    kind.equals("BONUS") ? "scoring.adjustment.sameBonus" : "scoring.adjustment.samePenalty",
                    e.id());
        }
        Instant now = time.now();
        String status = office ? "APPROVED" : "PROPOSED";
        long id = jdbc.sql("insert into scoring_adjustment (campaign_id, target_id, kind, matter, matter_key, points,"
                        + " related_task_ids, blocks_excellent, reason, evidence, status, proposed_by, proposed_by_name,"
                        + " proposed_unit_id, proposed_at, decided_by, decided_at, review_id) values (:c, :t, :k, :m,"
                        + " :mk, :p, :rel, :b, :r, :e, :s, :by, :byName, :unit, :at, :dby, :dat, :rv) returning id")
                .param("c", campaignId)
                .param("t", target.id())
                .param("k", kind)
                .param("m", matter)
                .param("mk", key)
                .param("p", points)
                .param("rel", related.toArray(Long[]::new))
                .param("b", blocks)
                .param("r", reason)
                .param("e", evidence)
                .param("s", status)
                .param("by", user.username())
                .param("byName", user.displayName())
                .param("unit", user.unitId())
                .param("at", Timestamp.from(now))
                .param("dby", office ? user.username() : null)
                .param("dat", office ? Timestamp.from(now) : null)
                .param("rv", reviewId)
                .query(Long.class)
                .single();
        AdjustmentView v = find(id).orElseThrow();
        events.publishEvent(AuditEvent.success("scoring.adjustment.create", TYPE, id, null, v));
        if (office && reviewId != null) {
            results.markStale(campaignId); // the review recomputes (recomputeForReview)
        } else if (office) {
            updates.changed(campaignId, java.util.Set.of(v.targetId()));
        }
        return v;
    }

    /** The office approves or rejects a proposed event. */
    @Transactional
    public AdjustmentView decide(long campaignId, long id, boolean approve, String note, CurrentUser user) {
        campaigns.managed(campaignId, user);
        AdjustmentView a = find(id).filter(x -> x.campaignId() == campaignId)
                .orElseThrow(() -> new NotFoundException("scoring-adjustment", id));
        if (!"PROPOSED".equals(a.status())) {
            throw new ConflictException(null, "scoring.adjustment.notProposed");
        }
        note = Texts.multiline("note", note, 2000);
        if (!approve && note == null) {
            throw new InvalidInputException("note", "scoring.adjustment.rejectReason");
        }
        requireNotFrozen(campaignId);
        jdbc.sql("update scoring_adjustment set status = ?, decided_by = ?, decided_at = ?, decision_note = ?,"
                        + " row_version = row_version + 1 where id = ?")
                .params(approve ? "APPROVED" : "REJECTED", user.username(), Timestamp.from(time.now()), note, id)
                .update();
        AdjustmentView after = find(id).orElseThrow();
        events.publishEvent(AuditEvent.success(
                approve ? "scoring.adjustment.approve" : "scoring.adjustment.reject", TYPE, id, a, after));
        if (approve) {
            updates.changed(campaignId, java.util.Set.of(after.targetId()));
        }
        return after;
    }

    /** The proposer or the office withdraws an event (before the results are approved). */
    @Transactional
    public AdjustmentView withdraw(long campaignId, long id, CurrentUser user) {
        CampaignView campaign = campaigns.campaign(campaignId);
        AdjustmentView a = find(id).filter(x -> x.campaignId() == campaignId).orElse(null);
        if (a == null || !(campaigns.isOffice(campaign, user) || a.proposedBy().equals(user.username()))) {
            events.publishEvent(AuditEvent.denied("scoring.adjustment.withdraw", TYPE, id, "not proposer or office"));
            throw new NotFoundException("scoring-adjustment", id);
        }
        if ("WITHDRAWN".equals(a.status()) || "REJECTED".equals(a.status())) {
            return a;
        }
        requireNotFrozen(campaignId);
        jdbc.sql("update scoring_adjustment set status = 'WITHDRAWN', decided_by = ?, decided_at = ?,"
                        + " row_version = row_version + 1 where id = ?")
                .params(user.username(), Timestamp.from(time.now()), id)
                .update();
        AdjustmentView after = find(id).orElseThrow();
        events.publishEvent(AuditEvent.success("scoring.adjustment.withdraw", TYPE, id, a, after));
        if ("APPROVED".equals(a.status())) {
            updates.changed(campaignId, java.util.Set.of(after.targetId()));
        }
        return after;
    }

    public Optional<AdjustmentView> find(long id) {
        return jdbc.sql("select * from scoring_adjustment where id = ?")
                .param(id)
                .query(AdjustmentService::view)
                .optional();
    }

    public List<AdjustmentView> ofCampaign(long campaignId) {
        return jdbc.sql("select * from scoring_adjustment where campaign_id = ? order by target_id, id")
                .param(campaignId)
                .query(AdjustmentService::view)
                .list();
    }

    public List<AdjustmentView> ofTarget(long targetId) {
        return jdbc.sql("select * from scoring_adjustment where target_id = ? order by id")
                .param(targetId)
                .query(AdjustmentService::view)
                .list();
    }

    static AdjustmentView view(ResultSet rs, int i) throws SQLException {
        Array rel = rs.getArray("related_task_ids");
        List<Long> related = rel == null ? List.of() : Arrays.asList((Long[]) rel.getArray());
        Timestamp decided = rs.getTimestamp("decided_at");
        return new AdjustmentView(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("target_id"),
                rs.getString("kind"),
                rs.getString("matter"),
                rs.getBigDecimal("points"),
                related.stream().filter(Objects::nonNull).sorted().toList(),
                rs.getBoolean("blocks_excellent"),
                rs.getString("reason"),
                rs.getString("evidence"),
                rs.getString("status"),
                rs.getString("proposed_by"),
                rs.getString("proposed_by_name"),
                rs.getTimestamp("proposed_at").toInstant(),
                rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(),
                rs.getString("decision_note"),
                (Long) rs.getObject("review_id"));
    }

    private static String plain(BigDecimal b) {
        return b == null ? "-" : b.stripTrailingZeros().toPlainString();
    }
}
