package org.dudao.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A questionnaire with its questions.
 *
 * @param closesOn the last day answers are accepted (24:00 Asia/Shanghai), null = until closed by hand
 * @param minResponses fewer valid responses than this: the target is flagged and not scored
 * @param satisfactionTaskIds the 满意度调查 tasks this questionnaire scores
 */
public record QuestionnaireView(
        long id,
        long campaignId,
        String title,
        String intro,
        QuestionnaireStatus status,
        LocalDate closesOn,
        int minResponses,
        Long copiedFrom,
        Instant publishedAt,
        List<QuestionView> questions,
        List<Long> satisfactionTaskIds) {

    public boolean draft() {
        return status == QuestionnaireStatus.DRAFT;
    }
}
