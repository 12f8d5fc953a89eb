package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.scoring.engine.Fixture.bd;

import org.junit.jupiter.api.Test;

/** Rule 5, 加分上限 / 减分上限: 5 points of bonus in both presets, 10 of penalty from 2022. */
class AdjustmentCapTest {

    @Test
    void penaltyCap_tenUnder2022() {
        // four penalties of 3 on different matters: 2022 counts 3 + 3 + 3 + 1 = 10 (cap), 2020 counts 12.
        // 2022 components, every task 优 → 70 + 20 + 10 = 100.00; final 100 − 10 = 90.00 (2022), 100 − 12 = 88.00 (2020)
        Fixture f = new Fixture()
                .policy(Fixture.pds2022AllRanked())
                .task(1, 1, "40", "ROUTINE")
                .task(2, 1, "10", "ONSITE")
                .task(3, 1, "5", "SATISFACTION")
                .target(1, 1, "县区政府")
                .grade(1, 1, Grade.EXCELLENT)
                .grade(1, 2, Grade.EXCELLENT)
                .grade(1, 3, Grade.EXCELLENT)
                .penalty(1, 1, "事项一", "3", 1, false)
                .penalty(2, 1, "事项二", "3", 2, false)
                .penalty(3, 1, "事项三", "3", 3, false)
                .penalty(4, 1, "事项四", "3", 4, false);
        TargetResult r2022 = f.result(1);
        assertThat(r2022.convertedScore()).isEqualTo(bd("100.00"));
        assertThat(r2022.adjustments())
                .extracting(AdjustmentLine::counted)
                .containsExactly(bd("3.00"), bd("3.00"), bd("3.00"), bd("1.00"));
        assertThat(r2022.adjustments().get(3).note()).isEqualTo("超出减分上限10分，按上限计");
        assertThat(r2022.penalty()).isEqualTo(bd("10.00"));
        assertThat(r2022.finalScore()).isEqualTo(bd("90.00"));

        f.policy(Policy.pds2020()); // no components: 55 of 55 → 100.00; no penalty cap
        TargetResult r2020 = f.result(1);
        assertThat(r2020.penalty()).isEqualTo(bd("12.00"));
        assertThat(r2020.adjustments()).extracting(AdjustmentLine::note).containsOnlyNulls();
        assertThat(r2020.finalScore()).isEqualTo(bd("88.00"));
    }

    @Test
    void capRule_alone() {
        AdjustmentCap cap = AdjustmentCap.bonus(bd("5"));
        assertThat(cap.allow(bd("2"), bd("4"))).isEqualByComparingTo("1");
        assertThat(cap.allow(bd("2"), bd("5"))).isEqualByComparingTo("0");
        assertThat(cap.allow(bd("2"), bd("1"))).isEqualByComparingTo("2");
        assertThat(AdjustmentCap.penalty(null).allow(bd("30"), bd("100"))).isEqualByComparingTo("30");
        assertThat(AdjustmentCap.penalty(bd("10.0")).note()).isEqualTo("超出减分上限10分，按上限计");
        assertThat(AdjustmentCap.bonus(bd("2.50")).note()).isEqualTo("超出加分上限2.5分，按上限计");
    }
}
