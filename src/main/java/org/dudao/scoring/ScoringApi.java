package org.dudao.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.dudao.scoring.domain.AdjustmentService;
import org.dudao.scoring.domain.Breakdowns;
import org.dudao.scoring.domain.CampaignPolicy;
import org.dudao.scoring.domain.PolicyService;
import org.dudao.scoring.domain.ResultService;
import org.dudao.scoring.domain.ResultStore;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The scoring module's facade for feedback (reviews) and reports. */
@Service
@Transactional(readOnly = true)
public class ScoringApi {

    private final ResultStore results;
    private final ResultService service;
    private final AdjustmentService adjustments;
    private final PolicyService policies;
    private final Breakdowns breakdowns;

    ScoringApi(
            ResultStore results,
            ResultService service,
            AdjustmentService adjustments,
            PolicyService policies,
            Breakdowns breakdowns) {
        this.breakdowns = breakdowns;
        this.results = results;
        this.service = service;
        this.adjustments = adjustments;
        this.policies = policies;
    }

    /** The campaign's result levels (等次) as its policy names them, best to worst, and its list settings. */
    public LevelsView levels(long campaignId) {
        CampaignPolicy p = policies.policy(campaignId);
        return new LevelsView(
                p.levels().stream().map(CampaignPolicy.Level::name).toList(),
                p.excellentLevel(),
                p.bottomN(),
                p.rankedCategories() == null ? List.of() : List.copyOf(p.rankedCategories()));
    }

    public Optional<WorkflowView> workflow(long campaignId) {
        return results.workflow(campaignId);
    }

    public List<ResultView> results(long campaignId) {
        return results.results(campaignId);
    }

    public Optional<ResultView> result(long campaignId, long targetId) {
        return results.result(campaignId, targetId);
    }

    /** The breakdowns of every target with a result, by target (whole-campaign documents). */
    public Map<Long, Map<String, Object>> breakdowns(long campaignId) {
        return breakdowns.ofCampaign(campaignId);
    }

    public Optional<Map<String, Object>> breakdown(long campaignId, long targetId) {
        return breakdowns.of(campaignId, targetId);
    }

    /**
     * Every task score of one category's targets with a result, as their breakdowns count them, in the campaign's
     * target order (reports over whole campaigns). The caller checks who may read.
     */
    public void taskScores(long campaignId, long categoryId, Consumer<TaskScoreView> consumer) {
        breakdowns.taskScores(campaignId, categoryId, consumer);
    }

    public List<AdjustmentView> adjustmentsOfTarget(long targetId) {
        return adjustments.ofTarget(targetId);
    }

    /** Records a bonus/penalty event decided by a review (复核), approved at once (office only). */
    @Transactional
    public AdjustmentView adjustForReview(long campaignId, AdjustmentCommand command, long reviewId, CurrentUser user) {
        return adjustments.propose(campaignId, command, user, reviewId);
    }

    /** Recomputes after a review decision and records which results it changed. */
    @Transactional
    public List<ResultChange> recomputeForReview(long campaignId, long reviewId, CurrentUser user) {
        return service.recomputeForReview(campaignId, reviewId, user);
    }
}
