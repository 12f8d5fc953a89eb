package org.dudao.survey.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one-time page token issued with the public form: {@code linkId.issuedAt.nonce.signature}, an
 * HMAC-SHA256 over the link, the time, a random nonce and the respondent's device cookie, with a key kept
 * in the database (so every node accepts a token another node issued). A post without a token, with a
 * token of another link or device, an altered or an expired one is refused; a nonce is accepted once
 * (stored with the response). It is also what keeps the public form safe from cross-site posts (the
 * token is bound to the device cookie, which another site can neither read nor set).
 */
@Component
public class PageTokens {

    static final Duration VALID = Duration.ofHours(4);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyStore store;
    private final TransactionTemplate own;
    private volatile byte[] key;

    PageTokens(SurveyStore store, PlatformTransactionManager transactions) {
        this.store = store;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A verified token: its nonce. */
    public record Verified(String nonce) {}

    public String issue(long linkId, String deviceHash, Instant now) {
        byte[] n = new byte[16];
        RANDOM.nextBytes(n);
        String payload = linkId + "." + now.getEpochSecond() + "." + b64(n);
        return payload + "." + b64(mac(payload + "|" + deviceHash));
    }

    /** The nonce of a valid token of this link and device, or null when the token is not valid. */
    public Verified verify(String token, long linkId, String deviceHash, Instant now) {
        if (token == null || token.length() > 200 || deviceHash == null) {
            return null;
        }
        String[] p = token.split("\\.", -1);
        if (p.length != 4) {
            return null;
        }
        String payload = p[0] + "." + p[1] + "." + p[2];
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(p[3]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!MessageDigest.isEqual(given, mac(payload + "|" + deviceHash))) {
            return null;
        }
        long issued;
        try {
            if (Long.parseLong(p[0]) != linkId) {
                return null;
            }
            issued = Long.parseLong(p[1]);
        } catch (NumberFormatException e) {
            return null;
        }
        Instant at = Instant.ofEpochSecond(issued);
        if (at.isAfter(now.plusSeconds(60)) || at.plus(VALID).isBefore(now)) {
            return null;
        }
        return new Verified(p[2]);
    }

    /** A keyed SHA-256 of a value (device cookie, client address): the value itself is never stored. */
    public String hash(String value) {
        return HexFormat.of().formatHex(mac("h|" + value));
    }

    private byte[] mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] candidate = new byte[32];
            RANDOM.nextBytes(candidate);
            k = own.execute(status -> store.secret(candidate));
            key = k;
        }
        return k;
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
