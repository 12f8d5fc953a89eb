package org.dudao.shared.audit;

/**
 * Published by any module on a change or a security-relevant act; the audit module writes it to the
 * hash-chained log in the same transaction. Before/after are snapshots (records or maps) serialised
 * to JSON by the audit module; they must never contain secrets.
 *
 * @param action dotted name, e.g. {@code organization.unit.update}, {@code identity.login}
 * @param actor who acted when it is not the signed-in user (failed logins, setup); null otherwise
 */
public record AuditEvent(
        String action,
        String objectType,
        String objectId,
        Outcome outcome,
        Object before,
        Object after,
        String detail,
        Actor actor) {

    public enum Outcome {
        SUCCESS,
        FAILURE,
        DENIED
    }

    /** An actor named explicitly (e.g. the username typed on a failed login). */
    public record Actor(Long accountId, String username, Long unitId, String roles) {}

    public static AuditEvent success(String action, String objectType, Object objectId, Object before, Object after) {
        return new AuditEvent(action, objectType, str(objectId), Outcome.SUCCESS, before, after, null, null);
    }

    public static AuditEvent denied(String action, String objectType, Object objectId, String detail) {
        return new AuditEvent(action, objectType, str(objectId), Outcome.DENIED, null, null, detail, null);
    }

    public AuditEvent withActor(Actor a) {
        return new AuditEvent(action, objectType, objectId, outcome, before, after, detail, a);
    }

    private static String str(Object id) {
        return id == null ? null : String.valueOf(id);
    }
}
