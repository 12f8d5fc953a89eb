package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.scoring.engine.Fixture.bd;

import org.junit.jupiter.api.Test;

/** Rule 3, 按实际情况换算, and rule 7, rounding. */
class ConversionTo100Test {

    /** PDS-2020-DEPT1's table: 2 + 1 + 5 + 2 + 2 + 6 × 0.5 = 15 points (000:278-289). */
    static Fixture dept1() {
        Fixture f = new Fixture().target(1, 1, "部门1").target(2, 1, "部门1");
        String[] points = {"2", "1", "5", "2", "2", "0.5", "0.5", "0.5", "0.5", "0.5", "0.5"};
        for (int i = 0; i < points.length; i++) {
            f.task(i + 1, 1, points[i]);
        }
        return f;
    }

    @Test
    void conversion_dept1FifteenPointTableFullMarksIsHundred() {
        Fixture f = dept1();
        for (long t = 1; t <= 11; t++) {
            f.grade(1, t, Grade.EXCELLENT);
            // target 2: 良 on the 5-point task (4), 中 on one 0.5-point task (0.3), 优 elsewhere:
            // 15 − 1 − 0.2 = 13.8 → 13.8 × 100 / 15 = 92.00
            f.grade(2, t, t == 3 ? Grade.GOOD : t == 6 ? Grade.FAIR : Grade.EXCELLENT);
        }
        Computation c = f.compute();
        TargetResult full = c.result(1).orElseThrow();
        assertThat(full.applicableMax()).isEqualTo(bd("15.00"));
        assertThat(full.rawScore()).isEqualTo(bd("15.00"));
        assertThat(full.convertedScore()).isEqualTo(bd("100.00"));
        assertThat(full.finalScore()).isEqualTo(bd("100.00"));
        TargetResult less = c.result(2).orElseThrow();
        assertThat(less.rawScore()).isEqualTo(bd("13.80"));
        assertThat(less.convertedScore()).isEqualTo(bd("92.00"));
    }

    @Test
    void conversion_roundsOnceHalfUp() {
        // 14 of 15 (良 on the 5-point task): 14 × 100 / 15 = 93.333… → 93.33
        // 14.5 of 15 (差 on one 0.5-point task): 1450 / 15 = 96.666… → 96.67
        Fixture f = dept1();
        for (long t = 1; t <= 11; t++) {
            f.grade(1, t, t == 3 ? Grade.GOOD : Grade.EXCELLENT);
            f.grade(2, t, t == 6 ? Grade.POOR : Grade.EXCELLENT);
        }
        Computation c = f.compute();
        assertThat(c.result(1).orElseThrow().convertedScore()).isEqualTo(bd("93.33"));
        assertThat(c.result(2).orElseThrow().convertedScore()).isEqualTo(bd("96.67"));
        // the rule alone: division at scale 10 then 2 decimals: 1 × 100 / 3 = 33.3333333333 → 33.33
        assertThat(new ConversionTo100(true).convert(bd("1"), bd("3"))).isEqualTo(bd("33.33"));
        // HALF_UP, not HALF_EVEN: 1.0005 × 100 / 10 = 10.005 → 10.01
        assertThat(new ConversionTo100(true).convert(bd("1.0005"), bd("10"))).isEqualTo(bd("10.01"));
    }

    @Test
    void conversion_notAppliedAtOrAboveHundred() {
        // target 1: 100-point table, 90 of 100 → 90.00 as is
        // target 2 (category 2): 120-point table (60 + 60), 优 + 中 = 60 + 36 = 96 → 96.00, not scaled down
        Fixture f = new Fixture()
                .task(1, 1, "40")
                .task(2, 1, "60")
                .task(3, 2, "60")
                .task(4, 2, "60")
                .target(1, 1, "县区政府")
                .target(2, 2, "部门2")
                .points(1, 1, "30")
                .points(1, 2, "60")
                .grade(2, 3, Grade.EXCELLENT)
                .grade(2, 4, Grade.FAIR);
        Computation c = f.compute();
        assertThat(c.result(1).orElseThrow().convertedScore()).isEqualTo(bd("90.00"));
        assertThat(c.result(2).orElseThrow().applicableMax()).isEqualTo(bd("120.00"));
        assertThat(c.result(2).orElseThrow().convertedScore()).isEqualTo(bd("96.00"));
    }

    @Test
    void conversion_offLeavesTheRawScore_andNothingApplicableIsZero() {
        Fixture f = dept1();
        for (long t = 1; t <= 11; t++) {
            f.grade(1, t, Grade.EXCELLENT);
            f.notApplicable(2, t);
        }
        // conversion off: 15 of 15 stays 15.00
        f.policy(Fixture.withoutConversion(Policy.pds2020()));
        assertThat(f.result(1).convertedScore()).isEqualTo(bd("15.00"));
        // nothing applicable: 0 of 0 → 0.00 (with conversion on too)
        f.policy(Policy.pds2020());
        TargetResult none = f.result(2);
        assertThat(none.applicableMax()).isEqualTo(bd("0.00"));
        assertThat(none.convertedScore()).isEqualTo(bd("0.00"));
        assertThat(none.finalScore()).isEqualTo(bd("0.00"));
    }
}
