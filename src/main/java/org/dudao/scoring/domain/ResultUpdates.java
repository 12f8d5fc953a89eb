package org.dudao.scoring.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TargetView;
import org.dudao.scoring.engine.CategoryStanding;
import org.dudao.scoring.engine.Computation;
import org.dudao.scoring.engine.Policy;
import org.dudao.scoring.engine.PreviousResult;
import org.dudao.scoring.engine.ScoringEngine;
import org.dudao.scoring.engine.TargetResult;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps computed results current when evaluations or events of a few targets change (rule 14, recompute only what
 * changed): while the results are computed but not yet proposed, each changed target is scored again from its own
 * evaluations and events, its category is levelled and ranked again from the other targets' stored scores, and only
 * the results whose score or standing moved are written — in the transaction of the change, so the stored results
 * always match the evaluations; one audit record (scoring.result.update) lists every result that moved. Once the results are proposed (or for a change of many targets at once, or results
 * already stale) they are marked stale instead, and the office recomputes them.
 */
@Component
class ResultUpdates {

    /** More targets changed at once than this: the results are marked stale (a full compute is the faster way). */
    static final int MOST_TARGETS = 200;

    private final CampaignApi campaigns;
    private final PolicyService policies;
    private final ScoringInputs inputs;
    private final ResultStore store;
    private final DatabaseTime time;
    private final ApplicationEventPublisher events;

    ResultUpdates(
            CampaignApi campaigns,
            PolicyService policies,
            ScoringInputs inputs,
            ResultStore store,
            DatabaseTime time,
            ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.policies = policies;
        this.inputs = inputs;
        this.store = store;
        this.time = time;
        this.events = events;
    }

    /**
     * The evaluations or approved events of these targets changed (not by a review: {@link
     * ResultService#recomputeForReview} follows those).
     *
     * @throws ConflictException when the results were approved meanwhile (the change must not slip in)
     * @return true when the results were updated, false when they were marked stale or there are none yet
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean changed(long campaignId, Collection<Long> targetIds) {
        Optional<ResultStore.State> state = store.lockState(campaignId);
        if (state.isEmpty()) {
            return false; // never computed: nothing to keep current
        }
        if ("APPROVED".equals(state.get().status())
                || "PUBLISHED".equals(state.get().status())) {
            // approved while this change was under way (its own check passed before the approval committed): the
            // approved results stand; only a review changes them now
            throw new ConflictException(null, "scoring.frozen");
        }
        if (!"COMPUTED".equals(state.get().status())
                || state.get().stale()
                || targetIds.size() > MOST_TARGETS
                || !update(campaignId, targetIds, state.get().bottom())) {
            store.markStale(campaignId);
            return false;
        }
        return true;
    }

    /** Re-scores the targets and re-stands their categories; false when the stored results do not fit (stale). */
    private boolean update(long campaignId, Collection<Long> targetIds, Map<String, List<Long>> storedBottom) {
        if (targetIds.isEmpty()) {
            return true;
        }
        List<TargetView> targets = new ArrayList<>(targetIds.size());
        for (Long id : targetIds) {
            Optional<TargetView> t = campaigns.target(id).filter(x -> x.campaignId() == campaignId);
            if (t.isEmpty()) {
                return false;
            }
            targets.add(t.get());
        }
        CampaignPolicy campaignPolicy = policies.policy(campaignId);
        Policy policy = campaignPolicy.toEngine();
        Computation rescored;
        try {
            rescored = ScoringEngine.compute(inputs.scores(campaignId, targets, campaignPolicy));
        } catch (IllegalArgumentException e) {
            // inputs the engine refuses (e.g. a task whose component the policy lacks): the office's full compute
            // reports it; the change itself is not refused for it
            return false;
        }
        Map<Long, List<TargetView>> byCategory = targets.stream()
                .collect(Collectors.groupingBy(TargetView::categoryId, TreeMap::new, Collectors.toList()));
        Map<String, List<Long>> bottom = new LinkedHashMap<>(storedBottom);
        boolean listsChanged = false;
        List<ResultStore.Stored> rescoredRows = new ArrayList<>();
        List<ResultStore.Stored> restood = new ArrayList<>();
        List<ResultStore.Stored> before = new ArrayList<>();
        for (Map.Entry<Long, List<TargetView>> e : byCategory.entrySet()) {
            List<ResultStore.Stored> stored = store.categoryResults(campaignId, e.getKey());
            Set<Long> changed = e.getValue().stream().map(TargetView::id).collect(Collectors.toSet());
            List<TargetResult> scored = new ArrayList<>(stored.size());
            int found = 0;
            for (ResultStore.Stored s : stored) {
                if (changed.contains(s.result().targetId())) {
                    scored.add(rescored.result(s.result().targetId()).orElseThrow());
                    found++;
                } else {
                    scored.add(s.result());
                }
            }
            if (found != changed.size()) {
                return false; // a target without a stored result (added after the last compute)
            }
            String category = e.getValue().get(0).category();
            Map<Long, PreviousResult> previous = new HashMap<>();
            inputs.previous(
                            campaignId,
                            stored.stream().map(s -> s.result().unitId()).toList())
                    .forEach(p -> previous.put(p.unitId(), p));
            CategoryStanding standing = CategoryStanding.of(policy, category, scored, previous);
            Set<Long> regression = Set.copyOf(standing.regression());
            Set<Long> consecutive = Set.copyOf(standing.consecutiveExcellent());
            for (int i = 0; i < stored.size(); i++) {
                TargetResult now = standing.results().get(i);
                ResultStore.Stored next = new ResultStore.Stored(
                        now, regression.contains(now.targetId()), consecutive.contains(now.targetId()));
                ResultStore.Stored old = stored.get(i);
                listsChanged |= old.regression() != next.regression() || old.consecutive() != next.consecutive();
                if (changed.contains(now.targetId())) {
                    rescoredRows.add(next);
                    before.add(old);
                } else if (!same(old, next)) {
                    restood.add(next);
                    before.add(old);
                }
            }
            if (standing.bottom() != null && !standing.bottom().equals(bottom.get(category))) {
                bottom.put(category, standing.bottom());
                listsChanged = true;
            }
        }
        store.saveResults(campaignId, rescoredRows, time.now());
        store.saveStandings(campaignId, restood);
        // every result that moved, old → new, in one record of the change
        events.publishEvent(AuditEvent.success(
                "scoring.result.update", ResultService.TYPE, campaignId, moved(before), moved(rescoredRows, restood)));
        if (listsChanged) {
            store.saveLists(campaignId, bottom);
        }
        return true;
    }

    /** What the audit record keeps of each moved result: target, final score, level, rank. */
    @SafeVarargs
    private static List<Map<String, Object>> moved(List<ResultStore.Stored>... lists) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<ResultStore.Stored> list : lists) {
            for (ResultStore.Stored s : list) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("targetId", s.result().targetId());
                m.put("finalScore", s.result().finalScore());
                m.put("level", s.result().level());
                m.put("rank", s.result().rank());
                out.add(m);
            }
        }
        return out;
    }

    /** Same standing and list flags (the scores of an unchanged target do not move). */
    private static boolean same(ResultStore.Stored a, ResultStore.Stored b) {
        return java.util.Objects.equals(a.result().level(), b.result().level())
                && java.util.Objects.equals(a.result().rank(), b.result().rank())
                && a.regression() == b.regression()
                && a.consecutive() == b.consecutive();
    }
}
