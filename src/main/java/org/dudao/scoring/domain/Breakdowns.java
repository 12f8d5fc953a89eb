package org.dudao.scoring.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TargetView;
import org.dudao.scoring.ResultView;
import org.dudao.scoring.TaskScoreView;
import org.dudao.scoring.engine.ScoringEngine;
import org.dudao.scoring.engine.TargetResult;
import org.dudao.scoring.engine.TaskLine;
import org.springframework.stereotype.Component;

/**
 * Breakdowns (得分明细) are computed when they are read, from the target's current evaluations and events with the
 * same engine and policy as its stored result, rather than stored with every computation (70 kB of JSON a target,
 * 200 MB for 3,000 targets). Once the results are approved the evaluations are locked and the policy frozen, so a
 * published breakdown stays what it was; a review changes both together. Before that, a breakdown read while the
 * results are stale may differ from the stored result: {@code matchesResult} says whether it adds up to it.
 */
@Component
public class Breakdowns {

    private final CampaignApi campaigns;
    private final ScoringInputs inputs;
    private final ResultStore store;

    Breakdowns(CampaignApi campaigns, ScoringInputs inputs, ResultStore store) {
        this.campaigns = campaigns;
        this.inputs = inputs;
        this.store = store;
    }

    /**
     * A target's breakdown — every task line, every event line and the components — once a result of it is stored;
     * empty before, or for a target of another campaign.
     */
    public Optional<Map<String, Object>> of(long campaignId, long targetId) {
        Optional<TargetView> target = campaigns.target(targetId).filter(t -> t.campaignId() == campaignId);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        return store.result(campaignId, targetId).map(stored -> {
            TargetResult r = ScoringEngine.compute(inputs.detailed(campaignId, List.of(target.get())))
                    .result(targetId)
                    .orElseThrow();
            return map(r, stored);
        });
    }

    /**
     * The breakdowns of every target of the campaign with a stored result (documents over whole campaigns): one read
     * of each category's evaluations and events instead of one per target.
     */
    public Map<Long, Map<String, Object>> ofCampaign(long campaignId) {
        Map<Long, ResultView> stored = new HashMap<>();
        store.results(campaignId).forEach(r -> stored.put(r.targetId(), r));
        Map<Long, List<TargetView>> byCategory = new LinkedHashMap<>();
        for (TargetView t : campaigns.targets(campaignId)) {
            if (stored.containsKey(t.id())) {
                byCategory
                        .computeIfAbsent(t.categoryId(), k -> new ArrayList<>())
                        .add(t);
            }
        }
        Map<Long, Map<String, Object>> out = new HashMap<>();
        for (List<TargetView> targets : byCategory.values()) {
            for (TargetResult r :
                    ScoringEngine.compute(inputs.detailed(campaignId, targets)).results()) {
                out.put(r.targetId(), map(r, stored.get(r.targetId())));
            }
        }
        return out;
    }

    private Map<String, Object> map(TargetResult r, ResultView stored) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tasks", r.tasks());
        m.put("adjustments", r.adjustments());
        m.put("components", r.components());
        Map<String, Object> out = store.read(store.write(m));
        out.put("matchesResult", r.finalScore().compareTo(stored.finalScore()) == 0);
        return out;
    }

    /**
     * Every task score of one category's targets that have a stored result, in the campaign's target order, computed
     * from the current evaluations (one read of the category's evaluations and events).
     */
    public void taskScores(long campaignId, long categoryId, Consumer<TaskScoreView> consumer) {
        Set<Long> withResult = new HashSet<>(store.resultTargetIds(campaignId, categoryId));
        List<TargetView> targets = campaigns.targets(campaignId).stream()
                .filter(t -> t.categoryId() == categoryId && withResult.contains(t.id()))
                .toList();
        if (targets.isEmpty()) {
            return;
        }
        for (TargetResult r :
                ScoringEngine.compute(inputs.detailed(campaignId, targets)).results()) {
            for (TaskLine line : r.tasks()) {
                consumer.accept(new TaskScoreView(
                        r.targetId(),
                        line.taskId(),
                        line.score(),
                        line.notApplicable(),
                        line.evaluated(),
                        line.zeroedByAdjustmentId()));
            }
        }
    }
}
