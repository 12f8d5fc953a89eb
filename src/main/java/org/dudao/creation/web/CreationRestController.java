package org.dudao.creation.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CampaignView;
import org.dudao.creation.AssignmentView;
import org.dudao.creation.CreationProblemView;
import org.dudao.creation.CreationProgress;
import org.dudao.creation.GapView;
import org.dudao.creation.SelfReportView;
import org.dudao.creation.domain.CreationService;
import org.dudao.creation.domain.DeclarationPackage;
import org.dudao.evidence.AttachmentView;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
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

/** JSON API of model-creation campaigns (示范创建). */
@RestController
@RequestMapping({"/api/v1/creation", "/app/creation"})
class CreationRestController {

    private final CreationService service;
    private final DeclarationPackage declaration;

    CreationRestController(CreationService service, DeclarationPackage declaration) {
        this.service = service;
        this.declaration = declaration;
    }

    record NewCampaign(String template, String name, Integer year) {}

    record Text(String text) {}

    record Consolidation(List<Long> included, String explanation) {}

    record SelfReportBody(String body) {}

    record NewProblem(Long unitId, Long taskId, String source, String description, String measures, LocalDate dueOn) {}

    record Rectified(String note) {}

    @GetMapping("/campaigns")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    List<CampaignView> campaigns() {
        return service.list(CurrentUser.require());
    }

    @PostMapping("/campaigns")
    @PreAuthorize("hasAuthority('creation:campaign:manage')")
    @Operation(summary = "Create from a template (LS-2021, PDS-2019) and expand the responsible units")
    CampaignView create(@RequestBody NewCampaign body) {
        if (body.year() == null) {
            throw new InvalidInputException("year", "creation.yearRequired");
        }
        return service.create(body.template(), body.name(), body.year(), CurrentUser.require());
    }

    @PostMapping("/campaigns/{id}/setup")
    @PreAuthorize("hasAuthority('creation:campaign:manage')")
    @Operation(summary = "Expand the responsible units of a creation campaign made on the campaign page")
    Map<String, Integer> setUp(@PathVariable long id) {
        return Map.of("assignments", service.setUp(id, CurrentUser.require()));
    }

    @GetMapping("/campaigns/{id}/gaps")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    List<GapView> gaps(@PathVariable long id) {
        return service.gaps(id, CurrentUser.require());
    }

    @GetMapping("/campaigns/{id}/my")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    List<AssignmentView> my(@PathVariable long id) {
        return service.myLines(id, CurrentUser.require());
    }

    @GetMapping("/campaigns/{id}/units/{unitId}/lines")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    List<AssignmentView> unitLines(@PathVariable long id, @PathVariable long unitId) {
        return service.linesOfUnit(id, unitId, CurrentUser.require());
    }

    @GetMapping("/campaigns/{id}/tasks/{taskId}/lines")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    List<AssignmentView> taskLines(@PathVariable long id, @PathVariable long taskId) {
        return service.taskLines(id, taskId, CurrentUser.require());
    }

    @PostMapping("/campaigns/{id}/tasks/{taskId}/files")
    @PreAuthorize("hasAuthority('creation:material:write')")
    AttachmentView upload(@PathVariable long id, @PathVariable long taskId, @RequestParam("file") MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return service.upload(id, taskId, file.getOriginalFilename(), in, CurrentUser.require());
        }
    }

    @PutMapping("/campaigns/{id}/tasks/{taskId}/explanation")
    @PreAuthorize("hasAuthority('creation:material:write')")
    AssignmentView explain(@PathVariable long id, @PathVariable long taskId, @RequestBody Text body) {
        return service.explain(id, taskId, body.text(), CurrentUser.require());
    }

    @PutMapping("/campaigns/{id}/tasks/{taskId}/consolidation")
    @PreAuthorize("hasAuthority('creation:material:write')")
    @Operation(summary = "汇总备查 by the lead unit: lines to include in the package and the consolidated explanation")
    List<AssignmentView> consolidate(
            @PathVariable long id, @PathVariable long taskId, @RequestBody Consolidation body) {
        CurrentUser user = CurrentUser.require();
        service.consolidate(id, taskId, body.included(), body.explanation(), user);
        return service.taskLines(id, taskId, user);
    }

    @GetMapping("/campaigns/{id}/files/{fileId}")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    void file(@PathVariable long id, @PathVariable long fileId, HttpServletResponse response) throws IOException {
        CreationFiles.send(service.openFile(id, fileId, CurrentUser.require()), response);
    }

    @GetMapping("/campaigns/{id}/self-report")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    ResponseEntity<SelfReportView> selfReport(@PathVariable long id) {
        SelfReportView r = service.selfReport(id, CurrentUser.require());
        return r == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(r);
    }

    @PutMapping("/campaigns/{id}/self-report")
    @PreAuthorize("hasAuthority('creation:material:write')")
    SelfReportView saveSelfReport(@PathVariable long id, @RequestBody SelfReportBody body) {
        return service.saveSelfReport(id, body.body(), CurrentUser.require());
    }

    @PostMapping("/campaigns/{id}/self-report/files")
    @PreAuthorize("hasAuthority('creation:material:write')")
    AttachmentView attachSelfReport(@PathVariable long id, @RequestParam("file") MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return service.attachSelfReport(id, file.getOriginalFilename(), in, CurrentUser.require());
        }
    }

    @PostMapping("/campaigns/{id}/self-report/seal")
    @PreAuthorize("hasAuthority('creation:material:write')")
    SelfReportView seal(@PathVariable long id) {
        return service.seal(id, CurrentUser.require());
    }

    @GetMapping("/campaigns/{id}/self-reports")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    List<SelfReportView> selfReports(@PathVariable long id) {
        return service.selfReports(id, CurrentUser.require());
    }

    @GetMapping("/campaigns/{id}/problems")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    List<CreationProblemView> problems(@PathVariable long id) {
        return service.problems(id, CurrentUser.require());
    }

    @PostMapping("/campaigns/{id}/problems")
    @PreAuthorize("hasAuthority('creation:problem:write')")
    CreationProblemView addProblem(@PathVariable long id, @RequestBody NewProblem body) {
        return service.addProblem(
                id,
                body.unitId(),
                body.taskId(),
                body.source(),
                body.description(),
                body.measures(),
                body.dueOn(),
                CurrentUser.require());
    }

    @PostMapping("/campaigns/{id}/problems/{problemId}/rectification")
    @PreAuthorize("hasAuthority('creation:problem:write')")
    CreationProblemView rectify(@PathVariable long id, @PathVariable long problemId, @RequestBody Rectified body) {
        return service.rectify(id, problemId, body.note(), CurrentUser.require());
    }

    @GetMapping("/campaigns/{id}/progress")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    CreationProgress progress(@PathVariable long id) {
        return service.progress(id, CurrentUser.require());
    }

    @GetMapping("/campaigns/{id}/declaration.zip")
    @PreAuthorize("hasAuthority('creation:campaign:manage')")
    void declaration(@PathVariable long id, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.require();
        String name = declaration.fileName(id, user);
        CreationFiles.zipHeaders(response, name);
        declaration.write(id, user, response.getOutputStream());
    }
}
