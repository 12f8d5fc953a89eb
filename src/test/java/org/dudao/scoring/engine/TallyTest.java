package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rule 1 over sums (评价合计): a computation from tallies — the evaluations summed per target (and component) the way
 * the database aggregate sums them, with the details of the penalty-zeroed tasks — gives exactly the results of the
 * task-by-task computation, only without task lines.
 */
class TallyTest {

    @Test
    void tallies_giveTheResultsOfTheTaskByTaskComputation() {
        for (Policy policy : List.of(RandomCampaign.quotaPolicy2020(), Policy.pds2022())) {
            for (long seed : new long[] {1, 2, 3}) {
                RandomCampaign campaign = new RandomCampaign(seed, 400, 6, 25);
                Inputs detailed = campaign.inputs(policy, 8);
                Computation expected = ScoringEngine.compute(detailed);
                Computation summed = ScoringEngine.compute(summed(detailed, policy));

                assertThat(summed.results()).hasSameSizeAs(expected.results());
                for (int i = 0; i < expected.results().size(); i++) {
                    TargetResult e = expected.results().get(i);
                    TargetResult s = summed.results().get(i);
                    assertThat(s.tasks()).isEmpty();
                    assertThat(s.adjustments()).isEmpty();
                    assertThat(withoutTaskLines(s))
                            .as("target %d, seed %d", e.targetId(), seed)
                            .isEqualTo(withoutTaskLines(e));
                }
                assertThat(summed.lists()).isEqualTo(expected.lists());
            }
        }
    }

    @Test
    void zeroedTask_comesOutOfTheSum_onlyWhenItsDetailIsGiven() {
        Fixture f = new Fixture().task(1, 1, "10").task(2, 1, "10").target(1, 1, "甲");
        Policy policy = f.policy;
        Adjustment penalty = new Adjustment(
                9, 1, AdjustmentKind.PENALTY, "事项", BigDecimal.ONE, Set.of(2L), false, "理由", RandomCampaign.T0, null);
        // task 1 优 (10), task 2 良 (8): 18 raw; the penalty zeroes task 2 → 10
        Tally tally = new Tally(1, null, 2, new BigDecimal("10"), new BigDecimal("10"), null, null, null, null);
        Evaluation detail = new Evaluation(1, 2, Grade.GOOD, null, false, null, null, null, null);
        Inputs in =
                new Inputs(f.targets, f.tasks, List.of(detail), List.of(penalty), List.of(), policy, List.of(tally));
        TargetResult r = ScoringEngine.compute(in).results().get(0);
        assertThat(r.rawScore()).isEqualByComparingTo("10");
        assertThat(r.penalty()).isEqualByComparingTo("1");
        assertThat(r.missingEvaluations()).isZero();
    }

    @Test
    void tally_countingMoreEvaluationsThanTasks_isRefused() {
        Fixture f = new Fixture().task(1, 1, "10").target(1, 1, "甲");
        Tally tally = new Tally(1, null, 2, new BigDecimal("20"), null, null, null, null, null);
        assertThatThrownBy(() -> ScoringEngine.compute(
                        new Inputs(f.targets, f.tasks, List.of(), List.of(), List.of(), f.policy, List.of(tally))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count 2 evaluations");
    }

    @Test
    void tally_ofAComponentThePolicyLacks_isRefused() {
        RandomCampaign campaign = new RandomCampaign(4, 3, 1, 3);
        Tally tally = new Tally(1, "NOPE", 1, new BigDecimal("1"), null, null, null, null, null);
        assertThatThrownBy(() -> ScoringEngine.compute(new Inputs(
                        campaign.targets,
                        campaign.tasks,
                        List.of(),
                        List.of(),
                        List.of(),
                        Policy.pds2022(),
                        List.of(tally))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'NOPE'");
    }

    /** What the database aggregate hands over: sums per target and component, details of zeroed tasks only. */
    static Inputs summed(Inputs in, Policy policy) {
        Map<Long, Task> tasks = new HashMap<>();
        in.tasks().forEach(t -> tasks.put(t.id(), t));
        Map<List<Object>, BigDecimal[]> sums = new HashMap<>();
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (Evaluation e : in.evaluations()) {
            Task task = tasks.get(e.taskId());
            String component = policy.components().isEmpty() ? null : task.component();
            List<Object> key = new ArrayList<>();
            key.add(e.targetId());
            key.add(component);
            BigDecimal[] s = sums.computeIfAbsent(key, k -> zeros());
            counts.merge(key, 1, Integer::sum);
            int slot = e.notApplicable() ? 4 : e.grade() != null ? e.grade().ordinal() : 5;
            s[slot] = s[slot].add(slot == 5 ? e.points() : task.maxPoints());
        }
        List<Tally> tallies = new ArrayList<>();
        sums.forEach((key, s) -> tallies.add(new Tally(
                (Long) key.get(0), (String) key.get(1), counts.get(key), s[0], s[1], s[2], s[3], s[4], s[5])));
        Set<List<Long>> zeroed = new HashSet<>();
        for (Adjustment a : in.adjustments()) {
            if (a.kind() == AdjustmentKind.PENALTY) {
                a.relatedTaskIds().forEach(t -> zeroed.add(List.of(a.targetId(), t)));
            }
        }
        List<Evaluation> details = in.evaluations().stream()
                .filter(e -> zeroed.contains(List.of(e.targetId(), e.taskId())))
                .toList();
        return new Inputs(in.targets(), in.tasks(), details, in.adjustments(), in.previous(), policy, tallies);
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] z = new BigDecimal[6];
        java.util.Arrays.fill(z, BigDecimal.ZERO);
        return z;
    }

    private static TargetResult withoutTaskLines(TargetResult r) {
        return new TargetResult(
                r.targetId(),
                r.unitId(),
                r.name(),
                r.categoryId(),
                r.category(),
                r.rawScore(),
                r.applicableMax(),
                r.convertedScore(),
                r.components(),
                r.bonus(),
                r.penalty(),
                r.finalScore(),
                r.level(),
                r.rank(),
                r.ranked(),
                r.excellentBlocked(),
                r.missingEvaluations(),
                List.of(),
                List.of());
    }
}
