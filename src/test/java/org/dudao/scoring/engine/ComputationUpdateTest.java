package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rule 14: update(...) of one target equals a full compute and leaves other categories alone. */
class ComputationUpdateTest {

    @Test
    void update_equalsFullCompute_andLeavesOtherCategoriesAlone() {
        for (Policy policy : List.of(RandomCampaign.quotaPolicy2020(), Policy.pds2022())) {
            RandomCampaign campaign = new RandomCampaign(2024, 500, 6, 20);
            Inputs in = campaign.inputs(policy, 8);
            Map<Long, List<Evaluation>> evaluations =
                    in.evaluations().stream().collect(Collectors.groupingBy(Evaluation::targetId));
            Map<Long, List<Adjustment>> adjustments =
                    in.adjustments().stream().collect(Collectors.groupingBy(Adjustment::targetId));
            Computation current = ScoringEngine.compute(in);
            Random random = new Random(5);
            for (int step = 0; step < 60; step++) {
                Target t = campaign.targets.get(random.nextInt(campaign.targets.size()));
                List<Evaluation> newEvaluations = step % 7 == 3 ? List.of() : campaign.evaluationsOf(t);
                List<Adjustment> newAdjustments = campaign.adjustmentsOf(t, step % 5 == 0 ? 12 : 4);
                evaluations.put(t.id(), newEvaluations);
                adjustments.put(t.id(), newAdjustments);

                Computation before = current;
                List<TargetResult> resultsBefore = List.copyOf(before.results());
                Lists listsBefore = before.lists();
                current = before.update(t.id(), newEvaluations, newAdjustments);

                Computation full = ScoringEngine.compute(new Inputs(
                        in.targets(), in.tasks(), flatten(evaluations), flatten(adjustments), in.previous(), policy));
                assertThat(current.results()).as("step %d", step).isEqualTo(full.results());
                assertThat(current.lists()).as("step %d", step).isEqualTo(full.lists());
                // other categories: the very same result objects
                for (int i = 0; i < resultsBefore.size(); i++) {
                    TargetResult old = resultsBefore.get(i);
                    if (old.categoryId() != t.categoryId()) {
                        assertThat(current.results().get(i)).isSameAs(old);
                    }
                }
                // the computation updated from is unchanged
                assertThat(before.results()).isEqualTo(resultsBefore);
                assertThat(before.lists()).isSameAs(listsBefore);
            }
        }
    }

    @Test
    void update_refusesListsOfAnotherTarget() {
        Fixture f = new Fixture().task(1, 1, "10").target(1, 1, "甲").target(2, 1, "甲");
        Computation c = f.compute();
        Evaluation other = new Evaluation(2, 1, Grade.GOOD, null, false, null, null, null, null);
        assertThatThrownBy(() -> c.update(1, List.of(other), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target 2");
        assertThatThrownBy(() -> c.update(9, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown target 9");
        // a valid update: 良 → 8 of 10 → 80.00, the other target stays at 0.00
        Computation u =
                c.update(1, List.of(new Evaluation(1, 1, Grade.GOOD, null, false, null, null, null, null)), null);
        assertThat(u.result(1).orElseThrow().finalScore()).isEqualByComparingTo("80");
        assertThat(u.result(2).orElseThrow().finalScore()).isEqualByComparingTo("0");
        assertThat(u.results()).extracting(TargetResult::rank).containsExactly(1, 2);
        assertThat(c.result(1).orElseThrow().finalScore()).isEqualByComparingTo("0");
    }

    static <T> List<T> flatten(Map<Long, List<T>> byTarget) {
        List<T> out = new ArrayList<>();
        byTarget.values().forEach(out::addAll);
        return out;
    }
}
