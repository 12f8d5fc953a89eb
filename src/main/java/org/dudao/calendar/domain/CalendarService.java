package org.dudao.calendar.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dudao.calendar.CalendarRangeException;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the calendar and the office's changes to it: a newly announced year, local overrides. Every change
 * takes the calendar's lock ({@link CalendarStore#lockForChange()}), checks against the calendar as it is in
 * the database (not the cached picture, which may be seconds old on this node), writes all or nothing, is
 * audited, and refreshes the cache when it commits.
 */
@Service
public class CalendarService {

    static final String YEAR_TYPE = "calendar-year";
    static final String OVERRIDE_TYPE = "calendar-override";
    static final int MAX_DAYS_PER_LIST = 120;
    static final int MAX_SOURCE = 500;
    static final int MAX_NAME = 50;
    static final int MAX_REASON = 200;
    static final int MAX_NOTE = 2000;

    private final CalendarStore store;
    private final CalendarCache cache;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    CalendarService(
            CalendarStore store, CalendarCache cache, ApplicationEventPublisher events, MessageSource messages) {
        this.store = store;
        this.cache = cache;
        this.events = events;
        this.messages = messages;
    }

    /** The calendar as this node knows it (see {@link CalendarCache} for how fresh). */
    public WorkingCalendar calendar() {
        return cache.current();
    }

    /** One year: its schedule's source, the official days dated in it and its overrides. */
    public YearView year(int year) {
        WorkingCalendar cal = calendar();
        HolidaySchedule y = cal.year(year).orElseThrow(() -> yearOutOfRange(cal, year));
        return new YearView(
                y.year(), y.source(), y.note(), y.builtin(), cal.officialDaysIn(year), cal.overridesIn(year));
    }

    /** The warning to show when a schedule that should be maintained by {@code today} is missing. */
    public Optional<String> missingYearWarning(LocalDate today, Locale locale) {
        WorkingCalendar cal = calendar();
        return cal.missingYear(today).map(year -> {
            String last = cal.isEmpty() ? "—" : String.valueOf(cal.lastYear());
            String key = year == today.getYear() ? "calendar.warning.thisYear" : "calendar.warning.nextYear";
            return messages.getMessage(key, new Object[] {String.valueOf(year), last}, locale);
        });
    }

    /** 新增本地调整: a local day off or working day. */
    @Transactional
    public LocalOverride addOverride(OverrideCommand c, CurrentUser user) {
        if (c.date() == null) {
            throw new InvalidInputException("date", "calendar.override.date");
        }
        SpecialDayKind kind = SpecialDayKind.parse(c.kind())
                .orElseThrow(() -> new InvalidInputException("kind", "calendar.override.kind"));
        if (c.reason() == null || c.reason().isBlank()) {
            throw new InvalidInputException("reason", "calendar.override.reason");
        }
        String reason = Texts.required("reason", c.reason(), MAX_REASON);
        LocalDate date = c.date();
        store.lockForChange();
        WorkingCalendar cal = store.read();
        cal.requireCovered(date);
        Optional<LocalOverride> existing = cal.overrideOn(date);
        if (existing.isPresent()) {
            LocalOverride e = existing.get();
            if (e.kind() == kind) {
                throw new ConflictException("date", "calendar.override.duplicate", date.toString(), e.reason());
            }
            // the same day both off and working: refused, and the attempt is kept in the audit log
            events.publishEvent(new AuditEvent(
                    "calendar.override.create",
                    OVERRIDE_TYPE,
                    String.valueOf(e.id()),
                    AuditEvent.Outcome.FAILURE,
                    e,
                    Map.of("date", date.toString(), "kind", kind.name(), "reason", reason),
                    "contradicts override " + e.id(),
                    null));
            throw new InvalidInputException(
                    "kind", "calendar.override.contradicts." + e.kind().name(), date.toString(), e.reason());
        }
        if (cal.officialTypeOf(date).working() == kind.working()) {
            String name = cal.officialOn(date).map(OfficialDay::name).orElse("");
            throw new InvalidInputException(
                    "kind",
                    "calendar.override.redundant." + kind.name() + (name.isEmpty() ? "" : ".named"),
                    date.toString(),
                    name);
        }
        long id = store.insertOverride(date, kind, reason, user.username());
        LocalOverride created = store.read().overrideOn(date).orElseThrow();
        events.publishEvent(AuditEvent.success("calendar.override.create", OVERRIDE_TYPE, id, null, created));
        cache.invalidateAfterCommit();
        return created;
    }

    /** 删除本地调整. */
    @Transactional
    public LocalOverride deleteOverride(long id, CurrentUser user) {
        store.lockForChange();
        LocalOverride o = store.read().overrides().stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException(OVERRIDE_TYPE, id));
        store.deleteOverride(id);
        events.publishEvent(AuditEvent.success("calendar.override.delete", OVERRIDE_TYPE, id, o, null));
        cache.invalidateAfterCommit();
        return o;
    }

    /**
     * 录入新一年的节假日安排. Only the year after the last maintained one (the data stay contiguous); every
     * date is checked first and nothing is saved if one is wrong.
     */
    @Transactional
    public YearView addYear(YearCommand c, CurrentUser user) {
        if (c.year() == null) {
            throw new InvalidInputException("year", "calendar.year.required");
        }
        int year = c.year();
        if (c.source() == null || c.source().isBlank()) {
            throw new InvalidInputException("source", "calendar.year.source");
        }
        String source = Texts.required("source", c.source(), MAX_SOURCE);
        String note = Texts.multiline("note", c.note(), MAX_NOTE);
        List<YearCommand.DayEntry> holidays = c.holidays() == null ? List.of() : c.holidays();
        List<YearCommand.DayEntry> workdays = c.workdays() == null ? List.of() : c.workdays();
        if (holidays.isEmpty()) {
            throw new InvalidInputException("holidays", "calendar.year.noHoliday");
        }
        if (holidays.size() > MAX_DAYS_PER_LIST || workdays.size() > MAX_DAYS_PER_LIST) {
            throw new InvalidInputException("holidays", "calendar.year.tooMany", String.valueOf(MAX_DAYS_PER_LIST));
        }
        store.lockForChange();
        WorkingCalendar cal = store.read();
        if (cal.year(year).isPresent()) {
            throw new ConflictException("year", "calendar.year.exists", String.valueOf(year));
        }
        if (!cal.isEmpty() && year != cal.lastYear() + 1) {
            throw new InvalidInputException(
                    "year",
                    "calendar.year.notNext",
                    String.valueOf(cal.lastYear() + 1),
                    String.valueOf(cal.firstYear()),
                    String.valueOf(cal.lastYear()));
        }
        Map<LocalDate, SpecialDayKind> seen = new HashMap<>();
        List<OfficialDay> days = new ArrayList<>();
        for (SpecialDayKind kind : SpecialDayKind.values()) {
            String field = kind == SpecialDayKind.HOLIDAY ? "holidays" : "workdays";
            for (YearCommand.DayEntry e : kind == SpecialDayKind.HOLIDAY ? holidays : workdays) {
                if (e == null || e.date() == null) {
                    throw new InvalidInputException(field, "calendar.year.dateRequired");
                }
                LocalDate date = e.date();
                boolean previousDecember =
                        date.getYear() == year - 1 && date.getMonth() == Month.DECEMBER && cal.covers(date);
                if (date.getYear() != year && !previousDecember) {
                    throw new InvalidInputException(
                            field, "calendar.year.dateOutside", date.toString(), String.valueOf(year));
                }
                SpecialDayKind earlier = seen.put(date, kind);
                if (earlier == kind) {
                    throw new InvalidInputException(field, "calendar.year.duplicate." + kind.name(), date.toString());
                }
                if (earlier != null) {
                    throw new InvalidInputException(field, "calendar.year.overlap", date.toString());
                }
                if (kind == SpecialDayKind.WORKDAY && !WorkingCalendar.isWeekend(date)) {
                    throw new InvalidInputException(field, "calendar.year.workdayOnWeekday", date.toString());
                }
                Optional<OfficialDay> other = cal.officialOn(date);
                if (other.isPresent()) {
                    throw new InvalidInputException(
                            field,
                            "calendar.year.alreadyOfficial",
                            date.toString(),
                            String.valueOf(other.get().year()),
                            other.get().name());
                }
                if (e.name() == null || e.name().isBlank()) {
                    throw new InvalidInputException(field, "calendar.year.name", date.toString());
                }
                String name = Texts.required(field, e.name(), MAX_NAME);
                days.add(new OfficialDay(date, kind, name, year, source, null));
            }
        }
        days.sort(Comparator.comparing(OfficialDay::date));
        HolidaySchedule y = new HolidaySchedule(year, source, note, false);
        store.insertYear(y, user.username());
        store.insertDays(days, user.username());
        events.publishEvent(AuditEvent.success("calendar.year.create", YEAR_TYPE, year, null, snapshot(y, days)));
        cache.invalidateAfterCommit();
        WorkingCalendar after = store.read();
        return new YearView(year, source, note, false, after.officialDaysIn(year), after.overridesIn(year));
    }

    /**
     * Deletes a year the office entered (to correct a mistake): only the last one, without overrides. Shipped
     * years cannot be deleted; a correction to them is a local override.
     */
    @Transactional
    public void deleteYear(int year, CurrentUser user) {
        store.lockForChange();
        WorkingCalendar cal = store.read();
        HolidaySchedule y = cal.year(year).orElseThrow(() -> new NotFoundException(YEAR_TYPE, year));
        if (y.builtin()) {
            throw new ConflictException("year", "calendar.year.builtin", String.valueOf(year));
        }
        if (year != cal.lastYear()) {
            throw new ConflictException("year", "calendar.year.notLast", String.valueOf(cal.lastYear()));
        }
        int overrides = cal.overridesIn(year).size();
        if (overrides > 0) {
            throw new ConflictException(
                    "year", "calendar.year.hasOverrides", String.valueOf(year), String.valueOf(overrides));
        }
        Map<String, Object> before = snapshot(y, cal.scheduleOf(year));
        store.deleteYear(year);
        events.publishEvent(AuditEvent.success("calendar.year.delete", YEAR_TYPE, year, before, null));
        cache.invalidateAfterCommit();
    }

    static Map<String, Object> snapshot(HolidaySchedule y, List<OfficialDay> days) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", y.year());
        m.put("source", y.source());
        m.put("note", y.note());
        m.put("builtin", y.builtin());
        m.put(
                "holidays",
                days.stream()
                        .filter(d -> d.kind() == SpecialDayKind.HOLIDAY)
                        .map(d -> d.date() + " " + d.name())
                        .toList());
        m.put(
                "workdays",
                days.stream()
                        .filter(d -> d.kind() == SpecialDayKind.WORKDAY)
                        .map(d -> d.date() + " " + d.name())
                        .toList());
        return m;
    }

    private static InvalidInputException yearOutOfRange(WorkingCalendar cal, int year) {
        if (cal.isEmpty()) {
            return new CalendarRangeException(LocalDate.of(year, 1, 1));
        }
        return new InvalidInputException(
                "year",
                "calendar.yearOutOfRange",
                String.valueOf(cal.firstYear()),
                String.valueOf(cal.lastYear()),
                String.valueOf(year));
    }

    /** A year as the API and the page show it. */
    public record YearView(
            int year,
            String source,
            String note,
            boolean builtin,
            List<OfficialDay> days,
            List<LocalOverride> overrides) {}
}
