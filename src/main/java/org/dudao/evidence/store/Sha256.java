package org.dudao.evidence.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/** SHA-256 names of blobs: lowercase hex, and the key {@code ab/cd/<sha256>} a blob is stored under. */
public final class Sha256 {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Sha256() {}

    /** Whether {@code value} is exactly 64 lowercase hex digits. */
    public static boolean isValid(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    /**
     * The value itself when {@link #isValid valid}, otherwise an {@link IllegalArgumentException}. Every path or object
     * key is built from a value that passed here, so no name can leave the store's directory.
     */
    public static String requireValid(String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(
                    "Not a lowercase hex SHA-256 (" + (value == null ? "null" : value.length() + " characters") + ")");
        }
        return value;
    }

    /** A new SHA-256 digest. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Lowercase hex of the bytes. */
    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** The hash of the bytes. */
    public static String of(byte[] bytes) {
        return hex(newDigest().digest(bytes));
    }

    /** The hash of a file's content, read in 64 KB pieces. */
    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /** The hash of everything the stream still supplies (the stream is not closed). */
    public static String of(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[Staging.BUFFER_BYTES];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, n);
        }
        return hex(digest.digest());
    }

    /** The key {@code ab/cd/<sha256>} (first two hex digits, next two, the whole hash) the blob is stored under. */
    public static String key(String sha256) {
        requireValid(sha256);
        return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    /** The hash a {@link #key key} names, or null when {@code key} is not exactly such a key. */
    public static String fromKey(String key) {
        if (key == null || key.length() != 70 || key.charAt(2) != '/' || key.charAt(5) != '/') {
            return null;
        }
        String sha256 = key.substring(6);
        return isValid(sha256) && key.startsWith(sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/")
                ? sha256
                : null;
    }
}
