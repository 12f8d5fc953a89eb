package org.dudao.shared.notice;

import java.time.LocalDate;
import java.util.Set;

/**
 * A deadline some module tracks; the reminder job asks every {@link DeadlineSource} bean for its open
 * deadlines. {@code due} is the last day (the window ends 24:00 Asia/Shanghai of that day).
 */
public record Deadline(
        String kind,
        String objectKey,
        LocalDate due,
        String title,
        String link,
        Set<Long> unitIds,
        Set<String> roles,
        Set<Long> accountIds) {}
