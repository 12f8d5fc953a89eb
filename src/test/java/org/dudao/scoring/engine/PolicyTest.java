package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dudao.scoring.engine.Fixture.bd;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The presets carry the seed's numbers and Dudao's defaults; a policy refuses settings that cannot work. */
class PolicyTest {

    @Test
    void pds2020_presetFromSeed000() {
        Policy p = Policy.pds2020();
        assertThat(p.gradePercent())
                .containsEntry(Grade.EXCELLENT, bd("100"))
                .containsEntry(Grade.GOOD, bd("80"))
                .containsEntry(Grade.FAIR, bd("60"))
                .containsEntry(Grade.POOR, bd("0"));
        assertThat(p.bonusCap()).isEqualByComparingTo("5");
        assertThat(p.penaltyCap()).isNull();
        assertThat(p.convertTo100()).isTrue();
        assertThat(p.components()).isEmpty();
        assertThat(p.levels()).extracting(LevelRule::name).containsExactly("优秀", "良好", "合格", "不合格");
        assertThat(p.levels()).extracting(LevelRule::minScore).containsExactly(bd("90"), bd("80"), bd("60"), null);
        assertThat(p.rankedCategories()).isEmpty();
        assertThat(p.bottomN()).isEqualTo(5);
        assertThat(p.regression()).isEqualTo(new Regression(5, null));
        assertThat(p.consecutiveExcellenceYears()).isEqualTo(2);
        assertThat(p.excellentLevel()).isEqualTo("优秀");
    }

    @Test
    void pds2022_presetFromSeed004() {
        Policy p = Policy.pds2022();
        assertThat(p.bonusCap()).isEqualByComparingTo("5");
        assertThat(p.penaltyCap()).isEqualByComparingTo("10");
        assertThat(p.components())
                .containsExactly(
                        new Component("ROUTINE", "日常工作落实", bd("70")),
                        new Component("ONSITE", "实地考察", bd("20")),
                        new Component("SATISFACTION", "满意度", bd("10")));
        assertThat(p.bottomN()).isEqualTo(3);
        assertThat(p.levels()).isEqualTo(Policy.pds2020().levels());
    }

    @Test
    void policy_refusesWhatCannotWork() {
        Policy p = Policy.pds2020();
        assertThatThrownBy(() -> new Policy(
                        Map.of(Grade.EXCELLENT, bd("100")), null, null, true, null, p.levels(), null, 0, null, 2, null))
                .hasMessageContaining("no percentage for grade");
        assertThatThrownBy(
                        () -> new Policy(p.gradePercent(), null, null, true, null, List.of(), null, 0, null, 2, null))
                .hasMessageContaining("fallback");
        assertThatThrownBy(
                        () -> new Policy(p.gradePercent(), null, null, true, null, p.levels(), null, 0, null, 2, "特优"))
                .hasMessageContaining("not one of the levels");
        assertThatThrownBy(
                        () -> new Policy(p.gradePercent(), null, null, true, null, p.levels(), null, -1, null, 2, null))
                .hasMessageContaining("bottomN");
    }
}
