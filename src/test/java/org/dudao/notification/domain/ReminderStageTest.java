package org.dudao.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 提醒阶段: three working days, one working day, overdue — counted by the calendar it is given. */
class ReminderStageTest {

    /** Monday to Friday, with optional days off (a holiday) and weekend days worked (调休). */
    record Week(Set<LocalDate> off, Set<LocalDate> worked) implements ReminderStage.WorkingDays {
        static final Week PLAIN = new Week(Set.of(), Set.of());

        boolean working(LocalDate d) {
            if (off.contains(d)) {
                return false;
            }
            return worked.contains(d)
                    || (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY);
        }

        @Override
        public int between(LocalDate from, LocalDate to) {
            int n = 0;
            for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                n += working(d) ? 1 : 0;
            }
            return n;
        }
    }

    static Optional<ReminderStage> stage(String today, String due) {
        return ReminderStage.on(LocalDate.parse(today), LocalDate.parse(due), Week.PLAIN);
    }

    @Test
    void threeWorkingDaysLeft_isD3() {
        // Thu 12 March 2026 → Tue 17: Fri, Mon, Tue
        assertThat(stage("2026-03-12", "2026-03-17")).contains(ReminderStage.D3);
        // within one week: Mon 9 → Thu 12
        assertThat(stage("2026-03-09", "2026-03-12")).contains(ReminderStage.D3);
    }

    @Test
    void theWeekendDoesNotCount_soD3FallsOnFridayAndAgainOnTheWeekend() {
        // due Wed 18: from Fri 13 (Mon, Tue, Wed) and from Sat 14 / Sun 15 as well; the key sends it once
        assertThat(stage("2026-03-13", "2026-03-18")).contains(ReminderStage.D3);
        assertThat(stage("2026-03-14", "2026-03-18")).contains(ReminderStage.D3);
        assertThat(stage("2026-03-15", "2026-03-18")).contains(ReminderStage.D3);
        // Thu 12 → Wed 18 is four working days: nothing yet
        assertThat(stage("2026-03-12", "2026-03-18")).isEmpty();
    }

    @Test
    void oneWorkingDayLeft_isD1() {
        assertThat(stage("2026-03-16", "2026-03-17")).contains(ReminderStage.D1);
        // Friday before a Monday deadline
        assertThat(stage("2026-03-13", "2026-03-16")).contains(ReminderStage.D1);
    }

    @Test
    void twoWorkingDaysLeft_theDueDayItself_andMoreThanThree_areNothing() {
        assertThat(stage("2026-03-13", "2026-03-17")).isEmpty(); // Mon, Tue
        assertThat(stage("2026-03-17", "2026-03-17")).isEmpty();
        assertThat(stage("2026-03-09", "2026-03-20")).isEmpty();
    }

    @Test
    void aDeadlineOnASaturday_isRemindedByTheWorkingDaysBeforeIt() {
        // due Sat 21: Thu 19 → Fri 20 is one working day (D1), Wed 18 → Fri 20 two, Tue 17 three (D3)
        assertThat(stage("2026-03-17", "2026-03-21")).contains(ReminderStage.D3);
        assertThat(stage("2026-03-19", "2026-03-21")).contains(ReminderStage.D1);
        assertThat(stage("2026-03-20", "2026-03-21")).isEmpty();
    }

    @Test
    void anyDayAfterTheDueDay_isOverdue_untilTheLookbackEnds() {
        assertThat(stage("2026-03-18", "2026-03-17")).contains(ReminderStage.OVERDUE);
        // a weekend day after it too
        assertThat(stage("2026-03-21", "2026-03-20")).contains(ReminderStage.OVERDUE);
        assertThat(stage("2026-04-16", "2026-03-17")).contains(ReminderStage.OVERDUE); // 30 days after
        assertThat(stage("2026-04-17", "2026-03-17")).isEmpty(); // 31 days after: too old to remind
    }

    @Test
    void theCalendarDecides_aHolidayMovesTheReminders() {
        // pretend Mon 16 March is a holiday: Thu 12 → Wed 18 is then Fri, Tue, Wed = D3
        Week holiday = new Week(Set.of(LocalDate.parse("2026-03-16")), Set.of());
        assertThat(ReminderStage.on(LocalDate.parse("2026-03-12"), LocalDate.parse("2026-03-18"), holiday))
                .contains(ReminderStage.D3);
        // and a worked Saturday (调休) counts: Fri 13 → Mon 16 with Sat 14 worked is two days
        Week adjusted = new Week(Set.of(), Set.of(LocalDate.parse("2026-03-14")));
        assertThat(ReminderStage.on(LocalDate.parse("2026-03-13"), LocalDate.parse("2026-03-16"), adjusted))
                .isEmpty();
    }

    @Test
    void farAheadAndOverdue_doNotAskTheCalendar() {
        ReminderStage.WorkingDays refuses = (from, to) -> fail("calendar asked for " + from + " → " + to);
        // more than a month ahead: a day the calendar may not know yet (2030) is never asked for
        assertThat(ReminderStage.on(LocalDate.parse("2026-03-12"), LocalDate.parse("2030-01-04"), refuses))
                .isEmpty();
        assertThat(ReminderStage.on(LocalDate.parse("2026-03-18"), LocalDate.parse("2026-03-17"), refuses))
                .contains(ReminderStage.OVERDUE);
        assertThat(ReminderStage.on(LocalDate.parse("2026-03-17"), LocalDate.parse("2026-03-17"), refuses))
                .isEmpty();
    }
}
