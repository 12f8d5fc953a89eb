package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A quick speed check, not the benchmark: 3,000 targets × 150 tasks (450,000 evaluations, 15,000
 * adjustments), full computes and single-target updates, times printed. Off unless asked for:
 * {@code ./mvnw -o test -Dtest=ScoringEngineSpeedCheck -Ddudao.bench=true}.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "dudao.bench", matches = "true")
class ScoringEngineSpeedCheck {

    @Test
    void threeThousandTargetsOfHundredFiftyTasks() {
        RandomCampaign campaign = new RandomCampaign(1, 3000, 6, 150);
        campaign.missingPercent = 0;
        List<Evaluation> evaluations = new ArrayList<>();
        List<Adjustment> adjustments = new ArrayList<>();
        for (Target t : campaign.targets) {
            evaluations.addAll(campaign.evaluationsOf(t));
        }
        while (adjustments.size() < 15_000) {
            for (Target t : campaign.targets) {
                for (Adjustment a : campaign.adjustmentsOf(t, 3)) {
                    if (adjustments.size() < 15_000) {
                        adjustments.add(a);
                    }
                }
            }
        }
        for (Policy policy : List.of(Policy.pds2020(), Policy.pds2022())) {
            Inputs in = new Inputs(
                    campaign.targets, campaign.tasks, evaluations, adjustments, campaign.previous(policy), policy);
            System.out.printf(
                    "%s: %d targets, %d tasks, %d evaluations, %d adjustments%n",
                    policy.components().isEmpty() ? "pds2020" : "pds2022",
                    in.targets().size(),
                    in.tasks().size(),
                    in.evaluations().size(),
                    in.adjustments().size());
            Computation c = null;
            for (int round = 1; round <= 10; round++) {
                long t0 = System.nanoTime();
                c = ScoringEngine.compute(in);
                System.out.printf("  compute %2d: %6.1f ms%n", round, (System.nanoTime() - t0) / 1e6);
            }
            Random random = new Random(3);
            int warmUp = 200;
            int updates = 2000;
            long[] times = new long[updates];
            for (int k = 0; k < warmUp + updates; k++) {
                Target t = campaign.targets.get(random.nextInt(campaign.targets.size()));
                List<Evaluation> ev = campaign.evaluationsOf(t);
                List<Adjustment> ad = campaign.adjustmentsOf(t, 5);
                long t0 = System.nanoTime();
                c = c.update(t.id(), ev, ad);
                long dt = System.nanoTime() - t0;
                if (k >= warmUp) {
                    times[k - warmUp] = dt;
                }
            }
            long[] sorted = times.clone();
            java.util.Arrays.sort(sorted);
            System.out.printf(
                    "  update (%d): mean %.3f ms, median %.3f ms, p99 %.3f ms, max %.3f ms%n",
                    updates,
                    java.util.Arrays.stream(times).average().orElse(0) / 1e6,
                    sorted[updates / 2] / 1e6,
                    sorted[updates * 99 / 100] / 1e6,
                    sorted[updates - 1] / 1e6);
            assertThat(c.results()).hasSize(3000);
        }
    }
}
