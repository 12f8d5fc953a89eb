package org.dudao.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dudao.campaign.CampaignView;
import org.dudao.evidence.EvidenceApi;
import org.dudao.plan.AnnualReportView;
import org.dudao.plan.PlanOverview;
import org.dudao.plan.PlanReportView;
import org.dudao.plan.PlanTaskView;
import org.dudao.plan.domain.PlanLedger;
import org.dudao.plan.domain.PlanService;
import org.dudao.plan.domain.PlanStore;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Plan tracking over REST (bearer auth under /api/v1, the session under /app). */
@RestController
@RequestMapping({"/api/v1/plans", "/app/plans"})
@Tag(name = "plan", description = "实施方案跟踪 / plan tracking")
class PlanRestController {

    private final PlanService service;
    private final PlanLedger ledger;

    PlanRestController(PlanService service, PlanLedger ledger) {
        this.service = service;
        this.ledger = ledger;
    }

    record TaskDetail(PlanTaskView task, List<PlanReportView> reports, List<PlanStore.StatusChange> history) {}

    record YearDue(LocalDate due) {}

    @GetMapping
    @PreAuthorize("hasAuthority('plan:task:read')")
    @Operation(summary = "The plan campaigns the caller may open")
    List<CampaignView> plans() {
        return service.plans(CurrentUser.require());
    }

    @GetMapping("/{id}/tasks")
    @PreAuthorize("hasAuthority('plan:task:read')")
    @Operation(summary = "Tasks the caller may read (all for the office and leaders, a unit's own otherwise)")
    List<PlanTaskView> tasks(@PathVariable long id) {
        return service.tasks(service.caller(id, CurrentUser.require()));
    }

    @GetMapping("/{id}/tasks/{taskId}")
    @PreAuthorize("hasAuthority('plan:task:read')")
    @Operation(summary = "A task with the reports the caller may read and its status history")
    TaskDetail task(@PathVariable long id, @PathVariable long taskId) {
        PlanService.Caller c = service.caller(id, CurrentUser.require());
        return new TaskDetail(service.task(c, taskId), service.reports(c, taskId), service.history(c, taskId));
    }

    @PostMapping("/{id}/assignments")
    @PreAuthorize("hasAuthority('plan:task:assign')")
    @Operation(
            summary =
                    "Set lead and co-units of one or several tasks (replaces theirs): {taskIds, leadUnitIds, coUnitIds}")
    List<PlanTaskView> assign(@PathVariable long id, @RequestBody PlanService.AssignCommand cmd) {
        return service.assign(id, cmd, CurrentUser.require());
    }

    @PostMapping(value = "/{id}/assignments/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('plan:task:assign')")
    @Operation(summary = "Assign units from the ledger xlsx (columns 序号, 牵头单位, 配合单位): all rows or none")
    PlanLedger.ImportResult importAssignments(@PathVariable long id, @RequestParam("file") MultipartFile file) {
        return ledger.importAssignments(id, bytes(file), CurrentUser.require());
    }

    @PostMapping("/{id}/tasks/{taskId}/status")
    @PreAuthorize("hasAuthority('plan:task:status')")
    @Operation(summary = "Set a task's status (NOT_STARTED, IN_PROGRESS, DONE) with a reason: office or lead unit")
    PlanTaskView status(@PathVariable long id, @PathVariable long taskId, @RequestBody PlanService.StatusCommand cmd) {
        return service.setStatus(id, taskId, cmd, CurrentUser.require());
    }

    @GetMapping("/{id}/tasks/{taskId}/reports")
    @PreAuthorize("hasAuthority('plan:report:read')")
    @Operation(summary = "Progress reports on a task (a lead unit sees its co-units' reports)")
    List<PlanReportView> reports(@PathVariable long id, @PathVariable long taskId) {
        return service.reports(service.caller(id, CurrentUser.require()), taskId);
    }

    @PostMapping(value = "/{id}/tasks/{taskId}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('plan:report:write')")
    @Operation(summary = "A unit's yearly progress report on a task: year, workDone, figures, files")
    PlanReportView report(
            @PathVariable long id,
            @PathVariable long taskId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String workDone,
            @RequestParam(required = false) String figures,
            @RequestParam(required = false) List<MultipartFile> files) {
        return service.report(
                id,
                taskId,
                new PlanService.ReportCommand(year, workDone, figures),
                uploads(files),
                CurrentUser.require());
    }

    @GetMapping("/{id}/files/{fileId}")
    @PreAuthorize("hasAuthority('plan:task:read')")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long fileId) {
        EvidenceApi.OpenedAttachment o = service.openFile(id, fileId, CurrentUser.require());
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        Downloads.disposition(o.attachment().displayName(), false))
                .header("X-Content-SHA256", o.attachment().sha256())
                .contentType(MediaType.parseMediaType(o.attachment().contentType()))
                .contentLength(o.attachment().size())
                .body(new InputStreamResource(o.content()));
    }

    @GetMapping("/{id}/overview")
    @PreAuthorize("hasAuthority('plan:task:read')")
    @Operation(summary = "Counts per status by heading and by unit, the overdue list (office and leaders)")
    PlanOverview overview(@PathVariable long id) {
        return ledger.overview(id, CurrentUser.require());
    }

    @GetMapping("/{id}/ledger.xlsx")
    @PreAuthorize("hasAuthority('plan:task:read')")
    @Operation(summary = "The task ledger (任务台账) as xlsx (office and leaders)")
    ResponseEntity<byte[]> ledger(@PathVariable long id) {
        return Downloads.xlsx(ledger.ledgerXlsx(id, CurrentUser.require()), "实施方案任务台账-" + id + ".xlsx");
    }

    @GetMapping("/{id}/annual-reports")
    @PreAuthorize("hasAuthority('plan:task:read')")
    @Operation(summary = "The yearly rule-of-law government reports (法治政府建设年度报告), one per plan year")
    List<AnnualReportView> annuals(@PathVariable long id) {
        PlanService.Caller c = service.caller(id, CurrentUser.require());
        return service.annuals(c.campaign());
    }

    @PostMapping(value = "/{id}/annual-reports/{year}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('plan:annual:write')")
    @Operation(summary = "Set the year's annual report status with a reason (and due day, files): the office")
    AnnualReportView annual(
            @PathVariable long id,
            @PathVariable int year,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String due,
            @RequestParam(required = false) List<MultipartFile> files) {
        return service.setAnnual(
                id,
                year,
                new PlanService.AnnualCommand(status, reason, date("due", due)),
                uploads(files),
                CurrentUser.require());
    }

    @PutMapping("/{id}/years/{year}")
    @PreAuthorize("hasAuthority('plan:annual:write')")
    @Operation(summary = "Move the deadline of a year's progress reports: {due}")
    YearDue yearDue(@PathVariable long id, @PathVariable int year, @RequestBody YearDue body) {
        service.setReportDue(id, year, body.due(), CurrentUser.require());
        return new YearDue(service.reportDue(id, year));
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (RuntimeException e) {
            throw new InvalidInputException(field, "plan.date.invalid", value);
        }
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<PlanService.FileUpload> uploads(List<MultipartFile> files) {
        List<PlanService.FileUpload> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (MultipartFile f : files) {
            if (f.isEmpty()) {
                continue;
            }
            try {
                out.add(new PlanService.FileUpload(f.getOriginalFilename(), f.getInputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
