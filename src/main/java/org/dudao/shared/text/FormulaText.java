package org.dudao.shared.text;

/**
 * Text a spreadsheet program would take for a formula (or a DDE call) if it were typed in: it starts with
 * {@code = + - @}, a TAB or a CR. Every export writes such text as text (quote prefix or an apostrophe), so
 * nothing a user typed ever runs when the office opens the file.
 */
public final class FormulaText {

    private static final String STARTERS = "=+-@\t\r";

    private FormulaText() {}

    public static boolean looksLikeFormula(String value) {
        return value != null && !value.isEmpty() && STARTERS.indexOf(value.charAt(0)) >= 0;
    }
}
