package org.dudao.evidence.domain;

/**
 * 字数: how Chinese offices count the length of a text (every character except white space; a run of
 * Latin letters or digits counts as one word, as word processors count mixed text).
 */
public final class Words {

    private Words() {}

    public static int count(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                inWord = false;
            } else if (cp < 0x2E80 && Character.isLetterOrDigit(cp)) {
                if (!inWord) {
                    count++;
                    inWord = true;
                }
            } else {
                count++;
                inWord = false;
            }
        }
        return count;
    }
}
