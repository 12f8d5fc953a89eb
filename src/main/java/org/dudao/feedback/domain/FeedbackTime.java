package org.dudao.feedback.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.dudao.calendar.CalendarApi;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.stereotype.Component;

/**
 * Windows in working days, on the database's clock (every node agrees on the time): a window of N
 * working days from day D ends at 24:00 Asia/Shanghai of the Nth working day after D (D itself does
 * not count).
 */
@Component
public class FeedbackTime {

    private final DatabaseTime time;
    private final CalendarApi calendar;

    FeedbackTime(DatabaseTime time, CalendarApi calendar) {
        this.time = time;
        this.calendar = calendar;
    }

    public Instant now() {
        return time.now();
    }

    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ClockConfiguration.ZONE);
    }

    /** The last day of a window of {@code days} working days starting after {@code from}. */
    public LocalDate due(LocalDate from, int days) {
        return calendar.addWorkingDays(from, days);
    }

    /** Whether the window whose last day is {@code due} is still open at {@code now}. */
    public static boolean open(LocalDate due, Instant now) {
        return !day(now).isAfter(due);
    }
}
