package org.dudao.calendar.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dudao.shared.error.InvalidInputException;

/**
 * The office's typing of a schedule on the calendar page, one period per line, as the notices write them:
 * {@code 2027-01-01 元旦} or {@code 2027-02-05~2027-02-11 春节} (also {@code 至}, {@code ～}, {@code ..}); empty
 * lines are skipped. A period spans at most 31 days.
 */
public final class ScheduleLines {

    static final int MAX_SPAN_DAYS = 31;

    private static final Pattern LINE = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:\\s*(?:~|～|至|\\.\\.|…)\\s*(\\d{4}-\\d{2}-\\d{2}))?[\\s,，、:：]+(\\S.*)");

    private ScheduleLines() {}

    /** The entries of the text, in the order typed; an unreadable line fails with its number. */
    public static List<YearCommand.DayEntry> parse(String text, String field) {
        List<YearCommand.DayEntry> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new InvalidInputException(field, "calendar.year.line", String.valueOf(i + 1), line);
            }
            try {
                LocalDate from = LocalDate.parse(m.group(1));
                LocalDate to = m.group(2) == null ? from : LocalDate.parse(m.group(2));
                if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_SPAN_DAYS) {
                    throw new InvalidInputException(
                            field, "calendar.year.span", String.valueOf(i + 1), line, String.valueOf(MAX_SPAN_DAYS));
                }
                String name = m.group(3).strip();
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    out.add(new YearCommand.DayEntry(d, name));
                }
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(field, "calendar.year.line", String.valueOf(i + 1), line);
            }
        }
        return out;
    }
}
