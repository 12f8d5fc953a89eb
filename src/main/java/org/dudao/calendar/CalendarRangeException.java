package org.dudao.calendar;

import java.time.LocalDate;
import org.dudao.shared.error.InvalidInputException;

/**
 * A date outside the years whose holiday schedule is maintained: the calendar cannot say whether it is a
 * working day, so it refuses instead of guessing (400, “日历数据只覆盖 2019–2026 年，2027-01-04 不在范围内……”).
 */
public class CalendarRangeException extends InvalidInputException {

    private final transient LocalDate day;
    private final int firstYear;
    private final int lastYear;

    /** The calendar holds no year at all. */
    public CalendarRangeException(LocalDate day) {
        super("date", "calendar.empty", String.valueOf(day));
        this.day = day;
        this.firstYear = 0;
        this.lastYear = 0;
    }

    public CalendarRangeException(LocalDate day, int firstYear, int lastYear) {
        super(
                "date",
                "calendar.outOfRange",
                String.valueOf(firstYear),
                String.valueOf(lastYear),
                String.valueOf(day),
                String.valueOf(day.getYear()));
        this.day = day;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    /** The first date the answer needed and the calendar does not cover. */
    public LocalDate day() {
        return day;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    /** For logs and callers outside a web request; pages and the API show the translated message. */
    @Override
    public String getMessage() {
        if (firstYear == 0) {
            return "尚未维护任何年度的节假日安排，无法判断 " + day + " / no holiday schedule maintained";
        }
        return "日历数据只覆盖 " + firstYear + "–" + lastYear + " 年，" + day + " 不在范围内，请先维护 " + day.getYear()
                + " 年节假日安排 / calendar data cover " + firstYear + "–" + lastYear + " only";
    }
}
