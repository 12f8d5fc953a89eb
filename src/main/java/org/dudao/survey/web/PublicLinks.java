package org.dudao.survey.web;

import jakarta.servlet.http.HttpServletRequest;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.survey.LinkView;
import org.dudao.survey.domain.QuestionnaireService;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public URL of a link: {@code dudao.base-url} when set (what respondents reach), else this request's origin. */
@Component
class PublicLinks {

    private final DudaoProperties properties;
    private final QuestionnaireService questionnaires;

    PublicLinks(DudaoProperties properties, QuestionnaireService questionnaires) {
        this.properties = properties;
        this.questionnaires = questionnaires;
    }

    String url(LinkView link, HttpServletRequest request) {
        String base = properties.baseUrl() != null && !properties.baseUrl().isBlank()
                ? properties.baseUrl()
                : ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/s/" + link.token();
    }

    /** A link of a questionnaire the caller may read; 404 otherwise. */
    LinkView link(long questionnaireId, long linkId) {
        return questionnaires.links(questionnaireId, CurrentUser.require()).stream()
                .filter(l -> l.id() == linkId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("survey-link", linkId));
    }
}
