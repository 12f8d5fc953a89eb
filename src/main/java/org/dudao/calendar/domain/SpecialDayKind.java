package org.dudao.calendar.domain;

import java.util.Locale;
import java.util.Optional;

/** What a listed date is: a day off (放假) or a working day (上班). Stored as {@code kind} in the calendar tables. */
public enum SpecialDayKind {
    /** 放假: a day off, also when it falls on a weekend inside a holiday period. */
    HOLIDAY(false),
    /** 上班: a working day, for official data an adjusted working day (调休上班日) on a Saturday or Sunday. */
    WORKDAY(true);

    private final boolean working;

    SpecialDayKind(boolean working) {
        this.working = working;
    }

    public boolean working() {
        return working;
    }

    /** HOLIDAY or WORKDAY, case-insensitive; empty for anything else. */
    public static Optional<SpecialDayKind> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
