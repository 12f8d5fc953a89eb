package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.scoring.engine.Fixture.bd;

import org.junit.jupiter.api.Test;

/** Rule 1, 任务得分: grade percentages, points as given, not applicable, not evaluated. */
class TaskScoreTest {

    @Test
    void gradePercentages_optimalGoodFairPoor() {
        // four 10-point tasks graded 优 良 中 差 under 2020 (100/80/60/0 %): 10 + 8 + 6 + 0 = 24 of 40,
        // converted 24 × 100 / 40 = 60.00
        Fixture f = new Fixture().target(1, 1, "部门1");
        for (long t = 1; t <= 4; t++) {
            f.task(t, 1, "10");
        }
        f.grade(1, 1, Grade.EXCELLENT)
                .grade(1, 2, Grade.GOOD)
                .grade(1, 3, Grade.FAIR)
                .grade(1, 4, Grade.POOR);
        TargetResult r = f.result(1);
        assertThat(r.tasks())
                .extracting(TaskLine::score)
                .containsExactly(bd("10.00"), bd("8.00"), bd("6.00"), bd("0.00"));
        assertThat(r.tasks())
                .extracting(TaskLine::grade)
                .containsExactly(Grade.EXCELLENT, Grade.GOOD, Grade.FAIR, Grade.POOR);
        assertThat(r.rawScore()).isEqualTo(bd("24.00"));
        assertThat(r.applicableMax()).isEqualTo(bd("40.00"));
        assertThat(r.convertedScore()).isEqualTo(bd("60.00"));

        // the rule alone, on a 0.5-point task: 良 = 80 % × 0.5 = 0.4, 中 = 60 % × 0.5 = 0.3
        TaskScore rule = new TaskScore(Policy.pds2020().gradePercent());
        Task half = new Task(9, 1, bd("0.5"), null, "半分任务", null);
        assertThat(rule.forGrade(Grade.GOOD, half.maxPoints())).isEqualByComparingTo("0.4");
        assertThat(rule.forGrade(Grade.FAIR, half.maxPoints())).isEqualByComparingTo("0.3");
    }

    @Test
    void pointsCountAsGiven() {
        // 100-point table: 7.5 of 10 and 85 of 90 → 92.5; points are not capped at the task's points: 12 of 10
        // on a second target gives 12 + 0 = 12
        Fixture f = new Fixture()
                .task(1, 1, "10")
                .task(2, 1, "90")
                .target(1, 1, "部门1")
                .target(2, 1, "部门1")
                .points(1, 1, "7.5")
                .points(1, 2, "85")
                .points(2, 1, "12")
                .points(2, 2, "0");
        Computation c = f.compute();
        TargetResult r1 = c.result(1).orElseThrow();
        assertThat(r1.tasks()).extracting(TaskLine::points).containsExactly(bd("7.50"), bd("85.00"));
        assertThat(r1.tasks()).extracting(TaskLine::score).containsExactly(bd("7.50"), bd("85.00"));
        assertThat(r1.rawScore()).isEqualTo(bd("92.50"));
        assertThat(r1.finalScore()).isEqualTo(bd("92.50"));
        assertThat(c.result(2).orElseThrow().rawScore()).isEqualTo(bd("12.00"));
    }

    @Test
    void notApplicable_leavesApplicableTotal() {
        // tasks 10, 10, 80; the 80-point one is not applicable: 10 (优) + 8 (良) = 18 of 20 → 18 × 100 / 20 = 90.00
        Fixture f = new Fixture()
                .task(1, 1, "10")
                .task(2, 1, "10")
                .task(3, 1, "80")
                .target(1, 1, "县区政府")
                .grade(1, 1, Grade.EXCELLENT)
                .grade(1, 2, Grade.GOOD)
                .notApplicable(1, 3);
        TargetResult r = f.result(1);
        assertThat(r.rawScore()).isEqualTo(bd("18.00"));
        assertThat(r.applicableMax()).isEqualTo(bd("20.00"));
        assertThat(r.convertedScore()).isEqualTo(bd("90.00"));
        assertThat(r.missingEvaluations()).isZero();
        TaskLine na = r.tasks().get(2);
        assertThat(na.notApplicable()).isTrue();
        assertThat(na.evaluated()).isTrue();
        assertThat(na.score()).isEqualTo(bd("0.00"));
    }

    @Test
    void noEvaluation_countsZeroAndStaysApplicable() {
        // same table, the 80-point task not evaluated yet: 18 of 100 → 18.00, one missing evaluation
        Fixture f = new Fixture()
                .task(1, 1, "10")
                .task(2, 1, "10")
                .task(3, 1, "80")
                .target(1, 1, "县区政府")
                .grade(1, 1, Grade.EXCELLENT)
                .grade(1, 2, Grade.GOOD);
        TargetResult r = f.result(1);
        assertThat(r.applicableMax()).isEqualTo(bd("100.00"));
        assertThat(r.convertedScore()).isEqualTo(bd("18.00"));
        assertThat(r.missingEvaluations()).isEqualTo(1);
        TaskLine missing = r.tasks().get(2);
        assertThat(missing.evaluated()).isFalse();
        assertThat(missing.notApplicable()).isFalse();
        assertThat(missing.score()).isEqualTo(bd("0.00"));
        assertThat(missing.assessor()).isNull();
    }

    @Test
    void tasksApplyToTheirOwnCategoryOnly() {
        // category 1 has tasks 1 (10) and 2 (10); category 2 has task 3 (50): target 2 sees only task 3
        Fixture f = new Fixture()
                .task(1, 1, "10")
                .task(2, 1, "10")
                .task(3, 2, "50")
                .target(1, 1, "部门1")
                .target(2, 2, "部门2")
                .grade(2, 3, Grade.GOOD);
        TargetResult r = f.result(2);
        assertThat(r.tasks()).extracting(TaskLine::taskId).containsExactly(3L);
        // 40 of 50 → 40 × 100 / 50 = 80.00
        assertThat(r.convertedScore()).isEqualTo(bd("80.00"));
        assertThat(f.result(1).tasks()).extracting(TaskLine::taskId).containsExactly(1L, 2L);
    }
}
