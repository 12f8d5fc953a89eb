package org.dudao.shared.notice;

import java.time.LocalDate;
import java.util.List;

/**
 * Implemented by a module (as a bean) for the deadlines it tracks; the notification module's reminder
 * job asks every such bean, on one node of the cluster at a time, for its open deadlines.
 *
 * <p>Open means: still to be done by the recipients. A source may leave out deadlines whose due day is
 * more than {@link #LOOKAHEAD_DAYS} days after {@code today} or more than {@link #LOOKBACK_DAYS} days
 * before it: no reminder falls there, and leaving them out keeps the hourly query cheap.
 */
public interface DeadlineSource {

    /**
     * Reminders come at most this many calendar days before the due day: three working days never span
     * more, even across the Spring Festival.
     */
    int LOOKAHEAD_DAYS = 31;

    /**
     * The overdue reminder is sent only within this many calendar days after the due day, so that old,
     * forgotten deadlines do not flood inboxes (e.g. when reminders are first switched on).
     */
    int LOOKBACK_DAYS = 30;

    List<Deadline> openDeadlines(LocalDate today);
}
