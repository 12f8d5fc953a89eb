package org.dudao.evidence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.dudao.evidence.EventView;
import org.dudao.evidence.FileView;
import org.dudao.evidence.LinkView;
import org.dudao.evidence.SubmissionStatus;
import org.dudao.evidence.SubmissionView;
import org.dudao.evidence.VersionView;
import org.dudao.evidence.domain.ChunkedUploads;
import org.dudao.evidence.domain.EvidenceAccess;
import org.dudao.evidence.domain.EvidenceAccess.TargetTask;
import org.dudao.evidence.domain.EvidenceFiles;
import org.dudao.evidence.domain.EvidenceQueries;
import org.dudao.evidence.domain.EvidenceRepository;
import org.dudao.evidence.domain.SubmissionService;
import org.dudao.evidence.store.StagedBlob;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Submissions for integration clients (bearer token, {@code /api/v1}) and for the pages' scripts
 * (session and CSRF header, {@code /app}): the same handlers, the target always the caller's own unit.
 */
@RestController
@RequestMapping({"/api/v1", "/app"})
@Tag(name = "evidence", description = "报送资料 / evidence submissions")
class EvidenceRestController {

    private final SubmissionService submissions;
    private final ChunkedUploads chunks;
    private final EvidenceFiles files;
    private final EvidenceAccess access;
    private final EvidenceRepository repo;
    private final EvidenceQueries queries;

    EvidenceRestController(
            SubmissionService submissions,
            ChunkedUploads chunks,
            EvidenceFiles files,
            EvidenceAccess access,
            EvidenceRepository repo,
            EvidenceQueries queries) {
        this.submissions = submissions;
        this.chunks = chunks;
        this.files = files;
        this.access = access;
        this.repo = repo;
        this.queries = queries;
    }

    record Uploaded(long fileId, String sha256, long size, String name, String type) {
        static Uploaded of(FileView f) {
            return new Uploaded(f.id(), f.sha256(), f.size(), f.displayName(), f.fileType());
        }
    }

    record SubmissionJson(
            Long id,
            long targetId,
            long taskId,
            SubmissionStatus status,
            int version,
            Instant dueAt,
            boolean open,
            String explanation,
            List<String> checklist,
            String returnReason,
            List<FileView> files,
            List<LinkView> links) {
        static SubmissionJson of(SubmissionView s) {
            return new SubmissionJson(
                    s.id(),
                    s.targetId(),
                    s.taskId(),
                    s.status(),
                    s.versions(),
                    s.dueAt(),
                    s.open(),
                    s.explanation(),
                    s.checklist(),
                    s.returnReason(),
                    s.files(),
                    s.links());
        }
    }

    /** @param duplicates file id → where else the same bytes were sent (flagged to the assessor) */
    record History(
            SubmissionJson submission,
            List<VersionView> versions,
            List<EventView> events,
            java.util.Map<Long, List<String>> duplicates) {}

    record TextRequest(String explanation, List<String> checklist) {}

    record LinkRequest(String url, String title, Long screenshotFileId) {}

    record ReturnRequest(String reason) {}

    record StartUpload(String name, Long size, String sha256) {}

    record Received(long received) {}

    // ------------------------------------------------------------------ target

    @Operation(summary = "上传文件 / upload one file (multipart `file`, optional `sha256`) to the caller's submission")
    @PostMapping("/campaigns/{id}/tasks/{taskId}/files")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    Uploaded upload(@PathVariable long id, @PathVariable long taskId, HttpServletRequest request) throws IOException {
        CurrentUser user = CurrentUser.require();
        TargetTask tt = submissions.checkUploadAllowed(id, taskId, user);
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            throw new InvalidInputException("file", "evidence.file.missing");
        }
        long max = submissions.maxFileBytes();
        if (request.getContentLengthLong() > max + 64 * 1024) {
            // refused from the declared length, before reading the body
            throw new org.dudao.evidence.store.TooLargeException(max);
        }
        StagedBlob staged = null;
        String name = null;
        String sha = null;
        try {
            JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
            upload.setHeaderCharset(StandardCharsets.UTF_8);
            FileItemInputIterator items = upload.getItemIterator(request);
            while (items.hasNext()) {
                FileItemInput item = items.next();
                try (InputStream in = item.getInputStream()) {
                    if (item.isFormField() && "sha256".equals(item.getFieldName())) {
                        sha = new String(in.readNBytes(200), StandardCharsets.UTF_8);
                    } else if (!item.isFormField() && "file".equals(item.getFieldName()) && staged == null) {
                        name = item.getName();
                        staged = submissions.stage(in);
                    } else {
                        in.skip(Long.MAX_VALUE);
                    }
                }
            }
            if (staged == null) {
                throw new InvalidInputException("file", "evidence.file.missing");
            }
            return Uploaded.of(submissions.finishUpload(tt, staged, name, SubmissionService.normaliseSha(sha), user));
        } catch (FileUploadException e) {
            throw new InvalidInputException("file", "evidence.file.unreadable");
        } finally {
            if (staged != null) {
                staged.close();
            }
        }
    }

    @Operation(summary = "报送 / submit the caller's submission of the task (a new version)")
    @PostMapping("/campaigns/{id}/tasks/{taskId}/submit")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    SubmissionJson submit(@PathVariable long id, @PathVariable long taskId) {
        return SubmissionJson.of(submissions.submit(id, taskId, CurrentUser.require()));
    }

    @Operation(summary = "撤回报送 / take a submitted submission back to draft (before the deadline)")
    @PostMapping("/campaigns/{id}/tasks/{taskId}/recall")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    SubmissionJson recall(@PathVariable long id, @PathVariable long taskId) {
        return SubmissionJson.of(submissions.recall(id, taskId, CurrentUser.require()));
    }

    @Operation(summary = "我的报送 / the caller's submission of the task")
    @GetMapping("/campaigns/{id}/tasks/{taskId}/submission")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    SubmissionJson mine(@PathVariable long id, @PathVariable long taskId) {
        CurrentUser user = CurrentUser.require();
        return SubmissionJson.of(submissions.view(access.asTarget(id, taskId, user, "evidence.read"), user));
    }

    @Operation(summary = "说明与材料清单 / save the explanation and the ticked checklist")
    @PutMapping("/campaigns/{id}/tasks/{taskId}/text")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    SubmissionJson text(@PathVariable long id, @PathVariable long taskId, @RequestBody TextRequest r) {
        CurrentUser user = CurrentUser.require();
        submissions.saveText(id, taskId, r.explanation(), r.checklist(), user);
        return mine(id, taskId);
    }

    @Operation(summary = "添加链接 / add a link (http/https) with an optional screenshot file")
    @PostMapping("/campaigns/{id}/tasks/{taskId}/links")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    LinkView link(@PathVariable long id, @PathVariable long taskId, @RequestBody LinkRequest r) {
        return submissions.addLink(id, taskId, r.url(), r.title(), r.screenshotFileId(), CurrentUser.require());
    }

    @Operation(summary = "撤回文件 / withdraw a file (it stays in the history)")
    @DeleteMapping("/campaigns/{id}/tasks/{taskId}/files/{fileId}")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    SubmissionJson withdraw(@PathVariable long id, @PathVariable long taskId, @PathVariable long fileId) {
        submissions.withdrawFile(id, taskId, fileId, CurrentUser.require());
        return mine(id, taskId);
    }

    @Operation(summary = "撤回链接 / withdraw a link")
    @DeleteMapping("/campaigns/{id}/tasks/{taskId}/links/{linkId}")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    SubmissionJson withdrawLink(@PathVariable long id, @PathVariable long taskId, @PathVariable long linkId) {
        submissions.withdrawLink(id, taskId, linkId, CurrentUser.require());
        return mine(id, taskId);
    }

    // ------------------------------------------------------------------ resumable uploads

    @Operation(summary = "开始分片上传 / start a resumable upload {name, size, sha256?}")
    @PostMapping("/campaigns/{id}/tasks/{taskId}/uploads")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    ChunkedUploads.Started start(@PathVariable long id, @PathVariable long taskId, @RequestBody StartUpload r) {
        return chunks.start(id, taskId, r.name(), r.size() == null ? 0 : r.size(), r.sha256(), CurrentUser.require());
    }

    @Operation(summary = "上传一个分片 / append a chunk starting at `offset` (raw body)")
    @PutMapping("/uploads/{uploadId}")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    Received chunk(@PathVariable UUID uploadId, @RequestParam long offset, HttpServletRequest request)
            throws IOException {
        try (InputStream in = request.getInputStream()) {
            return new Received(chunks.append(uploadId, offset, in, CurrentUser.require()));
        }
    }

    @Operation(summary = "已接收字节 / bytes received so far (to resume)")
    @GetMapping("/uploads/{uploadId}")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    Received received(@PathVariable UUID uploadId) {
        return new Received(chunks.received(uploadId, CurrentUser.require()));
    }

    @Operation(summary = "完成分片上传 / complete: hash, inspect and store the assembled file")
    @PostMapping("/uploads/{uploadId}/complete")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    Uploaded complete(@PathVariable UUID uploadId) {
        return Uploaded.of(chunks.complete(uploadId, CurrentUser.require()));
    }

    @Operation(summary = "取消分片上传 / abandon an upload")
    @DeleteMapping("/uploads/{uploadId}")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    void cancel(@PathVariable UUID uploadId) {
        chunks.cancel(uploadId, CurrentUser.require());
    }

    // ------------------------------------------------------------------ assessor / office

    @Operation(summary = "报送详情 / a target's submission with all versions and its history")
    @GetMapping("/campaigns/{id}/targets/{targetId}/tasks/{taskId}/submission")
    @PreAuthorize("hasAuthority('evidence:submission:read')")
    History history(@PathVariable long id, @PathVariable long targetId, @PathVariable long taskId) {
        CurrentUser user = CurrentUser.require();
        TargetTask tt = access.readable(id, targetId, taskId, user, "evidence.read");
        SubmissionView s = submissions.view(tt, user);
        return new History(
                SubmissionJson.of(s),
                s.id() == null ? List.of() : repo.versions(s.id()),
                s.id() == null ? List.of() : repo.events(s.id()),
                s.id() == null ? java.util.Map.of() : queries.duplicatesOf(id, s.id()));
    }

    @Operation(summary = "退回 / return a submission to the target with a reason (the task's assessor)")
    @PostMapping("/campaigns/{id}/targets/{targetId}/tasks/{taskId}/return")
    @PreAuthorize("hasAuthority('evidence:submission:return')")
    History returnIt(
            @PathVariable long id,
            @PathVariable long targetId,
            @PathVariable long taskId,
            @RequestBody ReturnRequest r) {
        submissions.returnToTarget(id, targetId, taskId, r.reason(), CurrentUser.require());
        return history(id, targetId, taskId);
    }

    @Operation(summary = "锁定 / lock a submission as the basis of the rating (the task's assessor)")
    @PostMapping("/campaigns/{id}/targets/{targetId}/tasks/{taskId}/lock")
    @PreAuthorize("hasAuthority('evidence:submission:return')")
    History lock(@PathVariable long id, @PathVariable long targetId, @PathVariable long taskId) {
        submissions.lock(id, targetId, taskId, CurrentUser.require());
        return history(id, targetId, taskId);
    }

    @Operation(summary = "报送进度 / progress by category and target (office)")
    @GetMapping("/campaigns/{id}/progress")
    @PreAuthorize("hasAuthority('evidence:submission:manage')")
    List<EvidenceQueries.CategoryProgress> progress(@PathVariable long id) {
        return queries.progress(id, CurrentUser.require());
    }

    // ------------------------------------------------------------------ files

    @Operation(summary = "下载文件 / the bytes (target, the task's assessor or the office only; re-verified)")
    @GetMapping("/files/{fileId}")
    void download(
            @PathVariable long fileId,
            @RequestParam(defaultValue = "false") boolean inline,
            HttpServletResponse response)
            throws IOException {
        FileDownloads.send(files.open(fileId, CurrentUser.require()), inline, response);
    }
}
