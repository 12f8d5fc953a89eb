package org.dudao.survey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
import org.dudao.survey.LinkView;
import org.dudao.survey.QuestionnaireCommand;
import org.dudao.survey.QuestionnaireView;
import org.dudao.survey.ResultsView;
import org.dudao.survey.SatisfactionOutcome;
import org.dudao.survey.domain.QrCodes;
import org.dudao.survey.domain.QuestionnaireService;
import org.dudao.survey.domain.SatisfactionService;
import org.dudao.survey.domain.SurveyResults;
import org.dudao.survey.domain.SurveyWorkbook;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Questionnaires as JSON: build, publish, links, results, export, satisfaction scoring. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "surveys", description = "问卷调查、满意度调查 / questionnaires")
class SurveyRestController {

    private final QuestionnaireService questionnaires;
    private final SurveyResults results;
    private final SurveyWorkbook workbook;
    private final SatisfactionService satisfaction;
    private final PublicLinks publicLinks;

    SurveyRestController(
            QuestionnaireService questionnaires,
            SurveyResults results,
            SurveyWorkbook workbook,
            SatisfactionService satisfaction,
            PublicLinks publicLinks) {
        this.questionnaires = questionnaires;
        this.results = results;
        this.workbook = workbook;
        this.satisfaction = satisfaction;
        this.publicLinks = publicLinks;
    }

    record PublishRequest(List<Long> targetIds) {}

    record PublicLink(long id, long targetId, String targetName, String url, String qr, long responses) {}

    record SatisfactionRequest(List<Long> taskIds, Integer minResponses) {}

    record ApplyRequest(Boolean confirm) {}

    @Operation(summary = "问卷列表 / a campaign's questionnaires")
    @GetMapping("/campaigns/{id}/surveys")
    @PreAuthorize("hasAuthority('survey:questionnaire:read')")
    List<QuestionnaireView> list(@PathVariable long id) {
        return questionnaires.list(id, CurrentUser.require());
    }

    @Operation(summary = "新建问卷（草稿）/ create a draft")
    @PostMapping("/campaigns/{id}/surveys")
    @PreAuthorize("hasAuthority('survey:questionnaire:write')")
    QuestionnaireView create(@PathVariable long id, @RequestBody QuestionnaireCommand command) {
        return questionnaires.create(id, command, CurrentUser.require());
    }

    @Operation(summary = "问卷 / one questionnaire")
    @GetMapping("/surveys/{qid}")
    @PreAuthorize("hasAuthority('survey:questionnaire:read')")
    QuestionnaireView get(@PathVariable long qid) {
        return questionnaires.get(qid, CurrentUser.require());
    }

    @Operation(summary = "修改草稿 / replace a draft (published questionnaires are immutable: 409)")
    @PutMapping("/surveys/{qid}")
    @PreAuthorize("hasAuthority('survey:questionnaire:write')")
    QuestionnaireView update(@PathVariable long qid, @RequestBody QuestionnaireCommand command) {
        return questionnaires.update(qid, command, CurrentUser.require());
    }

    @Operation(summary = "发布 / publish for targets ({targetIds}; none = every target)")
    @PostMapping("/surveys/{qid}/publish")
    @PreAuthorize("hasAuthority('survey:questionnaire:write')")
    QuestionnaireView publish(@PathVariable long qid, @RequestBody(required = false) PublishRequest request) {
        return questionnaires.publish(qid, request == null ? null : request.targetIds(), CurrentUser.require());
    }

    @Operation(summary = "结束 / close a published questionnaire")
    @PostMapping("/surveys/{qid}/close")
    @PreAuthorize("hasAuthority('survey:questionnaire:write')")
    QuestionnaireView close(@PathVariable long qid) {
        return questionnaires.close(qid, CurrentUser.require());
    }

    @Operation(summary = "复制为新草稿 / copy into a new draft")
    @PostMapping("/surveys/{qid}/copy")
    @PreAuthorize("hasAuthority('survey:questionnaire:write')")
    QuestionnaireView copy(@PathVariable long qid) {
        return questionnaires.copy(qid, CurrentUser.require());
    }

    @Operation(summary = "公开链接 / the public link and QR code per target")
    @GetMapping("/surveys/{qid}/links")
    @PreAuthorize("hasAuthority('survey:questionnaire:read')")
    List<PublicLink> links(@PathVariable long qid, HttpServletRequest request) {
        return questionnaires.links(qid, CurrentUser.require()).stream()
                .map(l -> new PublicLink(
                        l.id(),
                        l.targetId(),
                        l.targetName(),
                        publicLinks.url(l, request),
                        "/surveys/" + qid + "/links/" + l.id() + "/qr.png",
                        l.responses()))
                .toList();
    }

    @Operation(summary = "二维码 / the QR code (PNG) of a target's link")
    @GetMapping(value = "/surveys/{qid}/links/{linkId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("hasAuthority('survey:questionnaire:read')")
    ResponseEntity<byte[]> qr(@PathVariable long qid, @PathVariable long linkId, HttpServletRequest request) {
        LinkView l = publicLinks.link(qid, linkId);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(QrCodes.png(publicLinks.url(l, request), 360));
    }

    @Operation(summary = "统计结果 / results per target and question")
    @GetMapping("/surveys/{qid}/results")
    @PreAuthorize("hasAuthority('survey:questionnaire:read')")
    ResultsView results(@PathVariable long qid) {
        return results.results(qid, CurrentUser.require());
    }

    @Operation(summary = "导出答卷 / every response as xlsx")
    @GetMapping("/surveys/{qid}/responses.xlsx")
    @PreAuthorize("hasAuthority('survey:questionnaire:read')")
    ResponseEntity<byte[]> export(@PathVariable long qid) {
        QuestionnaireView q = questionnaires.get(qid, CurrentUser.require());
        return Downloads.xlsx(workbook.export(qid, CurrentUser.require()), "答卷-" + q.title() + ".xlsx");
    }

    @Operation(summary = "关联满意度任务 / link satisfaction tasks and set the minimum responses")
    @PutMapping("/surveys/{qid}/satisfaction")
    @PreAuthorize("hasAuthority('survey:satisfaction:apply')")
    QuestionnaireView configure(@PathVariable long qid, @RequestBody SatisfactionRequest request) {
        return satisfaction.configure(qid, request.taskIds(), request.minResponses(), CurrentUser.require());
    }

    @Operation(summary = "满意度得分预览 / what applying would write")
    @GetMapping("/surveys/{qid}/satisfaction")
    @PreAuthorize("hasAuthority('survey:questionnaire:read')")
    List<SatisfactionOutcome> preview(@PathVariable long qid) {
        return satisfaction.preview(qid, CurrentUser.require());
    }

    @Operation(summary = "写入满意度得分 / write the satisfaction evaluations ({confirm: true})")
    @PostMapping("/surveys/{qid}/satisfaction/apply")
    @PreAuthorize("hasAuthority('survey:satisfaction:apply')")
    List<SatisfactionOutcome> apply(@PathVariable long qid, @RequestBody(required = false) ApplyRequest request) {
        if (request == null || !Boolean.TRUE.equals(request.confirm())) {
            throw new InvalidInputException("confirm", "survey.satisfaction.confirm");
        }
        return satisfaction.apply(qid, CurrentUser.require());
    }
}
