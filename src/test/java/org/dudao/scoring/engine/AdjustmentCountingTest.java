package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.scoring.engine.Fixture.bd;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 5, 加减分, as a whole: same matter once and the cap together, per target. */
class AdjustmentCountingTest {

    /** One 100-point task scored {@code score} for target 1. */
    static Fixture hundred(Policy policy, String score) {
        return new Fixture()
                .policy(policy)
                .task(1, 1, "100")
                .target(1, 1, "县区政府")
                .points(1, 1, score);
    }

    @Test
    void bonus_sameMatterCountsOnce_andTotalStopsAtFive() {
        // 2020, converted 80. In approval order:
        //  b1 "市级表彰 A" 1 → 1 (total 1)
        //  b2 " 市级表彰\u3000 A " 1 → same matter after trimming/collapsing white space → 0
        //  b3 "典型经验 B" 2 → 2 (total 3)
        //  b4 "媒体报道 C" 1.5 → 1.5 (total 4.5)
        //  b5 "其他 D" 1 → only 0.5 fits under 5 → 0.5 (total 5)
        //  b6 "其他 E" 1 → 0 (cap reached)
        // bonus 5.00; final 80 + 5 = 85.00
        Fixture f = hundred(Policy.pds2020(), "80")
                .bonus(1, 1, "市级表彰 A", "1", 1)
                .bonus(2, 1, " 市级表彰\u3000 A ", "1", 2)
                .bonus(3, 1, "典型经验 B", "2", 3)
                .bonus(4, 1, "媒体报道 C", "1.5", 4)
                .bonus(5, 1, "其他 D", "1", 5)
                .bonus(6, 1, "其他 E", "1", 6);
        TargetResult r = f.result(1);
        assertThat(r.adjustments()).extracting(AdjustmentLine::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(r.adjustments())
                .extracting(AdjustmentLine::counted)
                .containsExactly(bd("1.00"), bd("0.00"), bd("2.00"), bd("1.50"), bd("0.50"), bd("0.00"));
        assertThat(r.adjustments())
                .extracting(AdjustmentLine::note)
                .containsExactly(null, "同一事项不重复计分", null, null, "超出加分上限5分，按上限计", "超出加分上限5分，按上限计");
        assertThat(r.bonus()).isEqualTo(bd("5.00"));
        assertThat(r.finalScore()).isEqualTo(bd("85.00"));
    }

    @Test
    void adjustmentsOfOtherTargetsDoNotCount() {
        // target 2's bonus is target 2's only; target 1 has none
        Fixture f = hundred(Policy.pds2020(), "80").target(2, 1, "县区政府").points(2, 1, "70");
        f.bonus(1, 2, "表彰", "1", 0);
        Computation c = f.compute();
        assertThat(c.result(1).orElseThrow().adjustments()).isEqualTo(List.of());
        assertThat(c.result(2).orElseThrow().finalScore()).isEqualTo(bd("71.00"));
    }
}
