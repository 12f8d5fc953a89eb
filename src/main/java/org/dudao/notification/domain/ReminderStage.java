package org.dudao.notification.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.dudao.shared.notice.DeadlineSource;

/**
 * 提醒阶段: when a deadline's reminders fall. {@code D3} when three working days are left, {@code D1}
 * when one is left (the working days d with today &lt; d &lt;= due, counted by the working calendar),
 * {@code OVERDUE} on any day after the due day — each sent once per deadline (see {@link Reminders}).
 */
public enum ReminderStage {
    D3(3),
    D1(1),
    OVERDUE(0);

    private final int workingDaysLeft;

    ReminderStage(int workingDaysLeft) {
        this.workingDaysLeft = workingDaysLeft;
    }

    public int workingDaysLeft() {
        return workingDaysLeft;
    }

    /** Counts working days d with from &lt; d &lt;= to (the calendar's {@code workingDaysBetween}). */
    @FunctionalInterface
    public interface WorkingDays {
        int between(LocalDate from, LocalDate to);
    }

    /**
     * The reminder due on {@code today} for a deadline on {@code due}, if any.
     *
     * <ul>
     *   <li>Past the due day: {@code OVERDUE}, but only within {@link DeadlineSource#LOOKBACK_DAYS}
     *       calendar days of it, so that long-forgotten deadlines do not flood inboxes.
     *   <li>On the due day, or more than {@link DeadlineSource#LOOKAHEAD_DAYS} calendar days before it:
     *       nothing, without asking the calendar (three working days never span a month).
     *   <li>Otherwise {@code D3} or {@code D1} when exactly three or one working days are left.
     * </ul>
     */
    public static Optional<ReminderStage> on(LocalDate today, LocalDate due, WorkingDays calendar) {
        long days = ChronoUnit.DAYS.between(today, due);
        if (days < 0) {
            return -days <= DeadlineSource.LOOKBACK_DAYS ? Optional.of(OVERDUE) : Optional.empty();
        }
        if (days == 0 || days > DeadlineSource.LOOKAHEAD_DAYS) {
            return Optional.empty();
        }
        return switch (calendar.between(today, due)) {
            case 3 -> Optional.of(D3);
            case 1 -> Optional.of(D1);
            default -> Optional.empty();
        };
    }
}
