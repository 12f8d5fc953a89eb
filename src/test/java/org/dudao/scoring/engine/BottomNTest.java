package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule 10, 后N名: the last 5 (2020) or the last 3 (2022) of each ranked category, ties included. */
class BottomNTest {

    @Test
    void bottomN_fiveUnder2020_threeUnder2022_tiesIncluded() {
        // ten distinct scores, target ids 1..10 in score order: 2020 lists the last 5 (6..10), 2022 the last 3
        String[] distinct = {"100", "99", "98", "97", "96", "95", "94", "93", "92", "91"};
        assertThat(Fixture.scores(Policy.pds2020(), distinct).compute().lists().bottom())
                .isEqualTo(Map.of("县（市、区）", List.of(6L, 7L, 8L, 9L, 10L)));
        assertThat(Fixture.scores(Policy.pds2022(), distinct).compute().lists().bottom())
                .isEqualTo(Map.of("县（市、区）", List.of(8L, 9L, 10L)));

        // 2020, targets 5 and 6 tied on 96 (rank 5, places 5 and 6): the tie reaches into the last five, so
        // both are listed: 5, 6, 7, 8, 9, 10 (six targets)
        String[] tieAtFive = {"100", "99", "98", "97", "96", "96", "94", "93", "92", "91"};
        assertThat(Fixture.scores(Policy.pds2020(), tieAtFive).compute().lists().bottom())
                .isEqualTo(Map.of("县（市、区）", List.of(5L, 6L, 7L, 8L, 9L, 10L)));

        // 2022, targets 7 and 8 tied on 93 (rank 7, places 7 and 8): 7, 8, 9, 10 (four targets)
        String[] tieAtThree = {"100", "99", "98", "97", "96", "95", "93", "93", "92", "91"};
        Computation c = Fixture.scores(Policy.pds2022(), tieAtThree).compute();
        assertThat(c.results()).extracting(TargetResult::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 7, 9, 10);
        assertThat(c.lists().bottom()).isEqualTo(Map.of("县（市、区）", List.of(7L, 8L, 9L, 10L)));

        // ties entirely above the boundary do not widen the list: 2022, 9 and 10 tied last → 8, 9, 10
        String[] tieLast = {"100", "99", "98", "97", "96", "95", "94", "93", "91", "91"};
        assertThat(Fixture.scores(Policy.pds2022(), tieLast).compute().lists().bottom())
                .isEqualTo(Map.of("县（市、区）", List.of(8L, 9L, 10L)));
    }

    @Test
    void bottomN_zeroIsNone_moreThanTheCategoryIsAll() {
        TargetResult a = result(1);
        TargetResult b = result(2);
        assertThat(new BottomN(0).of(List.of(a, b), new int[] {1, 2})).isEmpty();
        assertThat(new BottomN(5).of(List.of(a, b), new int[] {1, 2})).containsExactly(1L, 2L);
        assertThat(new BottomN(1).of(List.of(a, b), new int[] {1, 1})).containsExactly(1L, 2L);
    }

    static TargetResult result(long id) {
        return new TargetResult(
                id, id, "T" + id, 1, "甲", null, null, null, List.of(), null, null, null, null, null, true, false, 0,
                List.of(), List.of());
    }
}
