package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.scoring.engine.Fixture.bd;

import org.junit.jupiter.api.Test;

/** Rule 7, 计分精度: divisions at scale 10, one rounding to 2 decimals HALF_UP, outputs at scale 2. */
class RoundingTest {

    @Test
    void rounding_divisionAtScaleTen_outputsAtScaleTwoHalfUp() {
        assertThat(Rounding.divide(bd("200"), bd("3"))).isEqualTo(bd("66.6666666667"));
        assertThat(Rounding.out(bd("2.345"))).isEqualTo(bd("2.35"));
        assertThat(Rounding.out(bd("2.344999"))).isEqualTo(bd("2.34"));
        assertThat(Rounding.out(bd("7"))).isEqualTo(bd("7.00"));
        assertThat(Rounding.out(null)).isNull();
        assertThat(Rounding.plain(bd("10.00"))).isEqualTo("10");
        assertThat(Rounding.plain(bd("0.00"))).isEqualTo("0");
    }

    @Test
    void everyNumberOutHasScaleTwo() {
        // 2022 components and a bonus given with 0 or 1 decimals: every BigDecimal out has scale 2
        Computation c = ComponentWeightingTest.campaign()
                .grade(1, 1, Grade.GOOD)
                .points(1, 2, "7")
                .notApplicable(1, 3)
                .bonus(1, 1, "表彰", "1", 0)
                .penalty(2, 1, "事项", "0.5", 0, false, 4L)
                .compute();
        for (TargetResult r : c.results()) {
            for (java.math.BigDecimal v : new java.math.BigDecimal[] {
                r.rawScore(), r.applicableMax(), r.convertedScore(), r.bonus(), r.penalty(), r.finalScore()
            }) {
                assertThat(v.scale()).isEqualTo(2);
            }
            for (ComponentScore s : r.components()) {
                assertThat(s.weight().scale()
                                + s.raw().scale()
                                + s.applicableMax().scale()
                                + s.score().scale())
                        .isEqualTo(8);
            }
            for (TaskLine l : r.tasks()) {
                assertThat(l.maxPoints().scale()).isEqualTo(2);
                assertThat(l.score().scale()).isEqualTo(2);
                if (l.points() != null) {
                    assertThat(l.points().scale()).isEqualTo(2);
                }
            }
            for (AdjustmentLine a : r.adjustments()) {
                assertThat(a.points().scale() + a.counted().scale()).isEqualTo(4);
            }
        }
    }
}
