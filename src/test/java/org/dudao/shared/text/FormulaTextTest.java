package org.dudao.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormulaTextTest {

    @Test
    void formulaLikeIsDecidedByTheFirstCharacterOnly() {
        assertThat(FormulaText.looksLikeFormula("=A1")).isTrue();
        assertThat(FormulaText.looksLikeFormula("=1+1")).isTrue();
        assertThat(FormulaText.looksLikeFormula("+A1")).isTrue();
        assertThat(FormulaText.looksLikeFormula("+86 375")).isTrue();
        assertThat(FormulaText.looksLikeFormula("-A1")).isTrue();
        assertThat(FormulaText.looksLikeFormula("-1")).isTrue();
        assertThat(FormulaText.looksLikeFormula("@SUM(A1)")).isTrue();
        assertThat(FormulaText.looksLikeFormula("\tSUM(A1)")).isTrue();
        assertThat(FormulaText.looksLikeFormula("\rSUM(A1)")).isTrue();
        assertThat(FormulaText.looksLikeFormula("A1=1")).isFalse();
        assertThat(FormulaText.looksLikeFormula("推进中 =1")).isFalse();
        assertThat(FormulaText.looksLikeFormula("＝全角")).isFalse();
        assertThat(FormulaText.looksLikeFormula("满意")).isFalse();
        assertThat(FormulaText.looksLikeFormula("")).isFalse();
        assertThat(FormulaText.looksLikeFormula(null)).isFalse();
    }
}
