package org.dudao.evidence.inspect;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Names of uploaded files: what to show and offer for download, and their extensions. */
public final class FileNames {

    /** Shown when nothing usable is left of a name. */
    public static final String UNNAMED = "未命名";

    /** Longest display name, in characters (code points). */
    public static final int MAX_LENGTH = 120;

    private static final String WINDOWS_FORBIDDEN = "<>:\"|?*";
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");
    private static final Pattern DEVICE_NAME = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");

    private FileNames() {}

    /**
     * The name to show and to offer for download: only the last path segment (after {@code /} or {@code \}),
     * NFC-normalised, without control and format characters (bidi overrides such as U+202E, zero-width characters),
     * runs of white space collapsed, Windows-forbidden characters ({@code <>:"|?*}) replaced by {@code _}, dots and
     * spaces trimmed at both ends, at most {@value #MAX_LENGTH} characters keeping the extension; {@value #UNNAMED}
     * when nothing is left.
     */
    public static String displayName(String original) {
        if (original == null) {
            return UNNAMED;
        }
        String segment = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        String name = trim(clean(Normalizer.normalize(segment, Normalizer.Form.NFC)));
        int dot = name.indexOf('.');
        if (DEVICE_NAME.matcher(dot < 0 ? name : name.substring(0, dot)).matches()) {
            name = "_" + name;
        }
        name = limit(name, MAX_LENGTH);
        return name.isEmpty() ? UNNAMED : name;
    }

    /**
     * The final extension, lowercase and without the dot; "" when there is none. Only 1 to 10 ASCII letters or digits
     * count as an extension, so in {@code 会议纪要 v1.0 定稿} nothing does.
     */
    public static String extension(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot < Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'))) {
            return "";
        }
        String extension = name.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
        return EXTENSION.matcher(extension).matches() ? extension : "";
    }

    /**
     * The dot-separated parts between the base name and the final extension, lowercase and stripped: {@code [exe]} for
     * {@code 通知.exe.pdf}, {@code [tar]} for {@code a.tar.zip}. When the name has no {@link #extension extension},
     * every part after the base name counts.
     */
    public static List<String> innerExtensions(String name) {
        if (name == null) {
            return List.of();
        }
        String segment = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String[] parts = segment.split("\\.", -1);
        int end = extension(segment).isEmpty() ? parts.length : parts.length - 1;
        List<String> inner = new ArrayList<>();
        for (int i = 1; i < end; i++) {
            String part = parts[i].strip().toLowerCase(Locale.ROOT);
            if (!part.isEmpty()) {
                inner.add(part);
            }
        }
        return inner;
    }

    /** {@code name} with {@code .extension} appended, shortened if need be to stay within the length limit. */
    static String withExtension(String name, String extension) {
        return limit(name + "." + extension, MAX_LENGTH);
    }

    /** Drops control, format and lone surrogate characters; maps white space and forbidden characters. */
    private static String clean(String name) {
        StringBuilder out = new StringBuilder(name.length());
        int spaces = 0;
        int lastSpace = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) { // tabs and line breaks included
                spaces++;
                lastSpace = cp;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
                continue;
            }
            appendSpace(out, spaces, lastSpace);
            spaces = 0;
            out.appendCodePoint(WINDOWS_FORBIDDEN.indexOf(cp) >= 0 ? '_' : cp);
        }
        appendSpace(out, spaces, lastSpace);
        return out.toString();
    }

    /** One space for a run of white space; a single ideographic or other space character is kept as it was. */
    private static void appendSpace(StringBuilder out, int spaces, int lastSpace) {
        if (spaces == 1 && Character.getType(lastSpace) == Character.SPACE_SEPARATOR) {
            out.appendCodePoint(lastSpace);
        } else if (spaces > 0) {
            out.append(' ');
        }
    }

    /** Without dots and white space at either end. */
    private static String trim(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && isTrimmed(name.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmed(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(start, end);
    }

    private static boolean isTrimmed(char c) {
        return c == '.' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** At most {@code max} code points; when shortened, the base is cut and the extension kept. */
    private static String limit(String name, int max) {
        if (name.codePointCount(0, name.length()) <= max) {
            return name;
        }
        String extension = extension(name);
        String suffix = extension.isEmpty() ? "" : name.substring(name.lastIndexOf('.'));
        String base = name.substring(0, name.length() - suffix.length());
        int keep = max - suffix.codePointCount(0, suffix.length());
        base = trim(base.substring(0, base.offsetByCodePoints(0, keep)));
        return base + suffix;
    }
}
