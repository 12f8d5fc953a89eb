package org.dudao.survey;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.dudao.shared.security.CurrentUser;
import org.dudao.survey.domain.QuestionnaireService;
import org.dudao.survey.domain.ResponseService;
import org.dudao.survey.domain.SurveyResults;
import org.springframework.stereotype.Service;

/** The survey module's facade: questionnaires of a campaign, their links and results (for demo and reports). */
@Service
public class SurveyApi {

    private final QuestionnaireService questionnaires;
    private final ResponseService responses;
    private final SurveyResults results;

    SurveyApi(QuestionnaireService questionnaires, ResponseService responses, SurveyResults results) {
        this.questionnaires = questionnaires;
        this.responses = responses;
        this.results = results;
    }

    public List<QuestionnaireView> list(long campaignId, CurrentUser user) {
        return questionnaires.list(campaignId, user);
    }

    public QuestionnaireView create(long campaignId, QuestionnaireCommand command, CurrentUser user) {
        return questionnaires.create(campaignId, command, user);
    }

    public QuestionnaireView publish(long id, Collection<Long> targetIds, CurrentUser user) {
        return questionnaires.publish(id, targetIds, user);
    }

    public List<LinkView> links(long id, CurrentUser user) {
        return questionnaires.links(id, user);
    }

    public ResultsView results(long id, CurrentUser user) {
        return results.results(id, user);
    }

    /**
     * Records a response marked as demo data (source DEMO) for a target's link, without the public
     * checks; answers as the public form posts them ({@code q<questionId>} → option ids or text).
     */
    public long recordDemoResponse(long id, long targetId, Map<String, List<String>> answers, String device) {
        return responses.recordDemo(id, targetId, answers, device);
    }
}
