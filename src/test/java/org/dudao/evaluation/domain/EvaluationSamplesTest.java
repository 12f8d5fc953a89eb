package org.dudao.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** 集中评查抽样: the draw is reproducible from the recorded seed and draws distinct items of the list. */
class EvaluationSamplesTest {

    static final List<String> CASES =
            IntStream.rangeClosed(1, 40).mapToObj(i -> "平执罚〔2026〕" + i + "号").toList();

    @Test
    void sameSeedSameSample_otherSeedOtherSample() {
        List<String> a = EvaluationSamples.draw(CASES, 5, 20260113L);
        assertThat(EvaluationSamples.draw(CASES, 5, 20260113L)).isEqualTo(a);
        assertThat(EvaluationSamples.draw(CASES, 5, 20260114L)).isNotEqualTo(a);
    }

    @Test
    void sampleHoldsDistinctItemsOfThePopulation_andAllWhenSizeIsThePopulation() {
        List<String> s = EvaluationSamples.draw(CASES, 10, 7L);
        assertThat(s).hasSize(10).doesNotHaveDuplicates();
        assertThat(CASES).containsAll(s);
        assertThat(new HashSet<>(EvaluationSamples.draw(CASES, 40, 7L))).isEqualTo(new HashSet<>(CASES));
    }

    @Test
    void everyItemCanBeDrawn() {
        HashSet<String> seen = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            seen.addAll(EvaluationSamples.draw(CASES, 3, seed));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(CASES);
    }
}
