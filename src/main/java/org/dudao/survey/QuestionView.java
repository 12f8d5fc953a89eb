package org.dudao.survey;

import java.math.BigDecimal;
import java.util.List;

/** A question with its options in order. */
public record QuestionView(
        long id, int position, QuestionKind kind, String text, boolean required, List<OptionView> options) {

    /** The highest option score of a rating question (its "fully satisfied" value), null otherwise. */
    public BigDecimal maxScore() {
        return kind != QuestionKind.RATING
                ? null
                : options.stream()
                        .map(OptionView::score)
                        .filter(java.util.Objects::nonNull)
                        .max(BigDecimal::compareTo)
                        .orElse(null);
    }
}
