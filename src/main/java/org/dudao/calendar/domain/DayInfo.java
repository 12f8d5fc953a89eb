package org.dudao.calendar.domain;

import java.time.LocalDate;

/**
 * Everything the calendar knows about one date.
 *
 * @param official the official schedule's entry for the date, or null
 * @param override the local override, or null; it decides over the official entry
 */
public record DayInfo(LocalDate date, DayType type, OfficialDay official, LocalOverride override) {

    public boolean working() {
        return type.working();
    }

    /** The festival's name, or the override's reason when only an override explains the day. */
    public String label() {
        if (official != null) {
            return official.name();
        }
        return override == null ? null : override.reason();
    }
}
