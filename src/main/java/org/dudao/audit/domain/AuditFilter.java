package org.dudao.audit.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.time.ClockConfiguration;

/**
 * What to look for in the audit log. Every criterion is optional.
 *
 * @param from first day (Beijing time), inclusive
 * @param to last day (Beijing time), inclusive
 * @param actor part of the actor's username, case-insensitive
 * @param actionPrefix start of the action, e.g. {@code identity.} or {@code organization.unit.update}
 * @param objectType exact object type
 * @param objectId exact object id
 * @param outcome exact outcome
 */
public record AuditFilter(
        LocalDate from,
        LocalDate to,
        String actor,
        String actionPrefix,
        String objectType,
        String objectId,
        AuditEvent.Outcome outcome) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    /** Start of {@link #from} in Beijing time, or null. */
    Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(ClockConfiguration.ZONE).toInstant();
    }

    /** Start of the day after {@link #to} in Beijing time (exclusive bound), or null. */
    Instant toExclusive() {
        return to == null
                ? null
                : to.plusDays(1).atStartOfDay(ClockConfiguration.ZONE).toInstant();
    }

    /** The criteria in one line, for the audit record of an export. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "from", from);
        add(parts, "to", to);
        add(parts, "actor", actor);
        add(parts, "action", actionPrefix);
        add(parts, "objectType", objectType);
        add(parts, "objectId", objectId);
        add(parts, "outcome", outcome);
        return parts.isEmpty() ? "all" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }
}
