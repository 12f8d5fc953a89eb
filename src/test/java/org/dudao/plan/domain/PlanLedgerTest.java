package org.dudao.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlanLedgerTest {

    @Test
    void textThatExcelWouldEvaluateIsRecognised() {
        assertThat(PlanLedger.looksLikeFormula("=1+1")).isTrue();
        assertThat(PlanLedger.looksLikeFormula("+86 375")).isTrue();
        assertThat(PlanLedger.looksLikeFormula("-1")).isTrue();
        assertThat(PlanLedger.looksLikeFormula("@SUM(A1)")).isTrue();
        assertThat(PlanLedger.looksLikeFormula("推进中 =1")).isFalse();
        assertThat(PlanLedger.looksLikeFormula("")).isFalse();
    }

    @Test
    void taskLabelsMatchWithOrWithoutTheirFullStop() {
        assertThat(PlanLedger.labelKey("12.")).isEqualTo("12");
        assertThat(PlanLedger.labelKey(" 12 ")).isEqualTo("12");
        assertThat(PlanLedger.labelKey("12．")).isEqualTo("12");
    }

    @Test
    void theYearsReportIsDueAtTheEndOfTheNextFirstQuarter() {
        assertThat(PlanService.defaultReportDue(2022)).isEqualTo(LocalDate.of(2023, 3, 31));
    }
}
