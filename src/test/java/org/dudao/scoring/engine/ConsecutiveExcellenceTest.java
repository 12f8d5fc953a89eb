package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rule 12, 连续优秀: 优秀 this year and last year. */
class ConsecutiveExcellenceTest {

    @Test
    void consecutiveExcellence_needsPreviousYearExcellent() {
        // this year (2020 thresholds): T1 95 优秀, T2 92 优秀, T3 91 优秀, T4 85 良好
        //  T1 last year 优秀 (written with a trailing space) → listed
        //  T2 last year 良好 → no
        //  T3 no previous result → no
        //  T4 last year 优秀, but 良好 now → no
        Fixture f = Fixture.scores(Policy.pds2020(), "95", "92", "91", "85")
                .previous(1, "96", "优秀 ", 1)
                .previous(2, "85", "良好", 5)
                .previous(4, "93", "优秀", 2);
        assertThat(f.compute().results()).extracting(TargetResult::level).containsExactly("优秀", "优秀", "优秀", "良好");
        assertThat(f.compute().lists().consecutiveExcellent()).containsExactly(1L);

        // three years asked: the engine knows one previous year only, so it checks this year and last year
        f.policy(Fixture.withConsecutiveYears(Policy.pds2020(), 3));
        assertThat(f.compute().lists().consecutiveExcellent()).containsExactly(1L);
        // one year: this year's 优秀 alone
        f.policy(Fixture.withConsecutiveYears(Policy.pds2020(), 1));
        assertThat(f.compute().lists().consecutiveExcellent()).containsExactly(1L, 2L, 3L);
        // zero: no list
        f.policy(Fixture.withConsecutiveYears(Policy.pds2020(), 0));
        assertThat(f.compute().lists().consecutiveExcellent()).isEmpty();
    }
}
