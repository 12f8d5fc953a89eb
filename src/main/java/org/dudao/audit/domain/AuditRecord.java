package org.dudao.audit.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.dudao.shared.time.ClockConfiguration;

/**
 * 审计记录: one stored row of {@code audit_record}, exactly as it is hashed. Values are clipped to the
 * column sizes before they are hashed, so that what is hashed is what is stored.
 *
 * @param seq position in the chain, 1, 2, 3, ... without gaps
 * @param outcome {@code SUCCESS}, {@code FAILURE} or {@code DENIED}
 * @param beforeData JSON snapshot before the change, or null
 * @param afterData JSON snapshot after the change, or null
 * @param prevHash the previous record's hash (64 zeros for the first record)
 * @param hash SHA-256 (hex) over {@code prevHash} and every other field, see {@link AuditHash}
 */
public record AuditRecord(
        long seq,
        Instant occurredAt,
        Long actorAccountId,
        String actorUsername,
        Long actorUnitId,
        String actorRoles,
        String action,
        String objectType,
        String objectId,
        String outcome,
        String clientAddress,
        String requestId,
        String beforeData,
        String afterData,
        String detail,
        String prevHash,
        String hash) {

    /** The hash the first record follows. */
    public static final String GENESIS = "0".repeat(64);

    // column sizes of audit_record (V003__audit_record.sql), in characters
    static final int USERNAME_MAX = 64;
    static final int ROLES_MAX = 200;
    static final int ACTION_MAX = 100;
    static final int OBJECT_TYPE_MAX = 64;
    static final int OBJECT_ID_MAX = 64;
    static final int OUTCOME_MAX = 16;
    static final int CLIENT_ADDRESS_MAX = 64;
    static final int REQUEST_ID_MAX = 64;
    static final int DETAIL_MAX = 2000;

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ClockConfiguration.ZONE);

    /** A record not yet in the chain: its values clipped to the columns, without seq and hashes. */
    static AuditRecord draft(
            Instant occurredAt,
            Long actorAccountId,
            String actorUsername,
            Long actorUnitId,
            String actorRoles,
            String action,
            String objectType,
            String objectId,
            String outcome,
            String clientAddress,
            String requestId,
            String beforeData,
            String afterData,
            String detail) {
        return new AuditRecord(
                0,
                occurredAt,
                actorAccountId,
                clip(actorUsername, USERNAME_MAX),
                actorUnitId,
                clip(actorRoles, ROLES_MAX),
                clip(action == null ? "unknown" : action, ACTION_MAX),
                clip(objectType, OBJECT_TYPE_MAX),
                clip(objectId, OBJECT_ID_MAX),
                clip(outcome, OUTCOME_MAX),
                clip(clientAddress, CLIENT_ADDRESS_MAX),
                clip(requestId, REQUEST_ID_MAX),
                storable(beforeData),
                storable(afterData),
                clip(detail, DETAIL_MAX),
                null,
                null);
    }

    /** This draft placed in the chain after {@code prevHash}, with its own hash. */
    AuditRecord chained(long seq, String prevHash) {
        AuditRecord linked = new AuditRecord(
                seq,
                occurredAt,
                actorAccountId,
                actorUsername,
                actorUnitId,
                actorRoles,
                action,
                objectType,
                objectId,
                outcome,
                clientAddress,
                requestId,
                beforeData,
                afterData,
                detail,
                prevHash,
                null);
        return linked.withHash(AuditHash.of(linked));
    }

    AuditRecord withHash(String newHash) {
        return new AuditRecord(
                seq,
                occurredAt,
                actorAccountId,
                actorUsername,
                actorUnitId,
                actorRoles,
                action,
                objectType,
                objectId,
                outcome,
                clientAddress,
                requestId,
                beforeData,
                afterData,
                detail,
                prevHash,
                newHash);
    }

    /** The time in Beijing time, {@code yyyy-MM-dd HH:mm:ss}, as pages and exports show it. */
    public String shownTime() {
        return SHOWN.format(occurredAt);
    }

    /** "unit #12" style label of the object, or null when the record names none. */
    public String shownObject() {
        if (objectType == null && objectId == null) {
            return null;
        }
        if (objectId == null) {
            return objectType;
        }
        return (objectType == null ? "" : objectType + " ") + "#" + objectId;
    }

    /**
     * A value PostgreSQL stores unchanged and cut to {@code max} characters (code points, as
     * {@code varchar(n)} counts them); a cut value ends with "…".
     */
    static String clip(String value, int max) {
        String v = storable(value);
        if (v == null || v.codePointCount(0, v.length()) <= max) {
            return v;
        }
        return v.substring(0, v.offsetByCodePoints(0, max - 1)) + "…";
    }

    /**
     * PostgreSQL rejects NUL in text and the driver cannot encode a lone surrogate: both become U+FFFD
     * here, before hashing, so that the stored text is the hashed text.
     */
    static String storable(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean bad;
            if (c == '\u0000') {
                bad = true;
            } else if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
            } else if (Character.isLowSurrogate(c)) {
                bad = i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
            } else {
                bad = false;
            }
            if (bad && sb == null) {
                sb = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (sb != null) {
                sb.append(bad ? '\uFFFD' : c);
            }
        }
        return sb == null ? value : sb.toString();
    }
}
