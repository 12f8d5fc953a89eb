package org.dudao.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 同一事项: the store's duplicate check compares matters exactly as the engine counts them. */
class AdjustmentServiceTest {

    @Test
    void sameMatter_fullWidthAndRepeatedSpacesAreOneSpace() {
        String plain = AdjustmentService.matterKey("被上级通报批评 D5");
        assertThat(AdjustmentService.matterKey("被上级通报批评\u3000D5")).isEqualTo(plain);
        assertThat(AdjustmentService.matterKey("  被上级通报批评   D5\t")).isEqualTo(plain);
        assertThat(AdjustmentService.matterKey("被上级通报批评D5")).isNotEqualTo(plain);
    }
}
