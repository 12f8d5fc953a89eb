package org.dudao.shared.notice;

import java.time.LocalDate;
import java.util.List;

/** Implemented by modules that track deadlines, so that reminders can be sent before they pass. */
public interface DeadlineSource {
    List<Deadline> openDeadlines(LocalDate today);
}
