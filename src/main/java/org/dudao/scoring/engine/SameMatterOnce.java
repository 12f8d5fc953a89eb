package org.dudao.scoring.engine;

/**
 * 同一事项不重复计分 (rule 5). Of a target's adjustments of one kind, the same matter counts once: the
 * earliest (by approval time, then id) counts, later ones count 0. Matters are compared after trimming
 * and collapsing white space (full-width spaces included); a missing or blank matter is never the same as
 * another.
 */
final class SameMatterOnce {

    static final String NOTE = "同一事项不重复计分";

    private SameMatterOnce() {}

    /** The comparable form of a matter; null for a missing or blank one. */
    static String key(String matter) {
        if (matter == null) {
            return null;
        }
        if (plain(matter)) {
            return matter; // nothing to trim or collapse (the usual case)
        }
        StringBuilder b = new StringBuilder(matter.length());
        boolean space = false;
        for (int i = 0; i < matter.length(); ) {
            int cp = matter.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.appendCodePoint(cp);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** Not empty, no white space but single ASCII spaces between other characters. */
    private static boolean plain(String matter) {
        int n = matter.length();
        if (n == 0) {
            return false;
        }
        boolean previousSpace = true; // a leading space is not plain
        for (int i = 0; i < n; i++) {
            char c = matter.charAt(i);
            if (c == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isSurrogate(c)) {
                return false;
            } else {
                previousSpace = false;
            }
        }
        return !previousSpace; // a trailing space is not plain
    }
}
