package org.dudao.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.dudao.calendar.CalendarRangeException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Working-day arithmetic on the shipped data, over the real 2025 and 2026 holiday periods (国办发明电〔2024〕12号
 * and the 2026 notice, as in PRODUCT.md). Each expectation is counted by hand in its comment; none is computed
 * with the code under test.
 */
class CalendarArithmeticTest {

    static final WorkingCalendar CAL = BuiltinSchedules.load().calendar();
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static void working(String... days) {
        for (String s : days) {
            assertThat(CAL.isWorkingDay(d(s))).as(s + " is a working day").isTrue();
        }
    }

    static void off(String... days) {
        for (String s : days) {
            assertThat(CAL.isWorkingDay(d(s))).as(s + " is a day off").isFalse();
        }
    }

    @Test
    void newYearsDay_oneDayWithoutAdjustment() {
        off("2025-01-01"); // Wednesday
        working("2024-12-31", "2025-01-02");
    }

    @Test
    void springFestival_0128To0204_withSunday0126AndSaturday0208Working() {
        working("2025-01-26", "2025-01-27", "2025-02-05", "2025-02-08");
        off("2025-01-25", "2025-01-28", "2025-01-31", "2025-02-01", "2025-02-03", "2025-02-04", "2025-02-09");
        assertThat(d("2025-01-26").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(CAL.day(d("2025-01-26")).type()).isEqualTo(DayType.ADJUSTED_WORKDAY);
        assertThat(CAL.day(d("2025-01-29")).official().name()).isEqualTo("春节");
    }

    @Test
    void qingming2025_0404To0406() {
        off("2025-04-04", "2025-04-05", "2025-04-06");
        working("2025-04-03", "2025-04-07");
    }

    @Test
    void labourDay_0501To0505_withSunday0427Working() {
        working("2025-04-27", "2025-04-30", "2025-05-06");
        off("2025-04-26", "2025-05-01", "2025-05-02", "2025-05-05");
    }

    @Test
    void dragonBoat_0531To0602() {
        off("2025-05-31", "2025-06-01", "2025-06-02");
        working("2025-05-30", "2025-06-03");
    }

    @Test
    void nationalDayAndMidAutumn_1001To1008_withSunday0928AndSaturday1011Working() {
        working("2025-09-28", "2025-09-30", "2025-10-09", "2025-10-10", "2025-10-11");
        off("2025-09-27", "2025-10-01", "2025-10-06", "2025-10-08", "2025-10-12");
        assertThat(CAL.day(d("2025-10-08")).type()).isEqualTo(DayType.HOLIDAY); // a Wednesday
    }

    @Test
    void newYearsDay_0101To0103_withSunday0104Working() {
        off("2026-01-01", "2026-01-02", "2026-01-03");
        working("2026-01-04", "2026-01-05");
    }

    @Test
    void springFestival_0215To0223_withSaturdays0214And0228Working() {
        working("2026-02-13", "2026-02-14", "2026-02-24", "2026-02-28");
        off("2026-02-15", "2026-02-16", "2026-02-20", "2026-02-23", "2026-02-21", "2026-03-01");
        assertThat(d("2026-02-14").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    }

    @Test
    void qingming2026_0404To0406() {
        off("2026-04-04", "2026-04-05", "2026-04-06");
        working("2026-04-03", "2026-04-07");
    }

    @Test
    void labourDay_0501To0505_withSaturday0509Working() {
        off("2026-05-01", "2026-05-04", "2026-05-05");
        working("2026-04-30", "2026-05-06", "2026-05-09");
        off("2026-05-10");
    }

    @Test
    void dragonBoat_0619To0621() {
        off("2026-06-19", "2026-06-20", "2026-06-21");
        working("2026-06-18", "2026-06-22");
    }

    @Test
    void midAutumn_0925To0927() {
        off("2026-09-25", "2026-09-26", "2026-09-27");
        working("2026-09-24", "2026-09-28");
    }

    @Test
    void nationalDay_1001To1007_withSunday0920AndSaturday1010Working() {
        working("2026-09-20", "2026-09-30", "2026-10-08", "2026-10-09", "2026-10-10", "2026-10-12");
        off("2026-09-19", "2026-10-01", "2026-10-05", "2026-10-07", "2026-10-11");
        assertThat(CAL.day(d("2026-10-10")).type()).isEqualTo(DayType.ADJUSTED_WORKDAY);
        assertThat(CAL.day(d("2026-10-10")).official().name()).isEqualTo("国庆节");
    }

    @Test
    void ordinaryDays_followTheWeekday() {
        working("2026-03-02", "2026-03-06");
        off("2026-03-07", "2026-03-08");
        assertThat(CAL.day(d("2026-03-07")).type()).isEqualTo(DayType.REST_DAY);
        assertThat(CAL.day(d("2026-03-02")).type()).isEqualTo(DayType.WEEKDAY);
    }

    @Test
    void fiveAfter20260930_isTuesday1013() {
        // 10-01..10-07 off; 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat adjusted (3), 10-11 Sun off,
        // 10-12 Mon (4), 10-13 Tue (5)
        assertThat(CAL.plusWorkingDays(d("2026-09-30"), 5)).isEqualTo(d("2026-10-13"));
        assertThat(CAL.plusWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
        assertThat(CAL.plusWorkingDays(d("2026-09-30"), 3)).isEqualTo(d("2026-10-10"));
        assertThat(CAL.plusWorkingDays(d("2026-09-30"), 4)).isEqualTo(d("2026-10-12"));
    }

    @Test
    void theStartDayDoesNotCount_evenWhenItIsAWorkingDay() {
        assertThat(CAL.plusWorkingDays(d("2026-03-02"), 1)).isEqualTo(d("2026-03-03"));
        // from a Friday: Saturday and Sunday skipped
        assertThat(CAL.plusWorkingDays(d("2026-03-06"), 1)).isEqualTo(d("2026-03-09"));
        // from a day off inside a holiday
        assertThat(CAL.plusWorkingDays(d("2026-10-03"), 1)).isEqualTo(d("2026-10-08"));
    }

    @Test
    void across2026MidAutumn_andTheSunday0920BeforeIt() {
        // from Fri 09-18: 09-19 Sat off, 09-20 Sun adjusted (1), 09-21 Mon (2)
        assertThat(CAL.plusWorkingDays(d("2026-09-18"), 1)).isEqualTo(d("2026-09-20"));
        assertThat(CAL.plusWorkingDays(d("2026-09-18"), 2)).isEqualTo(d("2026-09-21"));
        // from Thu 09-24: 09-25..09-27 off, 09-28 Mon (1)
        assertThat(CAL.plusWorkingDays(d("2026-09-24"), 1)).isEqualTo(d("2026-09-28"));
        // from Thu 09-24, 5 days: 09-28 (1), 09-29 (2), 09-30 (3), 10-01..07 off, 10-08 (4), 10-09 (5)
        assertThat(CAL.plusWorkingDays(d("2026-09-24"), 5)).isEqualTo(d("2026-10-09"));
    }

    @Test
    void across2025SpringFestival() {
        // from Fri 01-24: 01-25 Sat off, 01-26 Sun adjusted (1), 01-27 Mon (2), 01-28..02-04 off, 02-05 Wed (3)
        assertThat(CAL.plusWorkingDays(d("2025-01-24"), 1)).isEqualTo(d("2025-01-26"));
        assertThat(CAL.plusWorkingDays(d("2025-01-24"), 2)).isEqualTo(d("2025-01-27"));
        assertThat(CAL.plusWorkingDays(d("2025-01-24"), 3)).isEqualTo(d("2025-02-05"));
        // ... 02-06 Thu (4), 02-07 Fri (5), 02-08 Sat adjusted (6), 02-10 Mon (7)
        assertThat(CAL.plusWorkingDays(d("2025-01-24"), 6)).isEqualTo(d("2025-02-08"));
        assertThat(CAL.plusWorkingDays(d("2025-01-24"), 7)).isEqualTo(d("2025-02-10"));
    }

    @Test
    void across2026SpringFestival() {
        // from Fri 02-13: 02-14 Sat adjusted (1), 02-15..02-23 off, 02-24 Tue (2) .. 02-27 Fri (5), 02-28 Sat (6)
        assertThat(CAL.plusWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
        assertThat(CAL.plusWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
        assertThat(CAL.plusWorkingDays(d("2026-02-13"), 5)).isEqualTo(d("2026-02-27"));
        assertThat(CAL.plusWorkingDays(d("2026-02-13"), 6)).isEqualTo(d("2026-02-28"));
        assertThat(CAL.plusWorkingDays(d("2026-02-13"), 7)).isEqualTo(d("2026-03-02"));
    }

    @Test
    void acrossLabourDayAndQingming() {
        // 2025: from Fri 04-25: 04-26 Sat off, 04-27 Sun adjusted (1), 04-28 (2), 04-29 (3), 04-30 (4),
        // 05-01..05-05 off, 05-06 Tue (5)
        assertThat(CAL.plusWorkingDays(d("2025-04-25"), 1)).isEqualTo(d("2025-04-27"));
        assertThat(CAL.plusWorkingDays(d("2025-04-25"), 5)).isEqualTo(d("2025-05-06"));
        // 2026: from Thu 04-30: 05-06 (1), 05-07 (2), 05-08 (3), 05-09 Sat adjusted (4), 05-11 Mon (5)
        assertThat(CAL.plusWorkingDays(d("2026-04-30"), 4)).isEqualTo(d("2026-05-09"));
        assertThat(CAL.plusWorkingDays(d("2026-04-30"), 5)).isEqualTo(d("2026-05-11"));
        // 2026 Qingming: from Thu 04-02: 04-03 Fri (1), 04-04..04-06 off, 04-07 Tue (2)
        assertThat(CAL.plusWorkingDays(d("2026-04-02"), 2)).isEqualTo(d("2026-04-07"));
    }

    @Test
    void across2025NationalDay() {
        // from Fri 09-26: 09-27 Sat off, 09-28 Sun adjusted (1), 09-29 (2), 09-30 (3), 10-01..10-08 off,
        // 10-09 Thu (4), 10-10 Fri (5), 10-11 Sat adjusted (6), 10-13 Mon (7)
        assertThat(CAL.plusWorkingDays(d("2025-09-26"), 1)).isEqualTo(d("2025-09-28"));
        assertThat(CAL.plusWorkingDays(d("2025-09-26"), 4)).isEqualTo(d("2025-10-09"));
        assertThat(CAL.plusWorkingDays(d("2025-09-26"), 6)).isEqualTo(d("2025-10-11"));
        assertThat(CAL.plusWorkingDays(d("2025-09-26"), 7)).isEqualTo(d("2025-10-13"));
    }

    @Test
    void acrossTheYearEnd_2025To2026() {
        // from Wed 2025-12-31: 2026-01-01..01-03 off, 01-04 Sun adjusted (1), 01-05 Mon (2)
        assertThat(CAL.plusWorkingDays(d("2025-12-31"), 1)).isEqualTo(d("2026-01-04"));
        assertThat(CAL.plusWorkingDays(d("2025-12-31"), 2)).isEqualTo(d("2026-01-05"));
    }

    @Test
    void longSpans_agreeWithCountingDayByDay() {
        for (String from : List.of("2018-12-31", "2020-01-20", "2023-09-28", "2025-01-24", "2026-02-13")) {
            for (int n : new int[] {1, 2, 5, 10, 20, 100, 250, 300}) {
                LocalDate expected = d(from);
                int left = n;
                while (left > 0 && expected.isBefore(d("2026-12-31"))) {
                    expected = expected.plusDays(1);
                    if (CAL.isWorkingDay(expected)) {
                        left--;
                    }
                }
                if (left > 0) {
                    continue; // the count runs past the data: refused, see the range tests
                }
                assertThat(CAL.plusWorkingDays(d(from), n)).as(from + " + " + n).isEqualTo(expected);
                assertThat(CAL.workingDaysBetween(d(from), expected)).isEqualTo(n);
            }
        }
    }

    @Test
    void manyLongLookups_areQuick() {
        LocalDate start = d("2019-01-01");
        LocalDate last = null;
        long t0 = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            last = CAL.plusWorkingDays(start.plusDays(i % 1000), 400);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(last).isNotNull();
        // a binary search over running counts: well under a microsecond each; generous for a busy build machine
        assertThat(ms).as("ms for 100,000 lookups of 400 working days").isLessThan(3000);
    }

    @Test
    void nMustBeAtLeastOne() {
        assertThatThrownBy(() -> CAL.plusWorkingDays(d("2026-03-02"), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysPerYear_countedByHand() {
        // 2024: 366 days − 104 weekend days − 19 weekday holidays + 8 adjusted Saturdays/Sundays = 251
        assertThat(CAL.workingDaysBetween(d("2023-12-31"), d("2024-12-31"))).isEqualTo(251);
        // 2025: 365 − 104 − 18 (01-01; 01-28..31, 02-03, 02-04; 04-04; 05-01, 05-02, 05-05; 06-02;
        // 10-01..03, 10-06..08) + 5 (01-26, 02-08, 04-27, 09-28, 10-11) = 248
        assertThat(CAL.workingDaysBetween(d("2024-12-31"), d("2025-12-31"))).isEqualTo(248);
        // 2026: 365 − 104 − 19 (01-01, 01-02; 02-16..20, 02-23; 04-06; 05-01, 05-04, 05-05; 06-19; 09-25;
        // 10-01, 10-02, 10-05..07) + 6 (01-04, 02-14, 02-28, 05-09, 09-20, 10-10) = 248
        assertThat(CAL.workingDaysBetween(d("2025-12-31"), d("2026-12-31"))).isEqualTo(248);
    }

    @Test
    void betweenCountsAfterFromUpToAndIncludingTo() {
        // 10-08, 10-09, 10-10 (adjusted), 10-12
        assertThat(CAL.workingDaysBetween(d("2026-09-30"), d("2026-10-12"))).isEqualTo(4);
        assertThat(CAL.workingDaysBetween(d("2026-10-01"), d("2026-10-07"))).isZero();
        assertThat(CAL.workingDaysBetween(d("2026-10-12"), d("2026-10-12"))).isZero();
        assertThat(CAL.workingDaysBetween(d("2026-10-12"), d("2026-09-30"))).isZero();
    }

    @Test
    void isMidnightShanghaiAfterTheLastWorkingDay() {
        Instant end = CAL.windowEnd(d("2026-09-30"), 5, SHANGHAI);
        // 2026-10-13 ends at 24:00 Beijing time = 2026-10-14T00:00+08:00 = 16:00 UTC on the 13th
        assertThat(end).isEqualTo(Instant.parse("2026-10-13T16:00:00Z"));
        assertThat(CAL.windowEnd(d("2025-01-24"), 1, SHANGHAI)).isEqualTo(Instant.parse("2025-01-26T16:00:00Z"));
    }

    @Test
    void theRangeIs2019To2026() {
        assertThat(CAL.firstYear()).isEqualTo(2019);
        assertThat(CAL.lastYear()).isEqualTo(2026);
    }

    @Test
    void aDayAfterTheRange_isRefusedWithAClearChineseMessage() {
        assertThatThrownBy(() -> CAL.isWorkingDay(d("2027-01-04")))
                .isInstanceOfSatisfying(CalendarRangeException.class, e -> {
                    assertThat(e.day()).isEqualTo(d("2027-01-04"));
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(zh(e)).isEqualTo("日历数据只覆盖 2019–2026 年，2027-01-04 不在范围内，请先维护 2027 年节假日安排。");
                    assertThat(e.getMessage()).contains("2019–2026", "2027-01-04");
                });
    }

    @Test
    void aCountRunningPastTheRange_isRefused_notAnsweredFromWeekdays() {
        // 2026-12-28 Mon: 12-29, 12-30, 12-31 count, the 4th would be in 2027
        assertThat(CAL.plusWorkingDays(d("2026-12-28"), 3)).isEqualTo(d("2026-12-31"));
        assertThatThrownBy(() -> CAL.plusWorkingDays(d("2026-12-28"), 5))
                .isInstanceOfSatisfying(
                        CalendarRangeException.class, e -> assertThat(e.day()).isEqualTo(d("2027-01-01")));
        assertThatThrownBy(() -> CAL.plusWorkingDays(d("2026-12-31"), 1)).isInstanceOf(CalendarRangeException.class);
        assertThatThrownBy(() -> CAL.workingDaysBetween(d("2026-12-01"), d("2027-01-10")))
                .isInstanceOfSatisfying(
                        CalendarRangeException.class, e -> assertThat(e.day()).isEqualTo(d("2027-01-10")));
    }

    @Test
    void beforeTheRange() {
        assertThatThrownBy(() -> CAL.isWorkingDay(d("2018-12-31"))).isInstanceOf(CalendarRangeException.class);
        // the count may start on the day before the range: 2019-01-01 is off, 01-02 Wed the first working day
        assertThat(CAL.plusWorkingDays(d("2018-12-31"), 1)).isEqualTo(d("2019-01-02"));
        assertThatThrownBy(() -> CAL.plusWorkingDays(d("2018-12-30"), 1)).isInstanceOf(CalendarRangeException.class);
    }

    @Test
    void anEmptyCalendar_refusesEverything() {
        WorkingCalendar empty = WorkingCalendar.of(List.of(), List.of(), List.of());
        assertThatThrownBy(() -> empty.isWorkingDay(d("2026-03-02")))
                .isInstanceOfSatisfying(
                        CalendarRangeException.class, e -> assertThat(zh(e)).contains("尚未维护"));
        assertThat(empty.missingYear(d("2026-03-02"))).contains(2026);
    }

    static String zh(CalendarRangeException e) {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages/calendar");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m.getMessage(e.messageKey(), e.args(), Locale.SIMPLIFIED_CHINESE);
    }

    final BuiltinSchedules builtin = BuiltinSchedules.load();

    WorkingCalendar with(LocalOverride... overrides) {
        return WorkingCalendar.of(builtin.years(), builtin.days(), List.of(overrides));
    }

    @Test
    void aLocalDayOff_movesTheAnswers() {
        WorkingCalendar cal = with(new LocalOverride(1, d("2026-10-12"), SpecialDayKind.HOLIDAY, "本地放假", "x", null));
        assertThat(cal.isWorkingDay(d("2026-10-12"))).isFalse();
        assertThat(cal.day(d("2026-10-12")).type()).isEqualTo(DayType.LOCAL_HOLIDAY);
        // 10-08 (1), 10-09 (2), 10-10 (3), 10-13 (4), 10-14 (5)
        assertThat(cal.plusWorkingDays(d("2026-09-30"), 5)).isEqualTo(d("2026-10-14"));
    }

    @Test
    void aLocalWorkingDay_overridesAnOfficialHoliday() {
        WorkingCalendar cal = with(new LocalOverride(2, d("2026-10-07"), SpecialDayKind.WORKDAY, "本地值守", "x", null));
        assertThat(cal.day(d("2026-10-07")).type()).isEqualTo(DayType.LOCAL_WORKDAY);
        assertThat(cal.officialTypeOf(d("2026-10-07"))).isEqualTo(DayType.HOLIDAY);
        assertThat(cal.plusWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-07"));
    }

    @Test
    void warnsFromDecemberWhenNextYearIsMissing() {
        assertThat(CAL.missingYear(d("2026-11-30"))).isEmpty();
        assertThat(CAL.missingYear(d("2026-12-01"))).contains(2027);
        assertThat(CAL.missingYear(d("2026-12-31"))).contains(2027);
        assertThat(CAL.missingYear(d("2025-12-15"))).isEmpty(); // 2026 is there
    }

    @Test
    void warnsAllYearWhenThisYearIsMissing() {
        assertThat(CAL.missingYear(d("2027-01-05"))).contains(2027);
        assertThat(CAL.missingYear(d("2027-06-01"))).contains(2027);
    }
}
