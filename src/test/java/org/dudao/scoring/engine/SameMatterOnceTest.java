package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.scoring.engine.AdjustmentCountingTest.hundred;
import static org.dudao.scoring.engine.Fixture.bd;

import org.junit.jupiter.api.Test;

/** Rule 5, 同一事项不重复计分: the same matter counts once per target and kind. */
class SameMatterOnceTest {

    @Test
    void sameMatter_earliestCounts_whateverTheListOrder() {
        // the same matter approved at minute 9 (id 1, 3 points) and minute 2 (id 2, 1 point): the earlier,
        // id 2, counts 1; id 1 counts 0. Penalty 1 → 90 − 1 = 89.00
        Fixture f = hundred(Policy.pds2020(), "90")
                .penalty(1, 1, "案卷评查不合格", "3", 9, false)
                .penalty(2, 1, "案卷评查不合格", "1", 2, false);
        TargetResult r = f.result(1);
        assertThat(r.adjustments()).extracting(AdjustmentLine::id).containsExactly(2L, 1L);
        assertThat(r.adjustments()).extracting(AdjustmentLine::counted).containsExactly(bd("1.00"), bd("0.00"));
        assertThat(r.adjustments().get(1).note()).isEqualTo("同一事项不重复计分");
        assertThat(r.finalScore()).isEqualTo(bd("89.00"));
        assertThat(SameMatterOnce.key("  市级\u3000\t表彰 ")).isEqualTo("市级 表彰");
        assertThat(SameMatterOnce.key(" \u3000 ")).isNull();
        // already in the comparable form: the same string; any other spacing is normalised
        String plain = "市级 表彰";
        assertThat(SameMatterOnce.key(plain)).isSameAs(plain);
        assertThat(SameMatterOnce.key("市级  表彰")).isEqualTo(plain);
        assertThat(SameMatterOnce.key("市级\u00a0表彰")).isEqualTo(plain);
        assertThat(SameMatterOnce.key("市级 表彰 ")).isEqualTo(plain);
        assertThat(SameMatterOnce.key(" 市级 表彰")).isEqualTo(plain);
        assertThat(SameMatterOnce.key("市级\n表彰")).isEqualTo(plain);
        assertThat(SameMatterOnce.key("")).isNull();
    }

    @Test
    void sameMatter_bonusAndPenaltyAreSeparate_blankMattersNeverMatch() {
        // bonus "事项" 1 and penalty "事项" 2 both count; two penalties without a matter both count:
        // 90 + 1 − 2 − 1 − 1 = 87.00
        TargetResult r = hundred(Policy.pds2020(), "90")
                .bonus(1, 1, "事项", "1", 1)
                .penalty(2, 1, "事项", "2", 2, false)
                .penalty(3, 1, null, "1", 3, false)
                .penalty(4, 1, " ", "1", 4, false)
                .result(1);
        assertThat(r.adjustments()).extracting(AdjustmentLine::note).containsOnlyNulls();
        assertThat(r.finalScore()).isEqualTo(bd("87.00"));
    }
}
