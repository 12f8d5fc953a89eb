package org.dudao.inspection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TargetView;
import org.dudao.feedback.ProblemView;
import org.dudao.inspection.DeductionCommand;
import org.dudao.inspection.FeedbackItemCommand;
import org.dudao.inspection.NoteView;
import org.dudao.inspection.ReportMeasure;
import org.dudao.inspection.ScoreChangeView;
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
import org.dudao.inspection.domain.TeamReportDocument;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
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

/** 督察 over REST (bearer auth under /api/v1, the session under /app). */
@RestController
@RequestMapping({"/api/v1/campaigns/{id}/inspection", "/app/campaigns/{id}/inspection"})
@Tag(name = "inspection", description = "督察：自查报告、督察组、日程、打分表扣分、现场反馈、督察组报告、反馈意见")
class InspectionRestController {

    private final SelfReports reports;
    private final Onsite onsite;
    private final FormalFeedback feedback;
    private final TeamReportDocument document;
    private final InspectionAccess access;
    private final CampaignApi campaigns;

    InspectionRestController(
            SelfReports reports,
            Onsite onsite,
            FormalFeedback feedback,
            TeamReportDocument document,
            InspectionAccess access,
            CampaignApi campaigns) {
        this.reports = reports;
        this.onsite = onsite;
        this.feedback = feedback;
        this.document = document;
        this.access = access;
        this.campaigns = campaigns;
    }

    // ------------------------------------------------------------------ targets and sheets

    record TargetRequest(Long unitId, Long categoryId) {}

    @PostMapping(value = "/targets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('inspection:inspection:manage')")
    @Operation(
            summary = "The office adds a unit as a target: {unitId, categoryId?} (default: the first sheet's category)")
    TargetView addTarget(@PathVariable long id, @RequestBody TargetRequest body) {
        CurrentUser user = CurrentUser.require();
        access.office(id, user, "inspection.target.add");
        long category = body.categoryId() != null
                ? body.categoryId()
                : campaigns.categories(id).get(0).id();
        if (body.unitId() == null) {
            throw new org.dudao.shared.error.InvalidInputException("unitId", "validation.required");
        }
        return campaigns.addTarget(id, category, body.unitId(), user);
    }

    @GetMapping("/sheets")
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    @Operation(
            summary =
                    "The blank scoring sheets with their totals (each should sum to 100; totalOk says whether it does)")
    List<SheetView> blankSheets(@PathVariable long id) {
        return onsite.blankSheets(id, CurrentUser.require());
    }

    @GetMapping("/targets/{targetId}/sheets")
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    @Operation(summary = "A target's sheets with deductions, item and sheet scores")
    List<SheetView> sheets(@PathVariable long id, @PathVariable long targetId) {
        return onsite.sheets(id, targetId, CurrentUser.require());
    }

    @PostMapping(value = "/targets/{targetId}/deductions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('inspection:score:write')")
    @Operation(summary = "Deduct against a clause: {taskId, clauseNo, points, reason}; beyond the item's points → 409")
    SheetView.Item deduct(@PathVariable long id, @PathVariable long targetId, @RequestBody DeductionCommand body) {
        return onsite.deduct(id, targetId, body, CurrentUser.require());
    }

    record Reason(String reason) {}

    @PostMapping(value = "/deductions/{deductionId}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('inspection:score:write')")
    @Operation(summary = "Withdraw a deduction with a reason: {reason}")
    SheetView.Item withdraw(@PathVariable long id, @PathVariable long deductionId, @RequestBody Reason body) {
        return onsite.withdraw(id, deductionId, body.reason(), CurrentUser.require());
    }

    @GetMapping("/targets/{targetId}/history")
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    @Operation(summary = "Every change of the target's item scores: who, when, old → new, why")
    List<ScoreChangeView> history(@PathVariable long id, @PathVariable long targetId) {
        return onsite.history(id, targetId, CurrentUser.require());
    }

    record NoteRequest(String body) {}

    @PostMapping(value = "/targets/{targetId}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('inspection:score:write')")
    @Operation(summary = "Record on-the-spot feedback (现场反馈): {body}")
    NoteView addNote(@PathVariable long id, @PathVariable long targetId, @RequestBody NoteRequest body) {
        return onsite.addNote(id, targetId, body.body(), CurrentUser.require());
    }

    @GetMapping("/targets/{targetId}/notes")
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    List<NoteView> notes(@PathVariable long id, @PathVariable long targetId) {
        return onsite.notes(id, targetId, CurrentUser.require());
    }

    // ------------------------------------------------------------------ self-inspection reports

    @GetMapping("/self-report")
    @PreAuthorize("hasAuthority('inspection:report:write')")
    @Operation(summary = "The caller's own self-inspection report (a target)")
    SelfReportView ownReport(@PathVariable long id) {
        return reports.own(id, CurrentUser.require());
    }

    @PutMapping(value = "/self-report", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('inspection:report:write')")
    @Operation(
            summary =
                    "Save the draft: {narrative, figures:[{label, value}], problems:[{description, causes, measures}]}")
    SelfReportView save(@PathVariable long id, @RequestBody SelfReportCommand body) {
        return reports.save(id, body, CurrentUser.require());
    }

    @PostMapping(value = "/self-report/measure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    @Operation(summary = "The share of problems and measures of a draft as typed (nothing saved)")
    ReportMeasure measure(@PathVariable long id, @RequestBody SelfReportCommand body) {
        return reports.measure(id, body, CurrentUser.require());
    }

    @PostMapping("/self-report/submission")
    @PreAuthorize("hasAuthority('inspection:report:write')")
    @Operation(summary = "Submit the saved report: ≥ 60 % problems and measures, real data, before the deadline")
    SelfReportView submit(@PathVariable long id) {
        return reports.submit(id, CurrentUser.require());
    }

    @GetMapping("/targets/{targetId}/self-report")
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    SelfReportView report(@PathVariable long id, @PathVariable long targetId) {
        return reports.view(id, targetId, CurrentUser.require());
    }

    @GetMapping("/self-reports")
    @PreAuthorize("hasAuthority('inspection:inspection:manage')")
    List<SelfReportView> allReports(@PathVariable long id) {
        return reports.all(id, CurrentUser.require());
    }

    // ------------------------------------------------------------------ teams and schedule

    @GetMapping("/teams")
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    List<TeamView> teams(@PathVariable long id) {
        return onsite.teams(id, CurrentUser.require());
    }

    @PostMapping(value = "/teams", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('inspection:inspection:manage')")
    @Operation(
            summary =
                    "Form a team: {name, members:[{role LEADER|MEMBER|EXPERT, name, unitId?, organisation?, username?}]}")
    TeamView createTeam(@PathVariable long id, @RequestBody TeamCommand body) {
        return onsite.createTeam(id, body, CurrentUser.require());
    }

    record VisitRequest(Long targetId, Long teamId, LocalDate visitOn) {}

    @GetMapping("/visits")
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    List<VisitView> visits(@PathVariable long id) {
        return onsite.visits(id, CurrentUser.require());
    }

    @PostMapping(value = "/visits", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('inspection:inspection:manage')")
    @Operation(summary = "Schedule (or move) a target's visit: {targetId, teamId, visitOn} within the on-site phase")
    VisitView schedule(@PathVariable long id, @RequestBody VisitRequest body) {
        return onsite.schedule(id, body.targetId(), body.teamId(), body.visitOn(), CurrentUser.require());
    }

    record TeamReportRequest(String summary, boolean submit) {}

    @PutMapping(value = "/teams/{teamId}/report", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('inspection:score:write')")
    @Operation(summary = "Save or submit the team report: {summary, submit}; submitting locks the team's scores")
    TeamView teamReport(@PathVariable long id, @PathVariable long teamId, @RequestBody TeamReportRequest body) {
        return onsite.saveTeamReport(id, teamId, body.summary(), body.submit(), CurrentUser.require());
    }

    @GetMapping("/teams/{teamId}/report.docx")
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    @Operation(summary = "The team report (督察组报告) as docx")
    ResponseEntity<byte[]> teamReportDocx(@PathVariable long id, @PathVariable long teamId) {
        return Downloads.docx(document.docx(id, teamId, CurrentUser.require()), "督察组报告-" + teamId + ".docx");
    }

    // ------------------------------------------------------------------ formal feedback

    record FeedbackRequest(List<FeedbackItemCommand> items) {}

    @PostMapping(value = "/targets/{targetId}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('inspection:inspection:manage')")
    @Operation(summary = "Send the formal feedback (反馈意见): {items:[{taskId?, severity?, description}]}, all or none")
    List<ProblemView> sendFeedback(
            @PathVariable long id, @PathVariable long targetId, @RequestBody FeedbackRequest body) {
        return feedback.send(id, targetId, body.items(), CurrentUser.require());
    }

    @GetMapping("/feedback")
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    List<ProblemView> sentFeedback(@PathVariable long id) {
        return feedback.sent(id, CurrentUser.require());
    }

    @GetMapping("/settings")
    @PreAuthorize("hasAuthority('inspection:inspection:read')")
    Map<String, Object> settings(@PathVariable long id) {
        access.caller(id, CurrentUser.require());
        return Map.of("settings", campaigns.settings(id));
    }
}
