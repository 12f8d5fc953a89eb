package org.dudao.identity.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.dudao.shared.error.InvalidInputException;

/**
 * Login names: compared after NFKC (full-width → half-width) and lower-casing, so that two accounts
 * cannot differ only in case or width.
 */
public final class Usernames {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

    private Usernames() {}

    /** The name as stored and shown: NFKC-normalised and trimmed, case kept (as printed). */
    public static String clean(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username", "validation.required");
        }
        String u = Normalizer.normalize(username, Normalizer.Form.NFKC).strip();
        if (!ALLOWED.matcher(u).matches()) {
            throw new InvalidInputException("username", "username.invalid");
        }
        return u;
    }

    /** The key two names are compared by. */
    public static String key(String username) {
        return username == null
                ? ""
                : Normalizer.normalize(username, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
