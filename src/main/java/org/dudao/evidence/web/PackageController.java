package org.dudao.evidence.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dudao.evidence.domain.EvidencePackages;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** 材料包 downloads (ZIP by indicator path with manifest), for the API and the pages alike. */
@RestController
@RequestMapping({"/api/v1/campaigns/{id}", "/campaigns/{id}"})
class PackageController {

    private final EvidencePackages packages;

    PackageController(EvidencePackages packages) {
        this.packages = packages;
    }

    @Operation(summary = "全部材料包 / every current file of the campaign (office)")
    @GetMapping("/package.zip")
    @PreAuthorize("hasAuthority('evidence:submission:read')")
    ResponseEntity<StreamingResponseBody> campaign(@PathVariable long id) {
        CurrentUser user = CurrentUser.require();
        return zip(packages.campaignScope(id, user), user);
    }

    @Operation(summary = "考核对象材料包 / one target's files (the target or the office)")
    @GetMapping("/targets/{targetId}/package.zip")
    @PreAuthorize("hasAuthority('evidence:submission:read')")
    ResponseEntity<StreamingResponseBody> target(@PathVariable long id, @PathVariable long targetId) {
        CurrentUser user = CurrentUser.require();
        return zip(packages.targetScope(id, targetId, user), user);
    }

    @Operation(summary = "任务材料包 / one task's files of all targets (the task's assessor or the office)")
    @GetMapping("/tasks/{taskId}/package.zip")
    @PreAuthorize("hasAuthority('evidence:submission:read')")
    ResponseEntity<StreamingResponseBody> task(@PathVariable long id, @PathVariable long taskId) {
        CurrentUser user = CurrentUser.require();
        return zip(packages.taskScope(id, taskId, user), user);
    }

    private ResponseEntity<StreamingResponseBody> zip(EvidencePackages.Scope scope, CurrentUser user) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition(scope.fileName(), false))
                .body(out -> packages.write(scope, out, user));
    }
}
