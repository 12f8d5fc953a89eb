package org.dudao.calendar.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dudao.shared.text.CsvReader;

/**
 * The official schedules shipped with Dudao: {@code classpath:calendar/official-years.csv} (year, source,
 * note) and {@code calendar/official-days.csv} (date, kind, name, year, source, note). 2019–2024 were generated
 * once from cn.6tail lunar 1.3.14 (a test keeps them equal to it), 2025 and 2026 transcribed from the State
 * Council General Office notices; {@code calendar/README.md} says how and lists what the sources disagree on.
 */
public final class BuiltinSchedules {

    static final String YEARS = "calendar/official-years.csv";
    static final String DAYS = "calendar/official-days.csv";

    private final List<HolidaySchedule> years;
    private final List<OfficialDay> days;

    private BuiltinSchedules(List<HolidaySchedule> years, List<OfficialDay> days) {
        this.years = years;
        this.days = days;
    }

    /** Reads the shipped files; a malformed row fails with its line number (the data are part of the build). */
    public static BuiltinSchedules load() {
        List<HolidaySchedule> years = new ArrayList<>();
        int line = 1;
        for (Map<String, String> r : CsvReader.read(read(YEARS))) {
            line++;
            try {
                years.add(new HolidaySchedule(
                        Integer.parseInt(r.get("year").strip()),
                        r.get("source").strip(),
                        blankToNull(r.get("note")),
                        true));
            } catch (RuntimeException e) {
                throw new IllegalStateException(YEARS + " line " + line + ": " + r, e);
            }
        }
        List<OfficialDay> days = new ArrayList<>();
        line = 1;
        for (Map<String, String> r : CsvReader.read(read(DAYS))) {
            line++;
            try {
                days.add(new OfficialDay(
                        LocalDate.parse(r.get("date").strip()),
                        SpecialDayKind.parse(r.get("kind")).orElseThrow(),
                        r.get("name").strip(),
                        Integer.parseInt(r.get("year").strip()),
                        r.get("source").strip(),
                        blankToNull(r.get("note"))));
            } catch (RuntimeException e) {
                throw new IllegalStateException(DAYS + " line " + line + ": " + r, e);
            }
        }
        return new BuiltinSchedules(List.copyOf(years), List.copyOf(days));
    }

    public List<HolidaySchedule> years() {
        return years;
    }

    public List<OfficialDay> days() {
        return days;
    }

    /** The days of one year's schedule. */
    public List<OfficialDay> daysOf(int year) {
        return days.stream().filter(d -> d.year() == year).toList();
    }

    /** The shipped data alone, without local overrides. */
    public WorkingCalendar calendar() {
        return WorkingCalendar.of(years, days, List.of());
    }

    private static String read(String resource) {
        try (InputStream in = BuiltinSchedules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
