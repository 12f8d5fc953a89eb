package org.dudao.calendar.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dudao.calendar.domain.CalendarService;
import org.dudao.calendar.domain.DayInfo;
import org.dudao.calendar.domain.DayType;
import org.dudao.calendar.domain.HolidaySchedule;
import org.dudao.calendar.domain.LocalOverride;
import org.dudao.calendar.domain.OverrideCommand;
import org.dudao.calendar.domain.ScheduleLines;
import org.dudao.calendar.domain.WorkingCalendar;
import org.dudao.calendar.domain.YearCommand;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
import org.dudao.shared.web.Htmx;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 工作日历 page: a year's months with holidays, adjusted working days and local overrides, the warning while a
 * schedule is missing, and for the office the forms to add an override or the next year.
 */
@Controller
@RequestMapping("/calendar")
class CalendarController {

    static final String WRITE = "calendar:calendar:write";

    private final CalendarService calendar;
    private final MessageSource messages;
    private final Clock clock;

    CalendarController(CalendarService calendar, MessageSource messages, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    /** One square of the month grid; {@code info} is null for the days of the neighbouring months. */
    record Cell(LocalDate date, boolean inMonth, boolean today, DayInfo info) {

        public DayType type() {
            return info == null ? null : info.type();
        }

        public String css() {
            if (!inMonth || info == null) {
                return "text-body-tertiary";
            }
            return switch (info.type()) {
                case WEEKDAY -> "";
                case REST_DAY -> "text-body-secondary bg-body-tertiary";
                case HOLIDAY -> "bg-danger-subtle text-danger-emphasis";
                case ADJUSTED_WORKDAY -> "bg-warning-subtle text-warning-emphasis";
                case LOCAL_HOLIDAY -> "bg-danger-subtle text-danger-emphasis border border-2 border-primary";
                case LOCAL_WORKDAY -> "bg-info-subtle text-info-emphasis border border-2 border-primary";
            };
        }
    }

    record Month(int month, List<List<Cell>> weeks) {}

    @GetMapping
    @PreAuthorize("hasAuthority('calendar:calendar:read')")
    String page(@RequestParam(required = false) Integer year, Model model, Locale locale) {
        WorkingCalendar cal = calendar.calendar();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.ZONE);
        int shown = year != null && year >= 1949 && year <= 2200
                ? year
                : cal.coversYear(today.getYear()) || cal.isEmpty() ? today.getYear() : cal.lastYear();
        boolean covered = cal.coversYear(shown);
        CurrentUser user = CurrentUser.require();
        boolean mayWrite = user.permissions().contains(WRITE);
        HolidaySchedule schedule = cal.year(shown).orElse(null);
        model.addAttribute("calendar", cal);
        model.addAttribute("year", shown);
        model.addAttribute("covered", covered);
        model.addAttribute("schedule", schedule);
        model.addAttribute("months", covered ? months(cal, shown, today) : List.of());
        model.addAttribute("days", covered ? cal.officialDaysIn(shown) : List.of());
        model.addAttribute("overrides", covered ? cal.overridesIn(shown) : List.<LocalOverride>of());
        model.addAttribute("warning", calendar.missingYearWarning(today, locale).orElse(null));
        model.addAttribute("mayWrite", mayWrite);
        model.addAttribute("nextYear", cal.isEmpty() ? today.getYear() : cal.lastYear() + 1);
        model.addAttribute(
                "mayDeleteYear", mayWrite && schedule != null && !schedule.builtin() && shown == cal.lastYear());
        model.addAttribute("weekdays", List.of(DayOfWeek.values()));
        return "calendar/calendar";
    }

    @PostMapping("/overrides")
    @PreAuthorize("hasAuthority('calendar:calendar:write')")
    void addOverride(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        LocalOverride o = calendar.addOverride(new OverrideCommand(date, kind, reason), CurrentUser.require());
        back(o.date().getYear(), "calendar.override.saved", request, response, locale);
    }

    @PostMapping("/overrides/{id}/delete")
    @PreAuthorize("hasAuthority('calendar:calendar:write')")
    void deleteOverride(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        LocalOverride o = calendar.deleteOverride(id, CurrentUser.require());
        back(o.date().getYear(), "calendar.override.deleted", request, response, locale);
    }

    @PostMapping("/years")
    @PreAuthorize("hasAuthority('calendar:calendar:write')")
    void addYear(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String holidays,
            @RequestParam(required = false) String workdays,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        YearCommand command = new YearCommand(
                year,
                source,
                note,
                ScheduleLines.parse(holidays, "holidays"),
                ScheduleLines.parse(workdays, "workdays"));
        calendar.addYear(command, CurrentUser.require());
        back(year, "calendar.year.saved", request, response, locale);
    }

    @PostMapping("/years/{year}/delete")
    @PreAuthorize("hasAuthority('calendar:calendar:write')")
    void deleteYear(@PathVariable int year, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        calendar.deleteYear(year, CurrentUser.require());
        back(year - 1, "calendar.year.deleted", request, response, locale);
    }

    private void back(int year, String key, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        Htmx.redirect(request, response, "/calendar?year=" + year, messages.getMessage(key, null, locale));
    }

    /** The year's twelve months, weeks from Monday to Sunday. */
    static List<Month> months(WorkingCalendar cal, int year, LocalDate today) {
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate first = LocalDate.of(year, m, 1);
            LocalDate last = first.with(TemporalAdjusters.lastDayOfMonth());
            LocalDate d = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            List<List<Cell>> weeks = new ArrayList<>();
            while (!d.isAfter(last)) {
                List<Cell> week = new ArrayList<>(7);
                for (int i = 0; i < 7; i++, d = d.plusDays(1)) {
                    boolean in = d.getMonthValue() == m;
                    week.add(new Cell(d, in, d.equals(today), in ? cal.day(d) : null));
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        return months;
    }
}
