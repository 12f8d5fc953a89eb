package org.dudao.scoring.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskPoints;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.EvaluationApi;
import org.dudao.evaluation.EvaluationTally;
import org.dudao.evaluation.ScoringRow;
import org.dudao.scoring.engine.Adjustment;
import org.dudao.scoring.engine.AdjustmentKind;
import org.dudao.scoring.engine.Evaluation;
import org.dudao.scoring.engine.Grade;
import org.dudao.scoring.engine.Inputs;
import org.dudao.scoring.engine.PreviousResult;
import org.dudao.scoring.engine.Tally;
import org.dudao.scoring.engine.Target;
import org.dudao.scoring.engine.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the engine's inputs from the campaign, evaluation and scoring tables, in two forms: <em>summed</em> for a
 * full computation (the evaluations summed per target in one database aggregate, plus the few evaluations penalties
 * zero — results without breakdowns), and <em>detailed</em> for some targets (every evaluation with its reason,
 * assessor and time — results with breakdowns, read when a breakdown or a task score is shown).
 */
@Component
public class ScoringInputs {

    private final JdbcClient jdbc;
    private final CampaignApi campaigns;
    private final EvaluationApi evaluations;
    private final PolicyService policies;
    private final ResultStore store;

    ScoringInputs(
            JdbcClient jdbc,
            CampaignApi campaigns,
            EvaluationApi evaluations,
            PolicyService policies,
            ResultStore store) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.evaluations = evaluations;
        this.policies = policies;
        this.store = store;
    }

    /** Every target of the campaign with its evaluations summed: a full computation (no breakdowns). */
    public Inputs summed(long campaignId) {
        CampaignPolicy policy = policies.policy(campaignId);
        List<Task> tasks = leanTasks(campaigns.taskPoints(campaignId), policy);
        boolean byComponent =
                policy.components() != null && !policy.components().isEmpty();
        List<String> components = byComponent
                ? policy.components().stream()
                        .map(CampaignPolicy.ComponentRule::code)
                        .toList()
                : List.of();
        Map<Long, BigDecimal> points = new HashMap<>(tasks.size() * 2);
        Map<Long, Integer> groups = byComponent ? new HashMap<>(tasks.size() * 2) : null;
        for (Task t : tasks) {
            points.put(t.id(), t.maxPoints());
            if (byComponent) {
                groups.put(t.id(), components.indexOf(t.component()));
            }
        }
        // on the caller's connection: a review's recompute must see the review's own uncommitted evaluations
        List<EvaluationTally> sums = evaluations.tallies(campaignId, points, groups);
        List<Target> targets = targets(campaigns.targets(campaignId));
        List<Adjustment> adjustments = approvedAdjustments(campaignId, null, false);
        // 相关考核项目不得分: the engine needs the evaluations of the tasks penalties zero, one by one
        Map<Long, Set<Long>> zeroed = new HashMap<>();
        for (Adjustment a : adjustments) {
            if (a.kind() == AdjustmentKind.PENALTY && !a.relatedTaskIds().isEmpty()) {
                zeroed.computeIfAbsent(a.targetId(), k -> new HashSet<>()).addAll(a.relatedTaskIds());
            }
        }
        List<Evaluation> details = evaluations(evaluations.forScoring(campaignId, zeroed), Map.of());
        List<PreviousResult> previous = previous(campaignId);
        List<Tally> tallies = new ArrayList<>();
        for (EvaluationTally t : sums) {
            tallies.add(new Tally(
                    t.targetId(),
                    byComponent ? components.get(t.group()) : null,
                    t.evaluated(),
                    t.excellentPoints(),
                    t.goodPoints(),
                    t.fairPoints(),
                    t.poorPoints(),
                    t.notApplicablePoints(),
                    t.givenPoints()));
        }

        return new Inputs(targets, tasks, details, adjustments, previous, policy.toEngine(), tallies);
    }

    /**
     * The given targets of the campaign (all of one category, or one target) with every evaluation in detail: results
     * with breakdowns. The targets' standing (level, rank) in such a computation is meaningless — the stored results
     * have it.
     */
    public Inputs detailed(long campaignId, List<TargetView> targetViews) {
        return detailed(campaignId, targetViews, policies.policy(campaignId));
    }

    Inputs detailed(long campaignId, List<TargetView> targetViews, CampaignPolicy policy) {
        return ofTargets(campaignId, targetViews, policy, true);
    }

    /**
     * The given targets' scores without breakdowns (tasks without titles, evaluations and events without reasons):
     * what keeping their results current needs.
     */
    Inputs scores(long campaignId, List<TargetView> targetViews, CampaignPolicy policy) {
        return ofTargets(campaignId, targetViews, policy, false);
    }

    private Inputs ofTargets(long campaignId, List<TargetView> targetViews, CampaignPolicy policy, boolean explained) {
        List<Long> categories = targetViews.stream()
                .map(TargetView::categoryId)
                .distinct()
                .sorted()
                .toList();
        List<Task> tasks = new ArrayList<>();
        Map<Long, TaskView> byId = new HashMap<>();
        for (long c : categories) {
            if (explained) {
                List<TaskView> views = campaigns.tasksOfCategory(c);
                views.forEach(t -> byId.put(t.id(), t));
                tasks.addAll(tasks(views, policy));
            } else {
                tasks.addAll(leanTasks(campaigns.taskPointsOfCategory(c), policy));
            }
        }
        List<Long> ids = targetViews.stream().map(TargetView::id).toList();
        return new Inputs(
                targets(targetViews),
                tasks,
                evaluations(evaluations.forScoringOfTargets(campaignId, ids, explained), byId),
                approvedAdjustments(campaignId, ids, explained),
                List.of(),
                policy.toEngine());
    }

    /** Tasks without title or path (no task lines are shown from them). */
    private static List<Task> leanTasks(List<TaskPoints> taskPoints, CampaignPolicy policy) {
        List<Task> tasks = new ArrayList<>(taskPoints.size());
        for (TaskPoints t : taskPoints) {
            tasks.add(new Task(
                    t.id(),
                    t.categoryId(),
                    t.points() == null ? BigDecimal.ZERO : t.points(),
                    policy.componentOf(t.methods()),
                    null,
                    null));
        }
        return tasks;
    }

    private static List<Target> targets(List<TargetView> views) {
        List<Target> targets = new ArrayList<>(views.size());
        for (int i = 0; i < views.size(); i++) {
            TargetView t = views.get(i);
            targets.add(new Target(t.id(), t.unitId(), t.name(), t.categoryId(), t.category(), i));
        }
        return targets;
    }

    private static List<Task> tasks(List<TaskView> views, CampaignPolicy policy) {
        List<Task> tasks = new ArrayList<>(views.size());
        for (TaskView t : views) {
            tasks.add(new Task(
                    t.id(),
                    t.categoryId(),
                    t.points() == null ? BigDecimal.ZERO : t.points(),
                    policy.componentOf(t.methods()),
                    t.title(),
                    t.path()));
        }
        return tasks;
    }

    private static List<Evaluation> evaluations(List<ScoringRow> rows, Map<Long, TaskView> tasks) {
        List<Evaluation> out = new ArrayList<>(rows.size());
        for (ScoringRow e : rows) {
            out.add(new Evaluation(
                    e.targetId(),
                    e.taskId(),
                    e.grade() == null ? null : Grade.valueOf(e.grade().name()),
                    e.points(),
                    e.notApplicable(),
                    e.reason(),
                    assessor(tasks.get(e.taskId()), e.rater(), e.evaluatedBy()),
                    e.evaluatedAt(),
                    e.reviewId()));
        }
        return out;
    }

    /**
     * The approved bonus/penalty events of the campaign (of the given targets, or all when null), as the engine counts
     * them; without their reasons and reviews unless {@code explained} (those only show in breakdowns).
     */
    List<Adjustment> approvedAdjustments(long campaignId, Collection<Long> targetIds, boolean explained) {
        // lean columns: 15,000 events are read per full computation (the approval order as epoch microseconds, the
        // related tasks only of penalties, as text)
        return jdbc.sql("select id, target_id, kind = 'BONUS', matter, points, case when kind = 'PENALTY' then"
                        + " array_to_string(related_task_ids, ',') end, blocks_excellent, "
                        + (explained ? "reason" : "null::text")
                        + ", (extract(epoch from proposed_at) * 1000000)::int8, "
                        + (explained ? "review_id" : "null::bigint")
                        + " from scoring_adjustment where campaign_id = ? and status = 'APPROVED'"
                        + (targetIds == null ? "" : " and target_id = any(?)"))
                .params(
                        targetIds == null
                                ? new Object[] {campaignId}
                                : new Object[] {campaignId, targetIds.toArray(Long[]::new)})
                .query(ScoringInputs::adjustment)
                .list();
    }

    private static Adjustment adjustment(ResultSet rs, int n) throws SQLException {
        String related = rs.getString(6);
        Set<Long> relatedIds = Set.of();
        if (related != null && !related.isEmpty()) {
            relatedIds = new HashSet<>();
            for (String id : related.split(",")) {
                relatedIds.add(Long.parseLong(id));
            }
        }
        long micros = rs.getLong(9);
        Instant at = rs.wasNull()
                ? null
                : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
        return new Adjustment(
                rs.getLong(1),
                rs.getLong(2),
                rs.getBoolean(3) ? AdjustmentKind.BONUS : AdjustmentKind.PENALTY,
                rs.getString(4),
                rs.getBigDecimal(5),
                relatedIds,
                rs.getBoolean(7),
                rs.getString(8),
                at,
                rs.getObject(10, Long.class));
    }

    /** Who gave the score, as the breakdown shows it: the responsible subject and the person. */
    static String assessor(TaskView task, String rater, String person) {
        if ("ASSESSOR".equals(rater) && task != null && task.assessorName() != null) {
            return task.assessorName() + "（" + person + "）";
        }
        if ("OFFICE".equals(rater)) {
            return "考核办（" + person + "）";
        }
        if ("TEAM".equals(rater)) {
            return "考核组（" + person + "）";
        }
        return person;
    }

    /**
     * Last year's published results of the same office and kind (the campaign this one was cloned from, else the
     * one of the previous year), matched by unit.
     */
    List<PreviousResult> previous(long campaignId) {
        return previousCampaign(campaignId)
                .map(p -> previous(store.publishedResults(p)))
                .orElse(List.of());
    }

    /** Last year's published results of the given units only. */
    List<PreviousResult> previous(long campaignId, Collection<Long> unitIds) {
        return previousCampaign(campaignId)
                .map(p -> previous(store.publishedResults(p, unitIds)))
                .orElse(List.of());
    }

    private static List<PreviousResult> previous(List<org.dudao.scoring.ResultView> results) {
        return results.stream()
                .map(r -> new PreviousResult(r.unitId(), r.finalScore(), r.level(), r.rank()))
                .toList();
    }

    private Optional<Long> previousCampaign(long campaignId) {
        CampaignView c = campaigns.campaign(campaignId);
        if (c.basedOnId() != null) {
            return Optional.of(c.basedOnId());
        }
        return campaigns.ownedBy(c.ownerUnitId()).stream()
                .filter(x -> x.kind() == c.kind() && x.year() == c.year() - 1)
                .max(Comparator.comparingLong(CampaignView::id))
                .map(CampaignView::id);
    }
}
