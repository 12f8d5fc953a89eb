package org.dudao.evaluation;

import java.util.List;
import java.util.Optional;
import org.dudao.evaluation.domain.EvaluationService;
import org.dudao.evaluation.domain.EvaluationStore;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The evaluation module's facade for scoring and feedback. */
@Service
@Transactional(readOnly = true)
public class EvaluationApi {

    private final EvaluationStore store;
    private final EvaluationService service;

    EvaluationApi(EvaluationStore store, EvaluationService service) {
        this.store = store;
        this.service = service;
    }

    public List<EvaluationView> ofCampaign(long campaignId) {
        return store.ofCampaign(campaignId);
    }

    /** The campaign's evaluations as the score computation reads them (lean, no method record). */
    public List<ScoringRow> forScoring(long campaignId) {
        return store.forScoring(campaignId);
    }

    /**
     * The campaign's evaluations summed per target and task group in the database: what a full score computation
     * reads. {@code taskPoints}: every task's points; {@code taskGroups}: each task's group, or null for one group.
     */
    public List<EvaluationTally> tallies(
            long campaignId,
            java.util.Map<Long, java.math.BigDecimal> taskPoints,
            java.util.Map<Long, Integer> taskGroups) {
        return store.tallies(campaignId, taskPoints, taskGroups);
    }

    /** The current evaluations of some tasks of some targets (target → its tasks), as the computation reads them. */
    public List<ScoringRow> forScoring(
            long campaignId, java.util.Map<Long, ? extends java.util.Collection<Long>> tasks) {
        return store.forScoring(campaignId, tasks);
    }

    /**
     * Every current evaluation of the given targets, as the computation reads them: with reasons, raters and reviews
     * when {@code explained} (breakdowns), scores only otherwise.
     */
    public List<ScoringRow> forScoringOfTargets(
            long campaignId, java.util.Collection<Long> targetIds, boolean explained) {
        return store.forScoringOfTargets(campaignId, targetIds, explained);
    }

    public List<EvaluationView> ofTarget(long targetId) {
        return store.ofTarget(targetId);
    }

    public Optional<EvaluationView> find(long targetId, long taskId) {
        return store.find(targetId, taskId);
    }

    public List<HistoryView> history(long targetId, long taskId) {
        return store.history(targetId, taskId);
    }

    public boolean isLocked(long campaignId) {
        return store.lockedAt(campaignId).isPresent();
    }

    /** Locks the campaign's evaluations once its results are approved. */
    @Transactional
    public void lock(long campaignId, CurrentUser user, String note) {
        service.lock(campaignId, user, note);
    }

    @Transactional
    public void unlock(long campaignId, CurrentUser user, String note) {
        service.unlock(campaignId, user, note);
    }

    /**
     * Writes evaluations another module derived for the campaign's office (e.g. the satisfaction score of
     * a questionnaire, 满意度调查): the same checks, history and audit as any batch (channel API), with the
     * given entries added to each changed evaluation's detail. All or nothing: the rows' results say
     * whether each was created, updated, unchanged or refused; when any is refused nothing is written.
     */
    @Transactional
    public List<RowResult> applyDerived(
            long campaignId, List<EvaluationCommand> rows, CurrentUser user, java.util.Map<String, Object> detail) {
        return service.apply(campaignId, rows, user, Channel.API, false, null, detail);
    }

    /**
     * Applies the decision of a review (复核): office only, allowed after the lock; each changed row is
     * recorded with the review's id.
     */
    @Transactional
    public List<RowResult> applyReview(long campaignId, List<EvaluationCommand> rows, long reviewId, CurrentUser user) {
        return service.apply(campaignId, rows, user, Channel.REVIEW, false, reviewId);
    }
}
