package org.dudao.calendar.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dudao.calendar.CalendarRangeException;

/**
 * 工作日历: an immutable picture of the calendar — the maintained years, their official days and the local
 * overrides — answering working-day questions in constant or logarithmic time. Plain Java: built from rows, it
 * knows no database, so the same rules run in unit tests on the shipped data.
 *
 * <p>A date is a working day by the first rule that speaks about it: a local override, then the official
 * schedule (放假 / 调休上班), then the weekday (Monday to Friday work, Saturday and Sunday rest). The data range
 * is the first to the last maintained year, whole years; outside it every question is refused with {@link
 * CalendarRangeException}. Lookups use a running count of working days from the range's first day, so
 * "the Nth working day after D" is a binary search and "working days between" a subtraction.
 */
public final class WorkingCalendar {

    private final List<HolidaySchedule> years;
    private final Map<LocalDate, OfficialDay> official;
    private final Map<LocalDate, LocalOverride> overrides;
    private final LocalDate start;
    private final LocalDate end;
    /** cumulative[i] = number of working days in [start, start + i]. */
    private final int[] cumulative;

    private WorkingCalendar(
            List<HolidaySchedule> years,
            Map<LocalDate, OfficialDay> official,
            Map<LocalDate, LocalOverride> overrides) {
        this.years = years;
        this.official = official;
        this.overrides = overrides;
        if (years.isEmpty()) {
            start = null;
            end = null;
            cumulative = new int[0];
            return;
        }
        start = LocalDate.of(years.get(0).year(), 1, 1);
        end = LocalDate.of(years.get(years.size() - 1).year(), 12, 31);
        cumulative = new int[(int) ChronoUnit.DAYS.between(start, end) + 1];
        int count = 0;
        LocalDate d = start;
        for (int i = 0; i < cumulative.length; i++, d = d.plusDays(1)) {
            if (typeOf(d).working()) {
                count++;
            }
            cumulative[i] = count;
        }
    }

    /**
     * Builds the calendar. The years must be contiguous (a gap would make the range lie); official days and
     * overrides outside the range are kept for display but do not count.
     */
    public static WorkingCalendar of(
            List<HolidaySchedule> years, List<OfficialDay> officialDays, List<LocalOverride> localOverrides) {
        List<HolidaySchedule> sorted = new ArrayList<>(years);
        sorted.sort(Comparator.comparingInt(HolidaySchedule::year));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).year() != sorted.get(i - 1).year() + 1) {
                throw new IllegalStateException("calendar years are not contiguous: "
                        + sorted.get(i - 1).year() + " then " + sorted.get(i).year());
            }
        }
        Map<LocalDate, OfficialDay> byDate = new HashMap<>();
        for (OfficialDay d : officialDays) {
            OfficialDay earlier = byDate.put(d.date(), d);
            if (earlier != null) {
                throw new IllegalStateException("official date listed twice: " + d.date());
            }
        }
        Map<LocalDate, LocalOverride> overridesByDate = new HashMap<>();
        for (LocalOverride o : localOverrides) {
            if (overridesByDate.put(o.date(), o) != null) {
                throw new IllegalStateException("two overrides on " + o.date());
            }
        }
        return new WorkingCalendar(List.copyOf(sorted), Map.copyOf(byDate), Map.copyOf(overridesByDate));
    }

    public boolean isEmpty() {
        return years.isEmpty();
    }

    /** The first maintained year, 0 when none. */
    public int firstYear() {
        return isEmpty() ? 0 : start.getYear();
    }

    /** The last maintained year, 0 when none. */
    public int lastYear() {
        return isEmpty() ? 0 : end.getYear();
    }

    public List<HolidaySchedule> years() {
        return years;
    }

    public Optional<HolidaySchedule> year(int year) {
        return years.stream().filter(y -> y.year() == year).findFirst();
    }

    public boolean covers(LocalDate day) {
        return !isEmpty() && !day.isBefore(start) && !day.isAfter(end);
    }

    public boolean coversYear(int year) {
        return !isEmpty() && year >= firstYear() && year <= lastYear();
    }

    /** 是否工作日. */
    public boolean isWorkingDay(LocalDate day) {
        requireCovered(day);
        return typeOf(day).working();
    }

    /** What the calendar knows about the date. */
    public DayInfo day(LocalDate day) {
        requireCovered(day);
        return new DayInfo(day, typeOf(day), official.get(day), overrides.get(day));
    }

    /**
     * The Nth working day after {@code from} ({@code from} itself does not count): with n = 1 the next working
     * day. Refused when a day the count needs is outside the range.
     */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        requireFrom(from);
        long target = (long) countUpTo(from) + n;
        if (target > cumulative[cumulative.length - 1]) {
            throw range(end.plusDays(1));
        }
        int lo = index(from) + 1;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return start.plusDays(lo);
    }

    /**
     * The end of a window of n working days after {@code from}: midnight (24:00) at the end of {@link
     * #plusWorkingDays(LocalDate, int)} in the given zone, i.e. the start of the following day.
     */
    public Instant windowEnd(LocalDate from, int n, ZoneId zone) {
        return plusWorkingDays(from, n).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Number of working days d with from &lt; d &le; to; 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        requireFrom(from);
        if (to.isAfter(end)) {
            throw range(to);
        }
        return countUpTo(to) - countUpTo(from);
    }

    /**
     * The year whose schedule should already be maintained on {@code today} and is not: the current year when
     * it is missing, next year from December on.
     */
    public Optional<Integer> missingYear(LocalDate today) {
        if (isEmpty() || today.getYear() > lastYear()) {
            return Optional.of(today.getYear());
        }
        if (today.getMonth() == Month.DECEMBER && today.getYear() + 1 > lastYear()) {
            return Optional.of(today.getYear() + 1);
        }
        return Optional.empty();
    }

    /** The official days dated in the year (whatever schedule they belong to), by date. */
    public List<OfficialDay> officialDaysIn(int year) {
        return official.values().stream()
                .filter(d -> d.date().getYear() == year)
                .sorted(Comparator.comparing(OfficialDay::date))
                .toList();
    }

    /** The days of one year's schedule (notice), by date. */
    public List<OfficialDay> scheduleOf(int year) {
        return official.values().stream()
                .filter(d -> d.year() == year)
                .sorted(Comparator.comparing(OfficialDay::date))
                .toList();
    }

    public List<LocalOverride> overrides() {
        return overrides.values().stream()
                .sorted(Comparator.comparing(LocalOverride::date))
                .toList();
    }

    public List<LocalOverride> overridesIn(int year) {
        return overrides().stream().filter(o -> o.date().getYear() == year).toList();
    }

    public Optional<OfficialDay> officialOn(LocalDate day) {
        return Optional.ofNullable(official.get(day));
    }

    public Optional<LocalOverride> overrideOn(LocalDate day) {
        return Optional.ofNullable(overrides.get(day));
    }

    /** The date's type from the official schedule and the weekday alone, ignoring any local override. */
    public DayType officialTypeOf(LocalDate day) {
        OfficialDay o = official.get(day);
        if (o != null) {
            return o.kind() == SpecialDayKind.HOLIDAY ? DayType.HOLIDAY : DayType.ADJUSTED_WORKDAY;
        }
        return isWeekend(day) ? DayType.REST_DAY : DayType.WEEKDAY;
    }

    public static boolean isWeekend(LocalDate day) {
        DayOfWeek w = day.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }

    private DayType typeOf(LocalDate day) {
        LocalOverride o = overrides.get(day);
        if (o != null) {
            return o.kind() == SpecialDayKind.HOLIDAY ? DayType.LOCAL_HOLIDAY : DayType.LOCAL_WORKDAY;
        }
        return officialTypeOf(day);
    }

    /** Working days in [start, day]; 0 for the day before the range. */
    private int countUpTo(LocalDate day) {
        int i = index(day);
        return i < 0 ? 0 : cumulative[i];
    }

    private int index(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(start, day);
    }

    /** A count starting after {@code from} needs from + 1 in range: from may be the day before the range. */
    private void requireFrom(LocalDate from) {
        if (isEmpty()) {
            throw new CalendarRangeException(from);
        }
        if (from.isBefore(start.minusDays(1)) || from.isAfter(end)) {
            throw range(from);
        }
    }

    /** Refuses a date outside the maintained years with the Chinese range message. */
    void requireCovered(LocalDate day) {
        if (isEmpty()) {
            throw new CalendarRangeException(day);
        }
        if (!covers(day)) {
            throw range(day);
        }
    }

    private CalendarRangeException range(LocalDate day) {
        return new CalendarRangeException(day, firstYear(), lastYear());
    }
}
