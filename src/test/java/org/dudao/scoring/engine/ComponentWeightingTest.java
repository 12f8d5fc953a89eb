package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.scoring.engine.Fixture.bd;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 4, 分项计分: component weights (2022: 70 / 20 / 10) and redistribution of a missing component. */
class ComponentWeightingTest {

    static Fixture campaign() {
        // routine: tasks 1, 2 (10 each); on-site: task 3 (5); satisfaction: task 4 (10)
        return new Fixture()
                .policy(Fixture.pds2022AllRanked())
                .task(1, 1, "10", "ROUTINE")
                .task(2, 1, "10", "ROUTINE")
                .task(3, 1, "5", "ONSITE")
                .task(4, 1, "10", "SATISFACTION")
                .target(1, 1, "县区政府")
                .target(2, 1, "县区政府");
    }

    @Test
    void components_weightsAndRedistribution() {
        Fixture f = campaign()
                .grade(1, 1, Grade.EXCELLENT)
                .grade(1, 2, Grade.GOOD)
                .grade(1, 3, Grade.FAIR)
                .points(1, 4, "9")
                .grade(2, 1, Grade.EXCELLENT)
                .grade(2, 2, Grade.GOOD)
                .grade(2, 3, Grade.FAIR)
                .notApplicable(2, 4)
                .bonus(1, 2, "表彰", "1", 0);
        Computation c = f.compute();

        // T1: routine 70 × 18 / 20 = 63; on-site 20 × 3 / 5 = 12; satisfaction 10 × 9 / 10 = 9 → 84.00
        TargetResult t1 = c.result(1).orElseThrow();
        assertThat(t1.components())
                .containsExactly(
                        new ComponentScore("ROUTINE", "日常工作落实", bd("70.00"), bd("18.00"), bd("20.00"), bd("63.00")),
                        new ComponentScore("ONSITE", "实地考察", bd("20.00"), bd("3.00"), bd("5.00"), bd("12.00")),
                        new ComponentScore("SATISFACTION", "满意度", bd("10.00"), bd("9.00"), bd("10.00"), bd("9.00")));
        assertThat(t1.rawScore()).isEqualTo(bd("30.00"));
        assertThat(t1.applicableMax()).isEqualTo(bd("35.00"));
        assertThat(t1.convertedScore()).isEqualTo(bd("84.00"));

        // T2: satisfaction not applicable, its 10 spread over 70 and 20 in proportion: weights × 100 / 90
        //  routine 70 × 100 / 90 = 77.78 (shown), score 70 × 100 × 18 / (90 × 20) = 70.0000000000
        //  on-site 20 × 100 / 90 = 22.22 (shown), score 20 × 100 × 3 / (90 × 5) = 13.3333333333
        //  converted 83.3333333333 → 83.33; final 83.33 + 1 = 84.33
        TargetResult t2 = c.result(2).orElseThrow();
        assertThat(t2.components())
                .containsExactly(
                        new ComponentScore("ROUTINE", "日常工作落实", bd("77.78"), bd("18.00"), bd("20.00"), bd("70.00")),
                        new ComponentScore("ONSITE", "实地考察", bd("22.22"), bd("3.00"), bd("5.00"), bd("13.33")),
                        new ComponentScore("SATISFACTION", "满意度", bd("0.00"), bd("0.00"), bd("0.00"), bd("0.00")));
        assertThat(t2.rawScore()).isEqualTo(bd("21.00"));
        assertThat(t2.applicableMax()).isEqualTo(bd("25.00"));
        assertThat(t2.convertedScore()).isEqualTo(bd("83.33"));
        assertThat(t2.finalScore()).isEqualTo(bd("84.33"));
    }

    @Test
    void components_weightsNeedNotAddUpToHundred_andAComponentWithoutTasksIsSpread() {
        // weights 60 / 30 (total 90), only A has tasks: A carries all 90: 90 × 8 / 10 = 72.00
        Policy p = new Policy(
                Policy.pds2022().gradePercent(),
                null,
                null,
                true,
                List.of(new Component("A", "甲", bd("60")), new Component("B", "乙", bd("30"))),
                Policy.pds2022().levels(),
                null,
                0,
                null,
                2,
                "优秀");
        Fixture f =
                new Fixture().policy(p).task(1, 1, "10", "A").target(1, 1, "类").grade(1, 1, Grade.GOOD);
        TargetResult r = f.result(1);
        assertThat(r.components()).extracting(ComponentScore::weight).containsExactly(bd("90.00"), bd("0.00"));
        assertThat(r.convertedScore()).isEqualTo(bd("72.00"));
        // nothing applicable in any component: 0
        assertThat(new ComponentWeighting(p.components())
                        .weigh(
                                new java.math.BigDecimal[] {bd("0"), bd("0")},
                                new java.math.BigDecimal[] {bd("0"), bd("0")})
                        .converted())
                .isEqualTo(bd("0.00"));
    }
}
