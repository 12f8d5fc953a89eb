package org.dudao.calendar.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.dudao.shared.time.ClockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Says in the log, at start-up and every morning, when next year's holiday schedule is still missing in
 * December (or this year's at all): deadlines in that year cannot be computed until the office enters it.
 * Every node logs it; the calendar page shows the same warning as a banner.
 */
@Component
class MissingScheduleWarning {

    private static final Logger log = LoggerFactory.getLogger(MissingScheduleWarning.class);

    private final CalendarService calendar;
    private final Clock clock;

    MissingScheduleWarning(CalendarService calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        check();
    }

    /** Every day at 09:00 Beijing time. */
    @Scheduled(cron = "0 0 9 * * *", zone = "Asia/Shanghai")
    void daily() {
        check();
    }

    Optional<String> check() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.ZONE);
        Optional<String> zh = calendar.missingYearWarning(today, Locale.SIMPLIFIED_CHINESE);
        zh.ifPresent(w -> log.warn(
                "{} / {}", w, calendar.missingYearWarning(today, Locale.ENGLISH).orElse("")));
        return zh;
    }
}
