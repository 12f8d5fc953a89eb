package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.scoring.engine.Fixture.bd;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 9, 等次评定: thresholds, quotas with the tie rule, serious penalties barring 优秀. */
class LevelAssignmentTest {

    static List<String> levels(Computation c) {
        return c.results().stream().map(TargetResult::level).toList();
    }

    /** 优秀 ≥ 90 at most 20 % of the category, 良好 ≥ 80, 合格 ≥ 60, 不合格. */
    static Policy quota20() {
        return Fixture.withLevels(
                Policy.pds2020(),
                List.of(
                        new LevelRule("优秀", bd("90"), bd("20")),
                        new LevelRule("良好", bd("80"), null),
                        new LevelRule("合格", bd("60"), null),
                        new LevelRule("不合格", null, null)),
                "优秀");
    }

    @Test
    void levels_byThreshold() {
        // 2020 defaults 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格; thresholds are inclusive
        Computation c = Fixture.scores(Policy.pds2020(), "95", "90", "89.99", "80", "60", "59.99", "0")
                .compute();
        assertThat(levels(c)).containsExactly("优秀", "优秀", "良好", "良好", "合格", "不合格", "不合格");
    }

    @Test
    void levels_byQuota() {
        // 10 targets, 优秀 quota floor(20 × 10 / 100) = 2: 99 and 98 get it; 97 (≥ 90 too) falls to 良好
        Computation ten = Fixture.scores(quota20(), "99", "98", "97", "96", "85", "84", "70", "65", "50", "40")
                .compute();
        assertThat(levels(ten)).containsExactly("优秀", "优秀", "良好", "良好", "良好", "良好", "合格", "合格", "不合格", "不合格");

        // tie at the boundary: 99 takes 1 of 2 places; 97 and 97 are tied (same rank) and would need 2:
        // neither gets 优秀 (documented choice), both 良好, and 96 below them does not take the free place
        Computation tie = Fixture.scores(quota20(), "99", "97", "97", "96", "85", "84", "70", "65", "50", "40")
                .compute();
        assertThat(levels(tie)).startsWith("优秀", "良好", "良好", "良好", "良好");
        assertThat(tie.results()).extracting(TargetResult::rank).startsWith(1, 2, 2, 4);

        // 9 targets: floor(20 × 9 / 100) = floor(1.8) = 1
        Computation nine = Fixture.scores(quota20(), "99", "98", "97", "96", "85", "84", "70", "65", "50")
                .compute();
        assertThat(levels(nine)).startsWith("优秀", "良好", "良好");
        assertThat(LevelAssignment.quota(new LevelRule("x", null, bd("20")), 9)).isEqualTo(1);
        assertThat(LevelAssignment.quota(new LevelRule("x", null, bd("15")), 20))
                .isEqualTo(3);
        assertThat(LevelAssignment.quota(new LevelRule("x", null, null), 20)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void levels_theLastRuleIsTheFallback_whateverItsThreshold() {
        // the fallback ignores its own threshold: 10 gets 差 even though 差 says ≥ 50
        Policy p = Fixture.withLevels(
                Policy.pds2020(),
                List.of(new LevelRule("好", bd("60"), null), new LevelRule("差", bd("50"), null)),
                null);
        assertThat(levels(Fixture.scores(p, "70", "10").compute())).containsExactly("好", "差");
    }

    @Test
    void penaltyBlocksExcellent() {
        // target 1: 100 − 1 (serious penalty) = 99 → not 优秀 but 良好, excellentBlocked
        // target 2: 100 − 1 (ordinary penalty) = 99 → 优秀
        Fixture f = Fixture.scores(Policy.pds2020(), "100", "100")
                .penalty(1, 1, "造成恶性事件", "1", 0, true)
                .penalty(2, 2, "考核中弄虚作假", "1", 0, false);
        Computation c = f.compute();
        TargetResult blocked = c.result(1).orElseThrow();
        assertThat(blocked.finalScore()).isEqualTo(bd("99.00"));
        assertThat(blocked.excellentBlocked()).isTrue();
        assertThat(blocked.level()).isEqualTo("良好");
        assertThat(c.result(2).orElseThrow().excellentBlocked()).isFalse();
        assertThat(c.result(2).orElseThrow().level()).isEqualTo("优秀");

        // with a quota of floor(20 × 5 / 100) = 1, the blocked target (first, 99.5) does not use the place:
        // the next one, 95, gets 优秀
        Fixture q = Fixture.scores(quota20(), "100.5", "95", "94", "80", "70").penalty(1, 1, "重大事故", "1", 0, true);
        assertThat(levels(q.compute())).containsExactly("良好", "优秀", "良好", "良好", "合格");
    }
}
