package org.dudao.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Opaque random tokens (API bearer tokens, the setup link). Only their SHA-256 is stored, so a copy
 * of the database does not hand out working tokens.
 */
@Repository
public class TokenStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;

    public TokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void saveApiToken(String token, long accountId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql(
                        "insert into identity_api_token (token_hash, account_id, issued_at, expires_at) values (:h, :a, :i, :e)")
                .param("h", sha256(token))
                .param("a", accountId)
                .param("i", Timestamp.from(issuedAt))
                .param("e", Timestamp.from(expiresAt))
                .update();
    }

    /** The account of a token that is neither expired nor revoked. */
    public Optional<Long> accountOfApiToken(String token, Instant now) {
        return jdbc.sql("select account_id from identity_api_token where token_hash = :h and revoked_at is null"
                        + " and expires_at > :now")
                .param("h", sha256(token))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    public int revokeApiTokensOf(long accountId, Instant now) {
        return jdbc.sql("update identity_api_token set revoked_at = :now where account_id = :a and revoked_at is null")
                .param("a", accountId)
                .param("now", Timestamp.from(now))
                .update();
    }

    public void saveSetupToken(String token, Instant now, Instant expiresAt) {
        jdbc.sql("insert into identity_setup_token (token_hash, created_at, expires_at) values (:h, :c, :e)")
                .param("h", sha256(token))
                .param("c", Timestamp.from(now))
                .param("e", Timestamp.from(expiresAt))
                .update();
    }

    public boolean setupTokenValid(String token, Instant now) {
        if (token == null || token.isBlank()) {
            return false;
        }
        return jdbc.sql("select count(*) from identity_setup_token where token_hash = :h and used_at is null"
                                + " and expires_at > :now")
                        .param("h", sha256(token))
                        .param("now", Timestamp.from(now))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Marks the token used; false if it was not valid (already used, expired, unknown). */
    public boolean useSetupToken(String token, Instant now) {
        return jdbc.sql("update identity_setup_token set used_at = :now where token_hash = :h and used_at is null"
                                + " and expires_at > :now")
                        .param("h", sha256(token))
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }
}
