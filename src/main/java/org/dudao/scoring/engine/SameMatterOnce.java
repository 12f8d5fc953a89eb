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
}
