package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine as a whole: rule 13 (determinism), the breakdown, inputs that do not fit. */
class ScoringEngineTest {

    static <T> List<T> shuffled(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    @Test
    void determinism_inputOrderDoesNotMatter() {
        for (Policy policy : List.of(RandomCampaign.quotaPolicy2020(), Policy.pds2022())) {
            Inputs in = new RandomCampaign(42, 300, 5, 25).inputs(policy, 8);
            Computation first = ScoringEngine.compute(in);
            Random random = new Random(7);
            for (int round = 0; round < 5; round++) {
                Inputs again = new Inputs(
                        shuffled(in.targets(), random),
                        shuffled(in.tasks(), random),
                        shuffled(in.evaluations(), random),
                        shuffled(in.adjustments(), random),
                        shuffled(in.previous(), random),
                        policy);
                Computation other = ScoringEngine.compute(again);
                assertThat(other.results()).isEqualTo(first.results());
                assertThat(other.lists()).isEqualTo(first.lists());
                assertThat(other.lists().bottom().keySet())
                        .containsExactlyElementsOf(first.lists().bottom().keySet());
            }
            // results come in position order, then id
            List<TargetResult> results = first.results();
            for (int i = 1; i < results.size(); i++) {
                Target a = target(in, results.get(i - 1).targetId());
                Target b = target(in, results.get(i).targetId());
                assertThat(a.position() < b.position() || (a.position() == b.position() && a.id() < b.id()))
                        .isTrue();
            }
        }
    }

    static Target target(Inputs in, long id) {
        return in.targets().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    @Test
    void breakdown_explainsEveryPoint() {
        for (Policy policy : List.of(RandomCampaign.quotaPolicy2020(), Policy.pds2022())) {
            Computation c = ScoringEngine.compute(new RandomCampaign(99, 400, 6, 30).inputs(policy, 10));
            int zeroed = 0;
            int capped = 0;
            int sameMatter = 0;
            for (TargetResult r : c.results()) {
                BigDecimal raw = new BigDecimal("0.00");
                BigDecimal max = new BigDecimal("0.00");
                int missing = 0;
                for (TaskLine l : r.tasks()) {
                    raw = raw.add(l.score());
                    if (!l.notApplicable()) {
                        max = max.add(l.maxPoints());
                    } else {
                        assertThat(l.score()).isEqualByComparingTo("0");
                    }
                    if (!l.evaluated()) {
                        missing++;
                        assertThat(l.score()).isEqualByComparingTo("0");
                    }
                    if (l.zeroedByAdjustmentId() != null) {
                        zeroed++;
                        assertThat(l.score()).isEqualByComparingTo("0");
                        assertThat(r.adjustments())
                                .anyMatch(
                                        a -> a.id() == l.zeroedByAdjustmentId() && a.kind() == AdjustmentKind.PENALTY);
                    }
                    assertThat(l.score().scale()).isEqualTo(2);
                }
                assertThat(raw).isEqualTo(r.rawScore());
                assertThat(max).isEqualTo(r.applicableMax());
                assertThat(missing).isEqualTo(r.missingEvaluations());

                BigDecimal bonus = new BigDecimal("0.00");
                BigDecimal penalty = new BigDecimal("0.00");
                for (AdjustmentLine a : r.adjustments()) {
                    if (a.kind() == AdjustmentKind.BONUS) {
                        bonus = bonus.add(a.counted());
                    } else {
                        penalty = penalty.add(a.counted());
                    }
                    assertThat(a.note() == null).isEqualTo(a.counted().compareTo(a.points()) == 0);
                    if (a.note() != null && a.note().startsWith("超出")) {
                        capped++;
                    }
                    if ("同一事项不重复计分".equals(a.note())) {
                        sameMatter++;
                    }
                }
                assertThat(bonus).isEqualTo(r.bonus());
                assertThat(penalty).isEqualTo(r.penalty());
                if (policy.bonusCap() != null) {
                    assertThat(r.bonus()).isLessThanOrEqualTo(policy.bonusCap());
                }
                if (policy.penaltyCap() != null) {
                    assertThat(r.penalty()).isLessThanOrEqualTo(policy.penaltyCap());
                }
                BigDecimal expectedFinal =
                        r.convertedScore().add(r.bonus()).subtract(r.penalty()).max(BigDecimal.ZERO);
                assertThat(r.finalScore()).isEqualTo(expectedFinal.setScale(2));

                if (!policy.components().isEmpty()) {
                    assertThat(r.components().stream()
                                    .map(ComponentScore::raw)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add))
                            .isEqualTo(r.rawScore());
                    assertThat(r.components().stream()
                                    .map(ComponentScore::applicableMax)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add))
                            .isEqualTo(r.applicableMax());
                    // component scores are shown at 2 decimals each; their sum is within 0.01 per component
                    BigDecimal sum =
                            r.components().stream().map(ComponentScore::score).reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(sum.subtract(r.convertedScore()).abs()).isLessThanOrEqualTo(new BigDecimal("0.03"));
                }
            }
            // the random data reaches every explanation
            assertThat(zeroed).isPositive();
            assertThat(capped).isPositive();
            assertThat(sameMatter).isPositive();
        }
    }

    @Test
    void inputsThatDoNotFit_areRefused() {
        Fixture base = new Fixture()
                .task(1, 1, "10")
                .task(2, 2, "10")
                .target(1, 1, "甲")
                .target(2, 2, "乙");
        assertThatThrownBy(() -> copy(base).grade(1, 9, Grade.GOOD).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown task 9");
        assertThatThrownBy(() -> copy(base).grade(1, 2, Grade.GOOD).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task 2 of category 2");
        assertThatThrownBy(() ->
                        copy(base).grade(1, 1, Grade.GOOD).points(1, 1, "3").compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two evaluations");
        assertThatThrownBy(() -> copy(base).grade(3, 1, Grade.GOOD).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown target 3");
        assertThatThrownBy(() -> copy(base)
                        .bonus(1, 1, "a", "1", 0)
                        .bonus(1, 2, "b", "1", 0)
                        .compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adjustment 1 listed twice");
        assertThatThrownBy(() -> copy(base).target(3, 3, "乙").compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("share the name");
        assertThatThrownBy(() -> copy(base).policy(Policy.pds2022()).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component 'null'");
        assertThatThrownBy(() -> new Evaluation(1, 1, Grade.GOOD, BigDecimal.ONE, false, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Evaluation(1, 1, null, null, false, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyCampaign() {
        Computation c = ScoringEngine.compute(new Inputs(null, null, null, null, null, Policy.pds2020()));
        assertThat(c.results()).isEmpty();
        assertThat(c.lists()).isEqualTo(new Lists(java.util.Map.of(), List.of(), List.of()));
        assertThat(c.result(1)).isEmpty();
    }

    static Fixture copy(Fixture f) {
        Fixture c = new Fixture().policy(f.policy);
        c.targets.addAll(f.targets);
        c.tasks.addAll(f.tasks);
        c.evaluations.addAll(f.evaluations);
        c.adjustments.addAll(f.adjustments);
        c.previous.addAll(f.previous);
        return c;
    }
}
