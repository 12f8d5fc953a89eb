package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.scoring.engine.AdjustmentCountingTest.hundred;
import static org.dudao.scoring.engine.Fixture.bd;

import org.junit.jupiter.api.Test;

/** Rule 6, 最终得分: converted + bonus − penalty, floored at 0. */
class FinalScoreTest {

    @Test
    void finalScore_neverBelowZero_andMayExceedHundredWithBonus() {
        // 2020 (no penalty cap): 5 − 3 − 3 = −1 → 0.00
        TargetResult low = hundred(Policy.pds2020(), "5")
                .penalty(1, 1, "事项一", "3", 1, false)
                .penalty(2, 1, "事项二", "3", 2, false)
                .result(1);
        assertThat(low.penalty()).isEqualTo(bd("6.00"));
        assertThat(low.finalScore()).isEqualTo(bd("0.00"));
        // 100 + 2 = 102.00
        TargetResult high =
                hundred(Policy.pds2020(), "100").bonus(1, 1, "表彰", "2", 1).result(1);
        assertThat(high.finalScore()).isEqualTo(bd("102.00"));
        assertThat(FinalScore.of(bd("10.00"), bd("0"), bd("10.005"))).isEqualTo(bd("0.00"));
        assertThat(FinalScore.of(bd("10.00"), bd("0.125"), bd("0"))).isEqualTo(bd("10.13"));
    }
}
