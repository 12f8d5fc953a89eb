package org.dudao.inspection.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TargetView;
import org.dudao.inspection.DeductionCommand;
import org.dudao.inspection.FeedbackItemCommand;
import org.dudao.inspection.SelfReportCommand;
import org.dudao.inspection.SelfReportView;
import org.dudao.inspection.SheetView;
import org.dudao.inspection.TeamCommand;
import org.dudao.inspection.TeamView;
import org.dudao.inspection.VisitView;
import org.dudao.inspection.domain.FormalFeedback;
import org.dudao.inspection.domain.InspectionAccess;
import org.dudao.inspection.domain.Onsite;
import org.dudao.inspection.domain.SelfReports;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitScope;
import org.dudao.organization.UnitView;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Htmx;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inspection pages: the office's desk, the target's self-inspection report, the team's scoring (phone) and report. */
@Controller
@RequestMapping("/campaigns/{id}/inspection")
class InspectionController {

    private final InspectionAccess access;
    private final SelfReports reports;
    private final Onsite onsite;
    private final FormalFeedback feedback;
    private final CampaignApi campaigns;
    private final OrganizationApi organization;
    private final MessageSource messages;

    InspectionController(
            InspectionAccess access,
            SelfReports reports,
            Onsite onsite,
            FormalFeedback feedback,
            CampaignApi campaigns,
            OrganizationApi organization,
            MessageSource messages) {
        this.access = access;
        this.reports = reports;
        this.onsite = onsite;
        this.feedback = feedback;
        this.campaigns = campaigns;
        this.organization = organization;
        this.messages = messages;
    }

    private InspectionAccess.Caller common(long id, Model model) {
        InspectionAccess.Caller c = access.caller(id, CurrentUser.require());
        model.addAttribute("campaign", c.campaign());
        model.addAttribute("office", c.office());
        model.addAttribute("readsAll", c.readsAll());
        model.addAttribute("ownTarget", c.ownTarget());
        model.addAttribute("phases", campaigns.phases(id));
        return c;
    }

    private void back(
            long id, String path, String key, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        Htmx.redirect(
                request, response, "/campaigns/" + id + "/inspection" + path, messages.getMessage(key, null, locale));
    }

    // ------------------------------------------------------------------ the desk

    @GetMapping
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    String desk(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        InspectionAccess.Caller c = common(id, model);
        model.addAttribute("sheets", onsite.blankSheets(id, user));
        model.addAttribute("visits", onsite.visits(id, user));
        model.addAttribute("teams", onsite.teams(id, user));
        if (c.readsAll()) {
            model.addAttribute("reports", reports.all(id, user));
            Map<Long, List<SheetView>> scored = onsite.allSheets(id, user);
            model.addAttribute("scored", scored);
            model.addAttribute("categories", campaigns.categories(id));
            model.addAttribute("targets", campaigns.targets(id));
            model.addAttribute("tasks", campaigns.tasks(id));
            model.addAttribute("sentFeedback", feedback.sent(id, user));
            List<UnitView> units = new ArrayList<>(
                    organization.list(UnitScope.subtree(c.campaign().ownerUnitId())));
            units.sort(Comparator.comparing(UnitView::sortOrder).thenComparing(UnitView::id));
            model.addAttribute("units", units);
        }
        return "inspection/desk";
    }

    @PostMapping("/targets")
    @PreAuthorize("hasAuthority('inspection:inspection:manage')")
    void addTarget(
            @PathVariable long id,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) Long categoryId,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        CurrentUser user = CurrentUser.require();
        access.office(id, user, "inspection.target.add");
        if (unitId == null) {
            throw new InvalidInputException("unitId", "validation.required");
        }
        long category = categoryId != null
                ? categoryId
                : campaigns.categories(id).get(0).id();
        campaigns.addTarget(id, category, unitId, user);
        back(id, "", "inspection.save", request, response, locale);
    }

    @PostMapping("/teams")
    @PreAuthorize("hasAuthority('inspection:inspection:manage')")
    void createTeam(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) List<String> role,
            @RequestParam(required = false) List<String> memberName,
            @RequestParam(required = false) List<String> memberUnit,
            @RequestParam(required = false) List<String> organisation,
            @RequestParam(required = false) List<String> username,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        List<TeamCommand.MemberCommand> members = new ArrayList<>();
        int rows = role == null ? 0 : role.size();
        for (int i = 0; i < rows; i++) {
            String who = at(memberName, i);
            if (who == null || who.isBlank()) {
                continue;
            }
            String unit = at(memberUnit, i);
            members.add(new TeamCommand.MemberCommand(
                    role.get(i),
                    who,
                    unit == null || unit.isBlank() ? null : Long.valueOf(unit),
                    at(organisation, i),
                    at(username, i)));
        }
        onsite.createTeam(id, new TeamCommand(name, members), CurrentUser.require());
        back(id, "", "inspection.team.created", request, response, locale);
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }

    @PostMapping("/visits")
    @PreAuthorize("hasAuthority('inspection:inspection:manage')")
    void schedule(
            @PathVariable long id,
            @RequestParam(required = false) Long targetId,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) LocalDate visitOn,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        onsite.schedule(id, targetId, teamId, visitOn, CurrentUser.require());
        back(id, "", "inspection.visit.saved", request, response, locale);
    }

    @PostMapping("/targets/{targetId}/feedback")
    @PreAuthorize("hasAuthority('inspection:inspection:manage')")
    void sendFeedback(
            @PathVariable long id,
            @PathVariable long targetId,
            @RequestParam(required = false) Long taskId,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String description,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        feedback.send(
                id, targetId, List.of(new FeedbackItemCommand(taskId, severity, description)), CurrentUser.require());
        back(id, "", "inspection.feedback.sent", request, response, locale);
    }

    // ------------------------------------------------------------------ self-inspection report

    @GetMapping("/self-report")
    @PreAuthorize("hasAuthority('inspection:report:write')")
    String ownReport(@PathVariable long id, Model model) {
        common(id, model);
        SelfReportView r = reports.own(id, CurrentUser.require());
        model.addAttribute("report", r);
        model.addAttribute("editable", r.open());
        model.addAttribute("visits", onsite.visits(id, CurrentUser.require()));
        return "inspection/self-report";
    }

    @GetMapping("/targets/{targetId}/self-report")
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    String report(@PathVariable long id, @PathVariable long targetId, Model model) {
        common(id, model);
        model.addAttribute("report", reports.view(id, targetId, CurrentUser.require()));
        model.addAttribute("editable", false);
        model.addAttribute("visits", List.of());
        return "inspection/self-report";
    }

    static SelfReportCommand command(
            String narrative,
            List<String> figureLabel,
            List<String> figureValue,
            List<String> problemDescription,
            List<String> problemCauses,
            List<String> problemMeasures) {
        List<SelfReportView.Figure> figures = new ArrayList<>();
        for (int i = 0; figureLabel != null && i < figureLabel.size(); i++) {
            figures.add(new SelfReportView.Figure(figureLabel.get(i), at(figureValue, i)));
        }
        List<SelfReportView.Problem> problems = new ArrayList<>();
        for (int i = 0; problemDescription != null && i < problemDescription.size(); i++) {
            problems.add(new SelfReportView.Problem(
                    problemDescription.get(i), at(problemCauses, i), at(problemMeasures, i)));
        }
        return new SelfReportCommand(narrative, figures, problems);
    }

    @PostMapping("/self-report/measure")
    @PreAuthorize("hasAuthority('inspection:report:write')")
    String measure(
            @PathVariable long id,
            @RequestParam(required = false) String narrative,
            @RequestParam(required = false) List<String> figureLabel,
            @RequestParam(required = false) List<String> figureValue,
            @RequestParam(required = false) List<String> problemDescription,
            @RequestParam(required = false) List<String> problemCauses,
            @RequestParam(required = false) List<String> problemMeasures,
            Model model) {
        model.addAttribute(
                "measure",
                reports.measure(
                        id,
                        command(
                                narrative,
                                figureLabel,
                                figureValue,
                                problemDescription,
                                problemCauses,
                                problemMeasures),
                        CurrentUser.require()));
        return "inspection/self-report :: measure";
    }

    @GetMapping("/self-report/problem-row")
    @PreAuthorize("hasAuthority('inspection:report:write')")
    String problemRow(@PathVariable long id) {
        return "inspection/self-report :: problemRow";
    }

    @PostMapping("/self-report")
    @PreAuthorize("hasAuthority('inspection:report:write')")
    void save(
            @PathVariable long id,
            @RequestParam(required = false) String narrative,
            @RequestParam(required = false) List<String> figureLabel,
            @RequestParam(required = false) List<String> figureValue,
            @RequestParam(required = false) List<String> problemDescription,
            @RequestParam(required = false) List<String> problemCauses,
            @RequestParam(required = false) List<String> problemMeasures,
            @RequestParam(defaultValue = "false") boolean submit,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        CurrentUser user = CurrentUser.require();
        reports.save(
                id,
                command(narrative, figureLabel, figureValue, problemDescription, problemCauses, problemMeasures),
                user);
        if (submit) {
            reports.submit(id, user);
        }
        back(
                id,
                "/self-report",
                submit ? "inspection.report.submittedFlash" : "inspection.report.saved",
                request,
                response,
                locale);
    }

    // ------------------------------------------------------------------ scoring (phone)

    @GetMapping("/targets/{targetId}/score")
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    String score(@PathVariable long id, @PathVariable long targetId, Model model) {
        CurrentUser user = CurrentUser.require();
        InspectionAccess.Caller c = common(id, model);
        TargetView target = access.readableTarget(c, targetId, "inspection.sheet.read");
        model.addAttribute("target", target);
        model.addAttribute("sheets", onsite.sheets(id, targetId, user));
        model.addAttribute("notes", onsite.notes(id, targetId, user));
        model.addAttribute("history", onsite.history(id, targetId, user));
        VisitView visit = onsite.visits(id, user).stream()
                .filter(v -> v.targetId() == targetId)
                .findFirst()
                .orElse(null);
        model.addAttribute("visit", visit);
        boolean locked = visit != null
                && onsite.teams(id, user).stream().anyMatch(t -> t.id() == visit.teamId() && t.reportSubmitted());
        boolean scores = user.permissions().contains("inspection:score:write")
                && (c.office() || (visit != null && c.teamIds().contains(visit.teamId())));
        model.addAttribute("mayScore", scores && !locked);
        model.addAttribute("locked", locked);
        return "inspection/score";
    }

    @PostMapping("/targets/{targetId}/deductions")
    @PreAuthorize("hasAuthority('inspection:score:write')")
    void deduct(
            @PathVariable long id,
            @PathVariable long targetId,
            @RequestParam(required = false) Long taskId,
            @RequestParam(required = false) Integer clauseNo,
            @RequestParam(required = false) String points,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        BigDecimal p = Texts.decimal("points", points, "inspection.deduction.points.invalid");
        onsite.deduct(id, targetId, new DeductionCommand(taskId, clauseNo, p, reason), CurrentUser.require());
        back(
                id,
                "/targets/" + targetId + "/score?open=" + taskId,
                "inspection.deduction.saved",
                request,
                response,
                locale);
    }

    @PostMapping("/deductions/{deductionId}/withdrawal")
    @PreAuthorize("hasAuthority('inspection:score:write')")
    void withdraw(
            @PathVariable long id,
            @PathVariable long deductionId,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        String why = reason != null ? reason : Htmx.prompt(request);
        SheetView.Item item = onsite.withdraw(id, deductionId, why, CurrentUser.require());
        long targetId = onsite.historyTarget(id, deductionId);
        back(
                id,
                "/targets/" + targetId + "/score?open=" + item.taskId(),
                "inspection.deduction.withdrawn",
                request,
                response,
                locale);
    }

    @PostMapping("/targets/{targetId}/notes")
    @PreAuthorize("hasAuthority('inspection:score:write')")
    void addNote(
            @PathVariable long id,
            @PathVariable long targetId,
            @RequestParam(required = false) String body,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        onsite.addNote(id, targetId, body, CurrentUser.require());
        back(id, "/targets/" + targetId + "/score?open=notes", "inspection.note.saved", request, response, locale);
    }

    // ------------------------------------------------------------------ team report

    @GetMapping("/teams/{teamId}")
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    String team(@PathVariable long id, @PathVariable long teamId, Model model) {
        CurrentUser user = CurrentUser.require();
        InspectionAccess.Caller c = common(id, model);
        TeamView team = onsite.team(id, teamId, user);
        model.addAttribute("team", team);
        model.addAttribute(
                "teamVisits",
                onsite.visits(id, user).stream()
                        .filter(v -> v.teamId() == teamId)
                        .toList());
        model.addAttribute(
                "mayEdit",
                !team.reportSubmitted()
                        && user.permissions().contains("inspection:score:write")
                        && (c.office() || c.teamIds().contains(teamId)));
        return "inspection/team";
    }

    @PostMapping("/teams/{teamId}/report")
    @PreAuthorize("hasAuthority('inspection:score:write')")
    void teamReport(
            @PathVariable long id,
            @PathVariable long teamId,
            @RequestParam(required = false) String summary,
            @RequestParam(defaultValue = "false") boolean submit,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        onsite.saveTeamReport(id, teamId, summary, submit, CurrentUser.require());
        back(id, "/teams/" + teamId, "inspection.teamReport.saved", request, response, locale);
    }
}
