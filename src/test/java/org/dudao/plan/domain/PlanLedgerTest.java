package org.dudao.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlanLedgerTest {

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
