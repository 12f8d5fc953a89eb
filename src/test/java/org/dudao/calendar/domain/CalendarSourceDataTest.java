package org.dudao.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.nlf.calendar.Holiday;
import com.nlf.calendar.util.HolidayUtil;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped data against their sources: 2019–2024 must equal cn.6tail lunar 1.3.14 (from which they were
 * generated), 2025 and 2026 the table of PRODUCT.md (the State Council General Office notices), transcribed
 * again here by period.
 */
class CalendarSourceDataTest {

    static final BuiltinSchedules DATA = BuiltinSchedules.load();

    record Row(LocalDate date, SpecialDayKind kind, String name) {}

    static List<Row> shipped(int dateYear) {
        return DATA.days().stream()
                .filter(d -> d.date().getYear() == dateYear)
                .map(d -> new Row(d.date(), d.kind(), d.name()))
                .toList();
    }

    static List<Row> lunar(int year) {
        List<Row> rows = new ArrayList<>();
        for (Holiday h : HolidayUtil.getHolidays(year)) {
            rows.add(new Row(
                    LocalDate.parse(h.getDay()),
                    h.isWork() ? SpecialDayKind.WORKDAY : SpecialDayKind.HOLIDAY,
                    h.getName()));
        }
        return rows;
    }

    @Test
    void years2019To2024_equalTheLunarLibrary() {
        for (int y = 2019; y <= 2024; y++) {
            assertThat(lunar(y)).as("lunar has data for " + y).isNotEmpty();
            assertThat(shipped(y)).as("shipped " + y + " = lunar 1.3.14").containsExactlyElementsOf(lunar(y));
        }
    }

    @Test
    void eachDayBelongsToTheScheduleLunarNamesAsItsTarget() {
        // e.g. 2022-12-31 is a day of the 2023 New Year holiday: the 2023 notice decided it
        for (int y = 2019; y <= 2024; y++) {
            for (Holiday h : HolidayUtil.getHolidays(y)) {
                OfficialDay d = DATA.days().stream()
                        .filter(x -> x.date().toString().equals(h.getDay()))
                        .findFirst()
                        .orElseThrow();
                assertThat(d.year())
                        .as(h.getDay())
                        .isEqualTo(Integer.parseInt(h.getTarget().substring(0, 4)));
            }
        }
    }

    /** The lunar library stops at 2024; if a newer one knows 2025 or 2026, it must agree with the notices. */
    @Test
    void lunarHasNo2025Or2026Data_orAgreesWithTheNotices() {
        for (int y = 2025; y <= 2026; y++) {
            List<Row> fromLunar = lunar(y);
            if (!fromLunar.isEmpty()) {
                assertThat(fromLunar.stream()
                                .map(r -> r.date() + " " + r.kind())
                                .toList())
                        .isEqualTo(shipped(y).stream()
                                .map(r -> r.date() + " " + r.kind())
                                .toList());
            }
        }
    }

    @Test
    void years2025And2026_equalTheNoticesInProductMd() {
        List<Row> expected = new ArrayList<>();
        // 2025 (国办发明电〔2024〕12号)
        off(expected, "元旦", "2025-01-01", "2025-01-01");
        work(expected, "春节", "2025-01-26");
        off(expected, "春节", "2025-01-28", "2025-02-04");
        work(expected, "春节", "2025-02-08");
        off(expected, "清明节", "2025-04-04", "2025-04-06");
        work(expected, "劳动节", "2025-04-27");
        off(expected, "劳动节", "2025-05-01", "2025-05-05");
        off(expected, "端午节", "2025-05-31", "2025-06-02");
        work(expected, "国庆节、中秋节", "2025-09-28");
        off(expected, "国庆节、中秋节", "2025-10-01", "2025-10-08");
        work(expected, "国庆节、中秋节", "2025-10-11");
        // 2026 (notice of 2025-11-04)
        off(expected, "元旦", "2026-01-01", "2026-01-03");
        work(expected, "元旦", "2026-01-04");
        work(expected, "春节", "2026-02-14");
        off(expected, "春节", "2026-02-15", "2026-02-23");
        work(expected, "春节", "2026-02-28");
        off(expected, "清明节", "2026-04-04", "2026-04-06");
        off(expected, "劳动节", "2026-05-01", "2026-05-05");
        work(expected, "劳动节", "2026-05-09");
        off(expected, "端午节", "2026-06-19", "2026-06-21");
        work(expected, "国庆节", "2026-09-20");
        off(expected, "中秋节", "2026-09-25", "2026-09-27");
        off(expected, "国庆节", "2026-10-01", "2026-10-07");
        work(expected, "国庆节", "2026-10-10");
        List<Row> actual = new ArrayList<>(shipped(2025));
        actual.addAll(shipped(2026));
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void everyAdjustedWorkingDayIsASaturdayOrSunday_andNoDateIsListedTwice() {
        Set<LocalDate> seen = new HashSet<>();
        for (OfficialDay d : DATA.days()) {
            assertThat(seen.add(d.date())).as(d.date() + " listed once").isTrue();
            if (d.kind() == SpecialDayKind.WORKDAY) {
                assertThat(WorkingCalendar.isWeekend(d.date()))
                        .as(d.date() + " adjusted working day on a weekend")
                        .isTrue();
            }
        }
    }

    @Test
    void yearsAreContiguous_andEveryDayNamesItsScheduleAndNotice() {
        assertThat(DATA.years().stream().map(HolidaySchedule::year).toList())
                .containsExactly(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
        for (HolidaySchedule y : DATA.years()) {
            assertThat(y.source()).contains("国务院办公厅关于" + y.year() + "年部分节假日安排的通知");
            assertThat(DATA.daysOf(y.year())).as("days of " + y.year()).isNotEmpty();
        }
        for (OfficialDay d : DATA.days()) {
            assertThat(d.year()).isBetween(2019, 2026);
            assertThat(d.date().getYear()).isIn(d.year(), d.year() - 1);
            assertThat(d.source())
                    .as(d.date() + " source")
                    .startsWith("国务院办公厅关于")
                    .contains(String.valueOf(d.year()));
        }
    }

    /** What the sources disagree on is written into the data, not silently fixed. */
    @Test
    void amendmentsAndNamingDifferencesAreNoted() {
        assertThat(day("2020-02-01").note()).contains("原定上班取消");
        assertThat(day("2020-02-01").source()).contains("国办发明电〔2020〕1号");
        assertThat(day("2019-05-02").source()).contains("国办发明电〔2019〕3号");
        assertThat(day("2020-10-01").name()).isEqualTo("国庆中秋");
        assertThat(day("2020-10-01").note()).contains("国庆节、中秋节");
        assertThat(day("2023-09-29").note()).contains("中秋节、国庆节");
        assertThat(day("2022-12-31").year()).isEqualTo(2023);
    }

    static OfficialDay day(String date) {
        return DATA.days().stream()
                .filter(d -> d.date().toString().equals(date))
                .findFirst()
                .orElseThrow();
    }

    static void off(List<Row> rows, String name, String from, String to) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            rows.add(new Row(d, SpecialDayKind.HOLIDAY, name));
        }
    }

    static void work(List<Row> rows, String name, String day) {
        rows.add(new Row(LocalDate.parse(day), SpecialDayKind.WORKDAY, name));
    }
}
