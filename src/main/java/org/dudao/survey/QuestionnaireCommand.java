package org.dudao.survey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A questionnaire as the office writes it (the whole draft at once: {@code PUT /api/v1/surveys/{id}}).
 *
 * @param minResponses null = 30
 */
public record QuestionnaireCommand(
        String title, String intro, LocalDate closesOn, Integer minResponses, List<Question> questions) {

    /** A question; options in order (none for free text). */
    public record Question(String kind, String text, Boolean required, List<Option> options) {}

    /** An option; {@code score} required for rating questions, ignored otherwise. */
    public record Option(String label, BigDecimal score) {}
}
