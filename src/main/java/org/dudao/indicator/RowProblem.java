package org.dudao.indicator;

/**
 * A problem with one row of an imported file: row as the user sees it, the column's header, and a
 * message key with arguments (resolved in the user's language).
 */
public record RowProblem(int row, String column, String messageKey, Object[] args) {}
