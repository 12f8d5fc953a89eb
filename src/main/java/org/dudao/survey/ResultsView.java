package org.dudao.survey;

import java.math.BigDecimal;
import java.util.List;

/**
 * The results of a questionnaire per target and per question, computed on request from the responses.
 *
 * @param satisfaction the target's average satisfaction share 0…1 (4 decimals), null without rating answers
 */
public record ResultsView(long questionnaireId, String title, List<TargetResult> targets) {

    public record TargetResult(
            long targetId,
            String targetName,
            long responses,
            long demoResponses,
            BigDecimal satisfaction,
            List<QuestionResult> questions) {}

    /**
     * @param answered how many responses answered the question
     * @param averageScore for a rating question, the average points chosen (2 decimals)
     * @param texts for a free-text question, the answers as typed (newest first)
     */
    public record QuestionResult(
            long questionId,
            int position,
            QuestionKind kind,
            String text,
            long answered,
            List<OptionCount> options,
            BigDecimal averageScore,
            BigDecimal maxScore,
            List<String> texts) {}

    /** @param share of the responses that answered the question, 0…1 (4 decimals) */
    public record OptionCount(long optionId, String label, BigDecimal score, long count, BigDecimal share) {}
}
