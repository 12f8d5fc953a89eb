package org.dudao.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.dudao.calendar.domain.CalendarService;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The calendar module's facade: Chinese working days (statutory holidays, adjusted working days 调休 and the
 * installation's local overrides) for deadlines such as “5 个工作日内”.
 *
 * <p>Answers come from memory (no query per call; {@code addWorkingDays} is a binary search, fast for any n).
 * A change made on this node is seen at once, one made on another node within 10 seconds. Every question whose
 * answer needs a date outside the maintained years ({@link #firstYear()}–{@link #lastYear()}, whole years) is
 * refused with {@link CalendarRangeException} (400 with a Chinese message when it reaches a user), never
 * answered by guess.
 */
@Service
public class CalendarApi {

    /** The largest n the REST API accepts for {@code addWorkingDays} (about 14 years). */
    public static final int MAX_ADD = 3650;

    private final CalendarService calendar;

    CalendarApi(CalendarService calendar) {
        this.calendar = calendar;
    }

    /** Whether the day is a working day; throws {@link CalendarRangeException} outside the data range. */
    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return calendar.calendar().isWorkingDay(day);
    }

    /**
     * The Nth working day after {@code from}; {@code from} itself does not count (n = 1: the next working day).
     *
     * @param n at least 1, otherwise {@link InvalidInputException}
     * @throws CalendarRangeException when {@code from} or a day the count needs is outside the data range
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        Objects.requireNonNull(from, "from");
        requireCount(n);
        return calendar.calendar().plusWorkingDays(from, n);
    }

    /**
     * The end of a window of n working days after {@code from}: 24:00 Asia/Shanghai at the end of {@link
     * #addWorkingDays(LocalDate, int)}, i.e. the start of the following day.
     */
    public Instant windowEnd(LocalDate from, int n) {
        Objects.requireNonNull(from, "from");
        requireCount(n);
        return calendar.calendar().windowEnd(from, n, ClockConfiguration.ZONE);
    }

    /** The number of working days d with from &lt; d &le; to; 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return calendar.calendar().workingDaysBetween(from, to);
    }

    /**
     * The warning to show while a schedule is missing: in December when next year's is not maintained yet, at
     * any time when the current year's is not. In the language of the current request, Chinese otherwise.
     */
    public Optional<String> missingNextYearWarning(LocalDate today) {
        Objects.requireNonNull(today, "today");
        Locale locale = LocaleContextHolder.getLocaleContext() != null
                        && LocaleContextHolder.getLocaleContext().getLocale() != null
                ? LocaleContextHolder.getLocale()
                : Locale.SIMPLIFIED_CHINESE;
        return calendar.missingYearWarning(today, locale);
    }

    private static void requireCount(int n) {
        if (n < 1 || n > MAX_ADD) {
            throw new InvalidInputException("add", "calendar.add.invalid", String.valueOf(MAX_ADD));
        }
    }

    /** The first year of the data range (0 when no year is maintained). */
    public int firstYear() {
        return calendar.calendar().firstYear();
    }

    /** The last year of the data range (0 when no year is maintained). */
    public int lastYear() {
        return calendar.calendar().lastYear();
    }
}
