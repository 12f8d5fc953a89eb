package org.dudao.evaluation;

import java.math.BigDecimal;

/**
 * The outcome of one row of an evaluation batch.
 *
 * @param status CREATED, UPDATED, UNCHANGED, or ERROR (then {@code error} says why, in the user's language)
 * @param score the points the row is worth at the campaign's grade percentages (null when not applicable)
 */
public record RowResult(
        int index, Long targetId, Long taskId, String status, String error, String field, BigDecimal score) {

    public boolean failed() {
        return "ERROR".equals(status);
    }
}
