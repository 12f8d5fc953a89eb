package org.dudao.scoring.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.EvaluationApi;
import org.dudao.scoring.engine.Adjustment;
import org.dudao.scoring.engine.Computation;
import org.dudao.scoring.engine.Evaluation;
import org.dudao.scoring.engine.Grade;
import org.dudao.scoring.engine.TargetResult;
import org.springframework.context.ApplicationContext;

/**
 * What {@link org.dudao.bench.ScoringBenchmark} needs of the scoring module's package-private parts, reached from
 * the test sources (same package) so that the benchmark changes no main code: persisting a computation as the
 * product does, and one target's engine inputs mapped exactly as {@link ResultService#inputs} maps a campaign's.
 */
public final class ScoringBenchAccess {

    private final ResultStore store;
    private final CampaignApi campaigns;
    private final EvaluationApi evaluations;
    private final AdjustmentService adjustments;
    private final ObjectMapper json;
    private final Map<Long, TaskView> tasks;

    public ScoringBenchAccess(ApplicationContext context, long campaignId) {
        this.store = context.getBean(ResultStore.class);
        this.campaigns = context.getBean(CampaignApi.class);
        this.evaluations = context.getBean(EvaluationApi.class);
        this.adjustments = context.getBean(AdjustmentService.class);
        this.json = context.getBean(ObjectMapper.class);
        this.tasks = campaigns.tasks(campaignId).stream().collect(Collectors.toMap(TaskView::id, Function.identity()));
    }

    /** {@link ResultStore#saveComputation}: the workflow row and every result with its breakdown JSON. */
    public void save(long campaignId, Computation computation, String by, Instant at) {
        store.saveComputation(campaignId, computation.results(), computation.lists(), by, at);
    }

    /**
     * Writes every result's breakdown to JSON as {@link ResultStore#saveComputation} does (the application's
     * ObjectMapper), without the database; returns the characters written.
     */
    public long writeBreakdowns(Computation computation) throws JsonProcessingException {
        long chars = 0;
        for (TargetResult r : computation.results()) {
            chars += json.writeValueAsString(ResultStore.breakdown(r)).length();
        }
        return chars;
    }

    /** The target's current evaluations from the database, mapped as {@link ResultService#inputs} maps them. */
    public List<Evaluation> evaluationsOfTarget(long targetId) {
        return evaluations.ofTarget(targetId).stream()
                .map(e -> new Evaluation(
                        e.targetId(),
                        e.taskId(),
                        e.grade() == null ? null : Grade.valueOf(e.grade().name()),
                        e.points(),
                        e.notApplicable(),
                        e.reason(),
                        ResultService.assessor(
                                tasks.get(e.taskId()),
                                java.util.Objects.toString(e.detail().get("rater"), null),
                                e.evaluatedByName() == null ? e.evaluatedBy() : e.evaluatedByName()),
                        e.evaluatedAt(),
                        e.reviewId()))
                .toList();
    }

    /** The target's approved events from the database, mapped as {@link ResultService#inputs} maps them. */
    public List<Adjustment> adjustmentsOfTarget(long targetId) {
        return adjustments.ofTarget(targetId).stream()
                .filter(a -> "APPROVED".equals(a.status()))
                .map(ResultService::adjustment)
                .toList();
    }
}
