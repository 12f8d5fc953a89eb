package org.dudao.calendar.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.shared.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the shipped official schedules ({@link BuiltinSchedules}) into the database at start-up, each year only
 * when the database does not have it yet: a year the office entered itself is left as it is, and a release
 * that ships next year's schedule adds it on its first start. Runs before the application serves requests,
 * under the calendar's lock, so that several nodes starting together load each year once.
 */
@Component
class BuiltinScheduleLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BuiltinScheduleLoader.class);

    private final CalendarStore store;
    private final CalendarCache cache;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    BuiltinScheduleLoader(
            CalendarStore store,
            CalendarCache cache,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.store = store;
        this.cache = cache;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Integer> loaded = load(BuiltinSchedules.load());
        if (!loaded.isEmpty()) {
            log.info("工作日历：已载入 {} 年的官方节假日安排 / calendar: official schedules loaded for {}", loaded, loaded);
        }
    }

    /** Loads the shipped years the database lacks; returns them. */
    List<Integer> load(BuiltinSchedules builtin) {
        List<Integer> loaded = transaction.execute(tx -> {
            // the lock without a new revision: nothing changes for the other nodes unless a year is added
            jdbc.sql("select revision from calendar_revision where id = 1 for update")
                    .query(Long.class)
                    .single();
            WorkingCalendar cal = store.read();
            Set<Integer> present = new HashSet<>();
            cal.years().forEach(y -> present.add(y.year()));
            boolean empty = cal.isEmpty();
            int first = cal.firstYear();
            int last = cal.lastYear();
            List<HolidaySchedule> missing = builtin.years().stream()
                    .filter(y -> !present.contains(y.year()))
                    .sorted(Comparator.comparingInt(HolidaySchedule::year))
                    .toList();
            List<Integer> added = new ArrayList<>();
            // after the last year upwards, then before the first year downwards: the years stay contiguous
            for (HolidaySchedule y : missing) {
                if ((empty || y.year() == last + 1) && insert(y, builtin, cal)) {
                    added.add(y.year());
                    present.add(y.year());
                    first = empty ? y.year() : first;
                    last = y.year();
                    empty = false;
                }
            }
            for (int i = missing.size() - 1; i >= 0; i--) {
                HolidaySchedule y = missing.get(i);
                if (!present.contains(y.year()) && y.year() == first - 1 && insert(y, builtin, cal)) {
                    added.add(y.year());
                    present.add(y.year());
                    first = y.year();
                }
            }
            for (HolidaySchedule y : missing) {
                if (!present.contains(y.year())) {
                    log.warn(
                            "工作日历：内置的 {} 年安排与已有数据不连续，未载入 / calendar: shipped year {} not adjacent to"
                                    + " the maintained years, not loaded",
                            y.year(),
                            y.year());
                }
            }
            if (!added.isEmpty()) {
                store.lockForChange();
            }
            return added;
        });
        cache.invalidate();
        return loaded;
    }

    private boolean insert(HolidaySchedule y, BuiltinSchedules builtin, WorkingCalendar cal) {
        List<OfficialDay> days = builtin.daysOf(y.year());
        for (OfficialDay d : days) {
            if (cal.officialOn(d.date()).isPresent()) {
                log.warn(
                        "工作日历：内置的 {} 年安排中的 {} 已由其他年度的安排规定，该年未载入 / calendar: {} of shipped"
                                + " year {} already listed, year not loaded",
                        y.year(),
                        d.date(),
                        d.date(),
                        y.year());
                return false;
            }
        }
        store.insertYear(y, "system");
        store.insertDays(days, "system");
        events.publishEvent(AuditEvent.success(
                "calendar.year.load",
                CalendarService.YEAR_TYPE,
                y.year(),
                null,
                Map.of("source", y.source(), "days", days.size())));
        return true;
    }
}
