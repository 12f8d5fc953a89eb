package org.dudao.shared.error;

import java.text.Normalizer;

/**
 * Server-side checks for free text typed by users: required, length, and characters that cannot be
 * stored honestly (U+FFFD from invalid UTF-8, control characters). HTML is allowed and always escaped
 * on output.
 */
public final class Texts {

    private Texts() {}

    /** A required single-line text: trimmed, 1..max characters. */
    public static String required(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v == null) {
            throw new InvalidInputException(field, "validation.required");
        }
        return v;
    }

    /** An optional single-line text: trimmed, null when blank, at most max characters. */
    public static String optional(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String v = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (v.isEmpty()) {
            return null;
        }
        checkCharacters(field, v, false);
        if (v.codePointCount(0, v.length()) > max) {
            throw new InvalidInputException(field, "validation.tooLong", max);
        }
        return v;
    }

    /** An optional multi-line text (line breaks and tabs allowed). */
    public static String multiline(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        checkCharacters(field, v, true);
        if (v.codePointCount(0, v.length()) > max) {
            throw new InvalidInputException(field, "validation.tooLong", max);
        }
        return v;
    }

    /** A required multi-line text; blank is refused with {@code validation.required}. */
    public static String requiredMultiline(String field, String value, int max) {
        return requiredMultiline(field, value, max, "validation.required");
    }

    /** A required multi-line text; blank is refused with the given message. */
    public static String requiredMultiline(String field, String value, int max, String messageKey) {
        String v = multiline(field, value, max);
        if (v == null) {
            throw new InvalidInputException(field, messageKey);
        }
        return v;
    }

    /**
     * A number typed into a form: null when blank; text that is not a decimal number is refused on the field
     * with the given message (e.g. "扣分须为数字").
     */
    public static java.math.BigDecimal decimal(String field, String value, String messageKey) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, messageKey);
        }
    }

    /**
     * A text for a title or a list: whitespace collapsed to single spaces, at most {@code max} characters
     * (code points, so a character is never split), the last one an ellipsis when cut; "" for null.
     */
    public static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", " ");
        return t.codePointCount(0, t.length()) <= max ? t : t.substring(0, t.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static void checkCharacters(String field, String v, boolean multiline) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\uFFFD') {
                throw new InvalidInputException(field, "validation.invalidEncoding");
            }
            boolean allowedControl = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowedControl) {
                throw new InvalidInputException(field, "validation.controlCharacter");
            }
        }
    }
}
