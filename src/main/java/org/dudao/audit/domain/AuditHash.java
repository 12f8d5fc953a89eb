package org.dudao.audit.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of an audit record: SHA-256, lower-case hex, over a canonical byte string of the previous
 * record's hash and every stored field of the record, in column order.
 *
 * <p>Canonical form (version 1), so that the chain can be re-checked by any other tool: the text
 * {@code dudao-audit-v1}, then for each field either {@code N;} (null) or {@code S<n>:<bytes>;} where
 * {@code <bytes>} is the value in UTF-8 and {@code <n>} its length in bytes. The length prefix makes
 * the encoding unambiguous whatever the values contain, and null differs from the empty string
 * ({@code S0:;}). Fields: prev_hash, seq, occurred_at (microseconds since 1970-01-01T00:00Z),
 * actor_account_id, actor_username, actor_unit_id, actor_roles, action, object_type, object_id,
 * outcome, client_address, request_id, before_data, after_data, detail. Numbers are decimal text.
 */
public final class AuditHash {

    static final String VERSION = "dudao-audit-v1";

    private AuditHash() {}

    /** The hash {@code record} must carry; its own {@code hash} field is ignored. */
    public static String of(AuditRecord r) {
        Canonical c = new Canonical();
        c.field(VERSION);
        c.field(r.prevHash());
        c.field(Long.toString(r.seq()));
        c.field(r.occurredAt() == null ? null : Long.toString(epochMicros(r.occurredAt())));
        c.field(r.actorAccountId() == null ? null : r.actorAccountId().toString());
        c.field(r.actorUsername());
        c.field(r.actorUnitId() == null ? null : r.actorUnitId().toString());
        c.field(r.actorRoles());
        c.field(r.action());
        c.field(r.objectType());
        c.field(r.objectId());
        c.field(r.outcome());
        c.field(r.clientAddress());
        c.field(r.requestId());
        c.field(r.beforeData());
        c.field(r.afterData());
        c.field(r.detail());
        return HexFormat.of().formatHex(sha256(c.bytes()));
    }

    static long epochMicros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static final class Canonical {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

        void field(String value) {
            if (value == null) {
                ascii("N;");
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            ascii("S" + bytes.length + ":");
            out.writeBytes(bytes);
            ascii(";");
        }

        private void ascii(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
