package org.dudao.survey.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
import org.dudao.survey.LinkView;
import org.dudao.survey.QuestionnaireCommand;
import org.dudao.survey.QuestionnaireView;
import org.dudao.survey.ResultsView;
import org.dudao.survey.SatisfactionPreset;
import org.dudao.survey.domain.Checked;
import org.dudao.survey.domain.QrCodes;
import org.dudao.survey.domain.QuestionnaireService;
import org.dudao.survey.domain.SatisfactionService;
import org.dudao.survey.domain.SurveyResults;
import org.dudao.survey.domain.SurveyWorkbook;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's questionnaire pages: list, builder, publication (links, QR codes), results, satisfaction. */
@Controller
class SurveyController {

    private final QuestionnaireService questionnaires;
    private final SurveyResults results;
    private final SurveyWorkbook workbook;
    private final SatisfactionService satisfaction;
    private final CampaignApi campaigns;
    private final PublicLinks publicLinks;

    SurveyController(
            QuestionnaireService questionnaires,
            SurveyResults results,
            SurveyWorkbook workbook,
            SatisfactionService satisfaction,
            CampaignApi campaigns,
            PublicLinks publicLinks) {
        this.questionnaires = questionnaires;
        this.results = results;
        this.workbook = workbook;
        this.satisfaction = satisfaction;
        this.campaigns = campaigns;
        this.publicLinks = publicLinks;
    }

    @GetMapping("/campaigns/{id}/surveys")
    @PreAuthorize("hasAuthority('survey:questionnaire:read')")
    String list(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        CampaignView c = questionnaires.readable(id, user);
        model.addAttribute("campaign", c);
        model.addAttribute("office", campaigns.isOffice(c, user));
        model.addAttribute("questionnaires", questionnaires.list(id, user));
        return "survey/list";
    }

    @PostMapping("/campaigns/{id}/surveys")
    @PreAuthorize("hasAuthority('survey:questionnaire:write')")
    String create(
            @PathVariable long id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String preset) {
        List<QuestionnaireCommand.Question> questions =
                "satisfaction".equals(preset) ? SatisfactionPreset.questions() : List.of();
        QuestionnaireView q = questionnaires.create(
                id, new QuestionnaireCommand(title, null, null, null, questions), CurrentUser.require());
        return "redirect:/surveys/" + q.id();
    }

    @GetMapping("/surveys/{qid}")
    @PreAuthorize("hasAuthority('survey:questionnaire:read')")
    String show(@PathVariable long qid, Model model, HttpServletRequest request) {
        CurrentUser user = CurrentUser.require();
        QuestionnaireView q = questionnaires.get(qid, user);
        CampaignView c = campaigns.campaign(q.campaignId());
        model.addAttribute("campaign", c);
        model.addAttribute("office", campaigns.isOffice(c, user));
        model.addAttribute("q", q);
        List<LinkView> links = questionnaires.links(qid, user);
        model.addAttribute("links", links);
        Map<Long, String> urls = new LinkedHashMap<>();
        links.forEach(l -> urls.put(l.id(), publicLinks.url(l, request)));
        model.addAttribute("urls", urls);
        model.addAttribute("targets", campaigns.targets(q.campaignId()));
        model.addAttribute("candidates", satisfaction.candidates(q.campaignId()));
        if (!q.draft()) {
            model.addAttribute("outcomes", satisfaction.preview(qid, user));
        }
        return "survey/show";
    }

    @PostMapping("/surveys/{qid}/header")
    @PreAuthorize("hasAuthority('survey:questionnaire:write')")
    String header(
            @PathVariable long qid,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String intro,
            @RequestParam(required = false) LocalDate closesOn,
            @RequestParam(required = false) Integer minResponses) {
        CurrentUser user = CurrentUser.require();
        QuestionnaireCommand cmd = Checked.commandOf(questionnaires.get(qid, user));
        questionnaires.update(
                qid, new QuestionnaireCommand(title, intro, closesOn, minResponses, cmd.questions()), user);
        return "redirect:/surveys/" + qid;
    }

    /** Adds a question; options one per line, a rating option as {@code 满意=100} (label = points). */
    @PostMapping("/surveys/{qid}/questions")
    @PreAuthorize("hasAuthority('survey:questionnaire:write')")
    String addQuestion(
            @PathVariable long qid,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "false") boolean required,
            @RequestParam(required = false) String options) {
        CurrentUser user = CurrentUser.require();
        QuestionnaireCommand cmd = Checked.commandOf(questionnaires.get(qid, user));
        List<QuestionnaireCommand.Question> qs = new ArrayList<>(cmd.questions());
        qs.add(new QuestionnaireCommand.Question(kind, text, required, parseOptions(kind, options)));
        questionnaires.update(qid, with(cmd, qs), user);
        return "redirect:/surveys/" + qid + "#questions";
    }

    @PostMapping("/surveys/{qid}/questions/{position}/delete")
    @PreAuthorize("hasAuthority('survey:questionnaire:write')")
    String deleteQuestion(@PathVariable long qid, @PathVariable int position) {
        CurrentUser user = CurrentUser.require();
        QuestionnaireCommand cmd = Checked.commandOf(questionnaires.get(qid, user));
        List<QuestionnaireCommand.Question> qs = new ArrayList<>(cmd.questions());
        if (position >= 1 && position <= qs.size()) {
            qs.remove(position - 1);
        }
        questionnaires.update(qid, with(cmd, qs), user);
        return "redirect:/surveys/" + qid + "#questions";
    }

    @PostMapping("/surveys/{qid}/questions/{position}/move")
    @PreAuthorize("hasAuthority('survey:questionnaire:write')")
    String moveQuestion(@PathVariable long qid, @PathVariable int position, @RequestParam String direction) {
        CurrentUser user = CurrentUser.require();
        QuestionnaireCommand cmd = Checked.commandOf(questionnaires.get(qid, user));
        List<QuestionnaireCommand.Question> qs = new ArrayList<>(cmd.questions());
        int from = position - 1;
        int to = "up".equals(direction) ? from - 1 : from + 1;
        if (from >= 0 && from < qs.size() && to >= 0 && to < qs.size()) {
            qs.add(to, qs.remove(from));
        }
        questionnaires.update(qid, with(cmd, qs), user);
        return "redirect:/surveys/" + qid + "#questions";
    }

    @PostMapping("/surveys/{qid}/publish")
    @PreAuthorize("hasAuthority('survey:questionnaire:write')")
    String publish(@PathVariable long qid, @RequestParam(required = false) List<Long> targetIds) {
        questionnaires.publish(qid, targetIds, CurrentUser.require());
        return "redirect:/surveys/" + qid;
    }

    @PostMapping("/surveys/{qid}/close")
    @PreAuthorize("hasAuthority('survey:questionnaire:write')")
    String close(@PathVariable long qid) {
        questionnaires.close(qid, CurrentUser.require());
        return "redirect:/surveys/" + qid;
    }

    @PostMapping("/surveys/{qid}/copy")
    @PreAuthorize("hasAuthority('survey:questionnaire:write')")
    String copy(@PathVariable long qid) {
        return "redirect:/surveys/"
                + questionnaires.copy(qid, CurrentUser.require()).id();
    }

    @GetMapping(value = "/surveys/{qid}/links/{linkId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("hasAuthority('survey:questionnaire:read')")
    ResponseEntity<byte[]> qr(@PathVariable long qid, @PathVariable long linkId, HttpServletRequest request) {
        LinkView l = publicLinks.link(qid, linkId);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .header("Content-Disposition", Downloads.disposition("二维码-" + l.targetName() + ".png", true))
                .body(QrCodes.png(publicLinks.url(l, request), 360));
    }

    @GetMapping("/surveys/{qid}/results")
    @PreAuthorize("hasAuthority('survey:questionnaire:read')")
    String results(@PathVariable long qid, @RequestParam(required = false) Long target, Model model) {
        CurrentUser user = CurrentUser.require();
        QuestionnaireView q = questionnaires.get(qid, user);
        ResultsView r = results.results(qid, user);
        model.addAttribute("campaign", campaigns.campaign(q.campaignId()));
        model.addAttribute("q", q);
        model.addAttribute("results", r);
        ResultsView.TargetResult chosen = r.targets().stream()
                .filter(t -> target == null ? t.responses() > 0 : t.targetId() == target)
                .findFirst()
                .orElse(r.targets().isEmpty() ? null : r.targets().get(0));
        model.addAttribute("chosen", chosen);
        model.addAttribute(
                "satisfactionChart",
                ChartData.of(
                        r.targets().stream()
                                .map(ResultsView.TargetResult::targetName)
                                .toList(),
                        r.targets().stream()
                                .map(t -> t.satisfaction() == null
                                        ? null
                                        : t.satisfaction().multiply(BigDecimal.valueOf(100)))
                                .toList()));
        Map<Long, ChartData.Chart> charts = new LinkedHashMap<>();
        if (chosen != null) {
            chosen.questions()
                    .forEach(qr -> charts.put(
                            qr.questionId(),
                            ChartData.of(
                                    qr.options().stream()
                                            .map(ResultsView.OptionCount::label)
                                            .toList(),
                                    qr.options().stream()
                                            .map(ResultsView.OptionCount::count)
                                            .toList())));
        }
        model.addAttribute("charts", charts);
        return "survey/results";
    }

    @GetMapping("/surveys/{qid}/export.xlsx")
    @PreAuthorize("hasAuthority('survey:questionnaire:read')")
    ResponseEntity<byte[]> export(@PathVariable long qid) {
        CurrentUser user = CurrentUser.require();
        QuestionnaireView q = questionnaires.get(qid, user);
        return Downloads.xlsx(workbook.export(qid, user), "答卷-" + q.title() + ".xlsx");
    }

    @PostMapping("/surveys/{qid}/satisfaction")
    @PreAuthorize("hasAuthority('survey:satisfaction:apply')")
    String configure(
            @PathVariable long qid,
            @RequestParam(required = false) List<Long> taskIds,
            @RequestParam(required = false) Integer minResponses) {
        satisfaction.configure(qid, taskIds == null ? List.of() : taskIds, minResponses, CurrentUser.require());
        return "redirect:/surveys/" + qid + "#satisfaction";
    }

    @PostMapping("/surveys/{qid}/satisfaction/apply")
    @PreAuthorize("hasAuthority('survey:satisfaction:apply')")
    String apply(
            @PathVariable long qid,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        if (!confirm) {
            throw new InvalidInputException("confirm", "survey.satisfaction.confirm");
        }
        long scored = satisfaction.apply(qid, CurrentUser.require()).stream()
                .filter(o -> "SCORED".equals(o.status()))
                .count();
        redirect.addFlashAttribute("applied", scored);
        return "redirect:/surveys/" + qid + "#satisfaction";
    }

    private static QuestionnaireCommand with(QuestionnaireCommand cmd, List<QuestionnaireCommand.Question> qs) {
        return new QuestionnaireCommand(cmd.title(), cmd.intro(), cmd.closesOn(), cmd.minResponses(), qs);
    }

    /** One option per line; for a rating question "label=points" (e.g. 满意=100). */
    static List<QuestionnaireCommand.Option> parseOptions(String kind, String text) {
        List<QuestionnaireCommand.Option> out = new ArrayList<>();
        if (text == null || "TEXT".equalsIgnoreCase(kind)) {
            return out;
        }
        boolean rating = "RATING".equalsIgnoreCase(kind);
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            BigDecimal score = null;
            if (rating) {
                int eq = Math.max(l.lastIndexOf('='), l.lastIndexOf('＝'));
                if (eq < 0) {
                    throw new InvalidInputException("options", "survey.option.scoreFormat", l);
                }
                try {
                    score = new BigDecimal(l.substring(eq + 1).strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("options", "survey.option.scoreFormat", l);
                }
                l = l.substring(0, eq).strip();
            }
            out.add(new QuestionnaireCommand.Option(l, score));
        }
        return out;
    }
}
