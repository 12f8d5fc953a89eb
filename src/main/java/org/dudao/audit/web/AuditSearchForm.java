package org.dudao.audit.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.dudao.audit.domain.AuditFilter;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.Texts;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filter form of the audit log as typed (query parameters), kept as text so that the form shows
 * back what was entered and a bad value gets a message rather than a binding error.
 *
 * @param from first day, {@code yyyy-MM-dd}
 * @param to last day, {@code yyyy-MM-dd}
 * @param page 1-based page number
 */
public record AuditSearchForm(
        String from,
        String to,
        String actor,
        String action,
        String objectType,
        String objectId,
        String outcome,
        String page) {

    public static AuditSearchForm empty() {
        return new AuditSearchForm(null, null, null, null, null, null, null, null);
    }

    /** The checked criteria; throws {@link InvalidInputException} on a bad date or outcome. */
    public AuditFilter toFilter() {
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new InvalidInputException("to", "audit.error.range");
        }
        return new AuditFilter(
                fromDate,
                toDate,
                Texts.optional("actor", actor, 64),
                Texts.optional("action", action, 100),
                Texts.optional("objectType", objectType, 64),
                Texts.optional("objectId", objectId, 64),
                parsedOutcome());
    }

    /** The 0-based page asked for; anything that is not a positive number means the first page. */
    public int pageIndex() {
        if (page == null || page.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(page.strip()) - 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code /audit?…&page=n} with the same filters (n is 1-based). */
    public String pageUrl(int pageNumber) {
        return query("/audit").queryParam("page", pageNumber).build().encode().toUriString();
    }

    /** {@code /audit/export?…} with the same filters. */
    public String exportUrl() {
        return query("/audit/export").build().encode().toUriString();
    }

    private UriComponentsBuilder query(String path) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        param(b, "from", from);
        param(b, "to", to);
        param(b, "actor", actor);
        param(b, "action", action);
        param(b, "objectType", objectType);
        param(b, "objectId", objectId);
        param(b, "outcome", outcome);
        return b;
    }

    private static void param(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, value.strip());
        }
    }

    private AuditEvent.Outcome parsedOutcome() {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        try {
            return AuditEvent.Outcome.valueOf(outcome.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("outcome", "audit.error.outcome");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "audit.error.date");
        }
    }
}
