package org.dudao.creation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.dudao.campaign.PhaseView;
import org.junit.jupiter.api.Test;

class LaggingRuleTest {

    static final List<PhaseView> LUSHAN = List.of(
            new PhaseView(1, "MOBILISATION", "动员部署", null, LocalDate.of(2021, 4, 10), null),
            new PhaseView(2, "SELF_CHECK", "全面自查", null, LocalDate.of(2021, 5, 10), null),
            new PhaseView(3, "RECTIFICATION", "限期整改", null, LocalDate.of(2021, 6, 10), null),
            new PhaseView(4, "DECLARATION", "集中申报", null, null, null));

    @Test
    void targetFollowsThePhaseDeadlines_nothingBeforeTheSelfCheckDeadline() {
        assertThat(LaggingRule.checkpoint(LUSHAN, LocalDate.of(2021, 5, 10))).isNull();
        assertThat(LaggingRule.checkpoint(LUSHAN, LocalDate.of(2021, 5, 11)).target())
                .isEqualByComparingTo("0.5");
        LaggingRule.Checkpoint after = LaggingRule.checkpoint(LUSHAN, LocalDate.of(2021, 6, 11));
        assertThat(after.target()).isEqualByComparingTo("1");
        assertThat(after.phase()).isEqualTo("RECTIFICATION");
    }

    @Test
    void belowTargetAndBelowMedianOrZeroLags_aheadOfPeersDoesNot() {
        BigDecimal median = LaggingRule.median(
                List.of(new BigDecimal("0.1"), new BigDecimal("0.3"), new BigDecimal("0.6"), new BigDecimal("0.9")));
        assertThat(median).isEqualByComparingTo("0.45");
        assertThat(LaggingRule.lagging(new BigDecimal("0.3"), LaggingRule.HALF, median))
                .isTrue();
        assertThat(LaggingRule.lagging(new BigDecimal("0.46"), LaggingRule.HALF, median))
                .isFalse();
        assertThat(LaggingRule.lagging(new BigDecimal("0.6"), LaggingRule.HALF, median))
                .isFalse();
        assertThat(LaggingRule.lagging(BigDecimal.ZERO, LaggingRule.HALF, BigDecimal.ZERO))
                .isTrue();
        assertThat(LaggingRule.lagging(BigDecimal.ZERO, null, BigDecimal.ZERO)).isFalse();
    }
}
