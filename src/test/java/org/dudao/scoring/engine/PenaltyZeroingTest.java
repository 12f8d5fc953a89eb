package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.scoring.engine.Fixture.bd;

import org.junit.jupiter.api.Test;

/** Rule 2, 相关考核项目不得分: a penalty zeroes its related tasks and deducts its points on top. */
class PenaltyZeroingTest {

    @Test
    void penalty_zeroesRelatedTasks_plusExtraDeduction() {
        // 2020, tasks 30 / 30 / 40 all 优 = 100; penalty 7 (2 points) relates to task 1:
        // raw 0 + 30 + 40 = 70 of 100 (the zeroed task stays applicable) → 70.00; final 70 − 2 = 68.00
        Fixture f = new Fixture()
                .task(1, 1, "30")
                .task(2, 1, "30")
                .task(3, 1, "40")
                .target(1, 1, "县区政府")
                .grade(1, 1, Grade.EXCELLENT)
                .grade(1, 2, Grade.EXCELLENT)
                .grade(1, 3, Grade.EXCELLENT)
                .penalty(7, 1, "重大行政决策未履行法定程序", "2", 0, false, 1L);
        TargetResult r = f.result(1);
        TaskLine zeroed = r.tasks().get(0);
        assertThat(zeroed.grade()).isEqualTo(Grade.EXCELLENT);
        assertThat(zeroed.score()).isEqualTo(bd("0.00"));
        assertThat(zeroed.zeroedByAdjustmentId()).isEqualTo(7L);
        assertThat(r.tasks().get(1).zeroedByAdjustmentId()).isNull();
        assertThat(r.rawScore()).isEqualTo(bd("70.00"));
        assertThat(r.applicableMax()).isEqualTo(bd("100.00"));
        assertThat(r.convertedScore()).isEqualTo(bd("70.00"));
        assertThat(r.penalty()).isEqualTo(bd("2.00"));
        assertThat(r.finalScore()).isEqualTo(bd("68.00"));
    }

    @Test
    void zeroingAlsoAppliesWhenThePenaltyPointsDoNotCount() {
        // two penalties on the same matter: the later (id 9) counts 0 points, but its related task 2 still
        // counts zero: raw 0 + 0 + 40 = 40 → 40.00; penalty 1 (the first only) → 39.00
        Fixture f = new Fixture()
                .task(1, 1, "30")
                .task(2, 1, "30")
                .task(3, 1, "40")
                .target(1, 1, "县区政府")
                .grade(1, 1, Grade.EXCELLENT)
                .grade(1, 2, Grade.EXCELLENT)
                .grade(1, 3, Grade.EXCELLENT)
                .penalty(8, 1, "拒不执行生效判决", "1", 0, false, 1L)
                .penalty(9, 1, "拒不执行生效判决", "3", 5, false, 2L, 1L);
        TargetResult r = f.result(1);
        assertThat(r.tasks()).extracting(TaskLine::zeroedByAdjustmentId).containsExactly(8L, 9L, null);
        assertThat(r.rawScore()).isEqualTo(bd("40.00"));
        assertThat(r.penalty()).isEqualTo(bd("1.00"));
        assertThat(r.finalScore()).isEqualTo(bd("39.00"));
    }

    @Test
    void relatedTasksOfAnotherCategoryAreIgnored_andNotApplicableStaysOut() {
        // task 5 belongs to category 2; task 2 is not applicable for the target: only task 1 is zeroed.
        // raw 0 + 40 (task 3) = 40 of 30 + 40 = 70 → 40 × 100 / 70 = 57.142857… → 57.14; final 57.14 − 1 = 56.14
        Fixture f = new Fixture()
                .task(1, 1, "30")
                .task(2, 1, "30")
                .task(3, 1, "40")
                .task(5, 2, "10")
                .target(1, 1, "县区政府")
                .grade(1, 1, Grade.EXCELLENT)
                .notApplicable(1, 2)
                .grade(1, 3, Grade.EXCELLENT)
                .penalty(8, 1, "执法过错", "1", 0, false, 1L, 2L, 5L);
        TargetResult r = f.result(1);
        assertThat(r.tasks()).extracting(TaskLine::zeroedByAdjustmentId).containsExactly(8L, null, null);
        assertThat(r.convertedScore()).isEqualTo(bd("57.14"));
        assertThat(r.finalScore()).isEqualTo(bd("56.14"));
    }
}
