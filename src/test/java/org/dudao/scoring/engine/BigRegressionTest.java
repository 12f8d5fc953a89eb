package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.scoring.engine.Fixture.bd;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule 11, 大幅退步: rank drop or score drop against last year's result of the same unit. */
class BigRegressionTest {

    @Test
    void regression_byRankDrop_andByScoreDrop() {
        // rule: rank fell ≥ 5 places or score fell ≥ 10 points. This year: targets 1..6 score 100..95, ranks 1..6.
        //  T6: rank 1 → 6, fell 5 places            → regression
        //  T5: rank 1 → 5, fell 4 places            → no
        //  T1: 112 → 100, fell 12 points            → regression (rank 3 → 1 is a rise)
        //  T2: 108.99 → 99, fell 9.99 points        → no
        //  T3: 108 → 98, fell exactly 10 points     → regression
        //  T4: no previous result                   → no
        Policy p = Fixture.withRegression(Policy.pds2020(), new Regression(5, bd("10")));
        Fixture f = Fixture.scores(p, "100", "99", "98", "97", "96", "95")
                .previous(6, "99", "优秀", 1)
                .previous(5, "99", "优秀", 1)
                .previous(1, "112", "优秀", 3)
                .previous(2, "108.99", "优秀", 2)
                .previous(3, "108", "优秀", 2);
        assertThat(f.compute().lists().regression()).containsExactly(1L, 3L, 6L);

        // the 2020 preset: 5 places, no score rule: only T6
        f.policy(Policy.pds2020());
        assertThat(f.compute().lists().regression()).containsExactly(6L);

        // an unranked category has no rank this year: only the score rule can apply
        f.policy(Fixture.withRanked(p, Set.of("别的类别")));
        assertThat(f.compute().lists().regression()).containsExactly(1L, 3L);

        // no rule: never
        f.policy(Fixture.withRegression(Policy.pds2020(), null));
        assertThat(f.compute().lists().regression()).isEmpty();
    }
}
