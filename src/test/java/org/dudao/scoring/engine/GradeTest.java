package org.dudao.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GradeTest {

    @Test
    void parse_acceptsNamesAndChineseLabels_trimmed() {
        assertThat(Grade.parse("EXCELLENT")).isEqualTo(Grade.EXCELLENT);
        assertThat(Grade.parse(" good ")).isEqualTo(Grade.GOOD);
        assertThat(Grade.parse("优")).isEqualTo(Grade.EXCELLENT);
        assertThat(Grade.parse("良")).isEqualTo(Grade.GOOD);
        assertThat(Grade.parse("\u3000中 ")).isEqualTo(Grade.FAIR);
        assertThat(Grade.parse("差")).isEqualTo(Grade.POOR);
        assertThat(Grade.POOR.label()).isEqualTo("差");
        assertThatThrownBy(() -> Grade.parse("优秀")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grade.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grade.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
