package org.dudao.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlanStatusTest {

    static final LocalDate DUE = LocalDate.of(2025, 12, 31);

    @Test
    void overdueOnlyAfterTheDueDayAndNeverWhenDone() {
        assertThat(PlanStatus.effective(null, DUE, DUE)).isEqualTo(PlanStatus.NOT_STARTED);
        assertThat(PlanStatus.effective(PlanStatus.IN_PROGRESS, DUE, DUE)).isEqualTo(PlanStatus.IN_PROGRESS);
        assertThat(PlanStatus.effective(null, DUE, DUE.plusDays(1))).isEqualTo(PlanStatus.OVERDUE);
        assertThat(PlanStatus.effective(PlanStatus.IN_PROGRESS, DUE, DUE.plusDays(1)))
                .isEqualTo(PlanStatus.OVERDUE);
        assertThat(PlanStatus.effective(PlanStatus.DONE, DUE, DUE.plusYears(1))).isEqualTo(PlanStatus.DONE);
        assertThat(PlanStatus.effective(PlanStatus.IN_PROGRESS, null, DUE.plusYears(1)))
                .isEqualTo(PlanStatus.IN_PROGRESS);
    }
}
