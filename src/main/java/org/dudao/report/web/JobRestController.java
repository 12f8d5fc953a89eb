package org.dudao.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.dudao.report.jobs.JobService;
import org.dudao.report.jobs.JobView;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 后台任务: queue a campaign-wide file, follow its progress, download it. */
@RestController
@RequestMapping({"/api/v1", "/app"})
@Tag(name = "report-jobs", description = "后台任务 / background jobs: long files with progress")
class JobRestController {

    private final JobService jobs;

    JobRestController(JobService jobs) {
        this.jobs = jobs;
    }

    /** {@code {"kind": "RESULT_SUMMARY"}} */
    record Submit(String kind) {}

    record Submitted(long id, String status) {}

    @PostMapping("/campaigns/{id}/jobs")
    @PreAuthorize("hasAuthority('report:job:run')")
    @Operation(
            summary = "Queue a background job of the campaign (kind RESULT_SUMMARY); the same job already queued or"
                    + " running is returned instead (office)")
    ResponseEntity<Submitted> submit(@PathVariable long id, @RequestBody(required = false) Submit body) {
        JobView job = jobs.submit(id, body == null ? null : body.kind(), CurrentUser.require());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, "/api/v1/jobs/" + job.id())
                .body(new Submitted(job.id(), job.status().name()));
    }

    @GetMapping("/campaigns/{id}/jobs")
    @PreAuthorize("hasAuthority('report:job:run')")
    @Operation(summary = "The campaign's latest background jobs, newest first (office)")
    List<JobView> list(@PathVariable long id) {
        return jobs.ofCampaign(id, CurrentUser.require());
    }

    @GetMapping("/jobs/{jobId}")
    @PreAuthorize("hasAuthority('report:job:run')")
    @Operation(
            summary = "A job's status (QUEUED, RUNNING, DONE, FAILED), progress 0–100, message, downloadUrl once done,"
                    + " expiresAt")
    JobView job(@PathVariable long jobId) {
        return jobs.job(jobId, CurrentUser.require());
    }

    @GetMapping("/jobs/{jobId}/file")
    @PreAuthorize("hasAuthority('report:job:run')")
    @Operation(
            summary = "A done job's file, its bytes checked against the SHA-256 recorded when written"
                    + " (X-Content-SHA256); 409 before it is done, 404 once expired")
    ResponseEntity<Resource> file(@PathVariable long jobId) throws IOException {
        JobService.JobFile f = jobs.file(jobId, CurrentUser.require());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .contentLength(Files.size(f.path()))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Content-SHA256", f.job().sha256())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        Downloads.disposition(f.job().fileName(), false))
                .body(new FileSystemResource(f.path()));
    }
}
