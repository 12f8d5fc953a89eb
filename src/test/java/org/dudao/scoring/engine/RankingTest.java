package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.scoring.engine.Fixture.bd;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule 8, 排名: order, tie rule, competition ranks, ranked and unranked categories. */
class RankingTest {

    @Test
    void ties_fewerPenaltyThenConvertedThenShared() {
        // every final score is 90 except F:
        //  A (1): 90, no adjustment          → penalty 0, converted 90
        //  B (2): 92 − 2                      → penalty 2, converted 92
        //  C (3): 91 − 1                      → penalty 1, converted 91
        //  D (4): 88 + 2                      → penalty 0, converted 88
        //  E (5): 90, no adjustment          → the same as A
        //  F (6): 80
        // order: A, E (tied: same rank, position order), D, C, B, F → ranks 1, 1, 3, 4, 5, 6
        Fixture f = Fixture.scores(Policy.pds2020(), "90", "92", "91", "88", "90", "80")
                .penalty(1, 2, "事项", "2", 0, false)
                .penalty(2, 3, "事项", "1", 0, false)
                .bonus(3, 4, "事项", "2", 0);
        Computation c = f.compute();
        assertThat(c.results()).extracting(TargetResult::finalScore).containsOnly(bd("90.00"), bd("80.00"));
        assertThat(c.results()).extracting(TargetResult::rank).containsExactly(1, 5, 4, 3, 1, 6);
        List<Long> order = c.results().stream()
                .sorted(Comparator.comparing(TargetResult::rank).thenComparingLong(TargetResult::targetId))
                .map(TargetResult::targetId)
                .toList();
        assertThat(order).containsExactly(1L, 5L, 4L, 3L, 2L, 6L);
        assertThat(c.results()).allMatch(TargetResult::ranked);
    }

    @Test
    void ranksCompareTheTwoDecimalFinalScore() {
        // 1 of 3 → 33.3333… → 33.33, and 33.33 given as points: the same score, the same rank
        Fixture f = new Fixture()
                .task(1, 1, "1")
                .task(2, 1, "1")
                .task(3, 1, "1")
                .task(4, 2, "100")
                .target(1, 1, "甲")
                .target(2, 1, "甲")
                .grade(1, 1, Grade.EXCELLENT)
                .grade(1, 2, Grade.POOR)
                .grade(1, 3, Grade.POOR)
                .points(2, 1, "0.3333")
                .notApplicable(2, 2)
                .notApplicable(2, 3);
        // target 2: 0.3333 of 1 → 33.33
        Computation c = f.compute();
        assertThat(c.results()).extracting(TargetResult::finalScore).containsExactly(bd("33.33"), bd("33.33"));
        assertThat(c.results()).extracting(TargetResult::rank).containsExactly(1, 1);
    }

    @Test
    void rankedVsUnrankedCategories() {
        // 2022: "县（市、区）" is ranked, "市委工作部门" (category 二) is not: no rank there, a level all the same
        Fixture f = new Fixture()
                .policy(Fixture.withRanked(Policy.pds2022(), Set.of("县（市、区）")))
                .task(1, 1, "100", "ROUTINE")
                .task(2, 2, "100", "ROUTINE")
                .target(1, 1, "县（市、区）")
                .target(2, 1, "县（市、区）")
                .target(3, 2, "市委工作部门")
                .target(4, 2, "市委工作部门")
                .points(1, 1, "80")
                .points(2, 1, "95")
                .points(3, 2, "70")
                .points(4, 2, "92");
        // components: ROUTINE is the only applicable component, so it carries all 100: 80 / 95 / 70 / 92
        Computation c = f.compute();
        assertThat(c.results())
                .extracting(TargetResult::finalScore)
                .containsExactly(bd("80.00"), bd("95.00"), bd("70.00"), bd("92.00"));
        assertThat(c.results()).extracting(TargetResult::rank).containsExactly(2, 1, null, null);
        assertThat(c.results()).extracting(TargetResult::ranked).containsExactly(true, true, false, false);
        assertThat(c.results()).extracting(TargetResult::level).containsExactly("良好", "优秀", "合格", "优秀");
        assertThat(c.lists().bottom()).containsOnlyKeys("县（市、区）");

        // the preset itself ranks 县（市、区）, 市政府工作部门 and 驻平单位 (categories 一, 四, 七 of seed 004)
        assertThat(Policy.pds2022().rankedCategories()).containsExactlyInAnyOrder("县（市、区）", "市政府工作部门", "驻平单位");
        // an empty set ranks everything
        assertThat(Ranking.isRanked(Policy.pds2020(), "任何类别")).isTrue();
        assertThat(Ranking.isRanked(Policy.pds2022(), "市委工作部门")).isFalse();
    }
}
