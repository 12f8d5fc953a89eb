package org.dudao.organization;

import java.util.List;

/**
 * The outcome of an import. When {@link #errors()} is not empty nothing was saved.
 *
 * @param dryRun true when the rows were only checked
 */
public record UnitImportResult(int created, int updated, List<RowError> errors, boolean dryRun) {

    /** A problem in one row; the message key is resolved in the user's language by the page. */
    public record RowError(int rowNumber, String column, String messageKey, Object[] args) {}

    public boolean ok() {
        return errors.isEmpty();
    }
}
