package org.dudao.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dudao.calendar.CalendarApi;
import org.dudao.calendar.domain.CalendarService;
import org.dudao.calendar.domain.DayInfo;
import org.dudao.calendar.domain.DayType;
import org.dudao.calendar.domain.HolidaySchedule;
import org.dudao.calendar.domain.LocalOverride;
import org.dudao.calendar.domain.OfficialDay;
import org.dudao.calendar.domain.OverrideCommand;
import org.dudao.calendar.domain.SpecialDayKind;
import org.dudao.calendar.domain.WorkingCalendar;
import org.dudao.calendar.domain.YearCommand;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar for API clients: questions for every business role, changes for the office. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "calendar", description = "工作日历 / working-day calendar")
class CalendarRestController {

    private final CalendarApi api;
    private final CalendarService calendar;
    private final Clock clock;

    CalendarRestController(CalendarApi api, CalendarService calendar, Clock clock) {
        this.api = api;
        this.calendar = calendar;
        this.clock = clock;
    }

    record Summary(
            int firstYear, int lastYear, List<YearSummary> years, List<LocalOverride> overrides, String warning) {}

    record YearSummary(int year, String source, String note, boolean builtin, long holidays, long workdays) {}

    record WorkingDayAnswer(LocalDate date) {}

    /**
     * One date: {@code kind} is WEEKDAY, REST_DAY, HOLIDAY (statutory day off), ADJUSTED_WORKDAY (调休上班),
     * LOCAL_HOLIDAY or LOCAL_WORKDAY; {@code name} the festival; {@code reason} the local override's reason.
     */
    record DayView(
            LocalDate date,
            boolean workingDay,
            DayType kind,
            String name,
            String source,
            String note,
            Long overrideId,
            String reason) {

        static DayView of(DayInfo d) {
            return new DayView(
                    d.date(),
                    d.working(),
                    d.type(),
                    d.official() == null ? null : d.official().name(),
                    d.official() == null ? null : d.official().source(),
                    d.official() == null ? null : d.official().note(),
                    d.override() == null ? null : d.override().id(),
                    d.override() == null ? null : d.override().reason());
        }
    }

    @Operation(summary = "数据范围、各年度来源与本地调整 / data range, years with their source, local overrides")
    @GetMapping
    @PreAuthorize("hasAuthority('calendar:calendar:read')")
    Summary summary(Locale locale) {
        WorkingCalendar cal = calendar.calendar();
        List<YearSummary> years = cal.years().stream().map(y -> summary(cal, y)).toList();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.ZONE);
        return new Summary(
                cal.firstYear(),
                cal.lastYear(),
                years,
                cal.overrides(),
                calendar.missingYearWarning(today, locale).orElse(null));
    }

    @Operation(
            summary = "某日之后第 N 个工作日（当日不计）/ the Nth working day after a date (the date itself does not"
                    + " count); 1 ≤ add ≤ 3650")
    @GetMapping("/working-days")
    @PreAuthorize("hasAuthority('calendar:calendar:read')")
    WorkingDayAnswer workingDays(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @RequestParam int add) {
        return new WorkingDayAnswer(api.addWorkingDays(from, add));
    }

    @Operation(summary = "某日是否工作日及原因 / whether a date is a working day, and why")
    @GetMapping("/days/{date}")
    @PreAuthorize("hasAuthority('calendar:calendar:read')")
    DayView day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return DayView.of(calendar.calendar().day(date));
    }

    @Operation(summary = "某年的节假日、调休上班日和本地调整 / a year's official days and local overrides")
    @GetMapping("/years/{year}")
    @PreAuthorize("hasAuthority('calendar:calendar:read')")
    CalendarService.YearView year(@PathVariable int year) {
        return calendar.year(year);
    }

    @Operation(
            summary = "录入新一年的节假日安排（考核办）/ add the next year's schedule (office): holidays and workdays"
                    + " lists of {date, name}; all or nothing")
    @PostMapping("/years")
    @PreAuthorize("hasAuthority('calendar:calendar:write')")
    CalendarService.YearView addYear(@RequestBody YearCommand command) {
        return calendar.addYear(command, CurrentUser.require());
    }

    @Operation(summary = "删除考核办录入的最后一年（考核办）/ delete the last office-entered year (office)")
    @DeleteMapping("/years/{year}")
    @PreAuthorize("hasAuthority('calendar:calendar:write')")
    ResponseEntity<Void> deleteYear(@PathVariable int year) {
        calendar.deleteYear(year, CurrentUser.require());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "新增本地调整（考核办）/ add a local override (office): {date, kind: HOLIDAY|WORKDAY, reason}")
    @PostMapping("/overrides")
    @PreAuthorize("hasAuthority('calendar:calendar:write')")
    LocalOverride addOverride(@RequestBody OverrideCommand command) {
        return calendar.addOverride(command, CurrentUser.require());
    }

    @Operation(summary = "删除本地调整（考核办）/ delete a local override (office)")
    @DeleteMapping("/overrides/{id}")
    @PreAuthorize("hasAuthority('calendar:calendar:write')")
    ResponseEntity<Void> deleteOverride(@PathVariable long id) {
        calendar.deleteOverride(id, CurrentUser.require());
        return ResponseEntity.noContent().build();
    }

    private static YearSummary summary(WorkingCalendar cal, HolidaySchedule y) {
        List<OfficialDay> days = cal.scheduleOf(y.year());
        return new YearSummary(
                y.year(),
                y.source(),
                y.note(),
                y.builtin(),
                days.stream().filter(d -> d.kind() == SpecialDayKind.HOLIDAY).count(),
                days.stream().filter(d -> d.kind() == SpecialDayKind.WORKDAY).count());
    }
}
