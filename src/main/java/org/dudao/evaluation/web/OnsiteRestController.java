package org.dudao.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dudao.evaluation.RowResult;
import org.dudao.evaluation.domain.OnsiteVisits;
import org.dudao.evidence.AttachmentView;
import org.dudao.evidence.EvidenceApi;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 实地考核 for the on-site page's script and integration clients: the caller's on-site tasks × targets
 * to cache on the phone, visits synced from it (idempotent by the phone's client id, all or nothing),
 * their photos. Who is not a rater of the campaign's on-site tasks gets 404 (audited), not 403, so that
 * the campaign's existence is not revealed.
 */
@RestController
@RequestMapping({"/api/v1/campaigns/{id}/onsite", "/app/campaigns/{id}/onsite"})
@Tag(name = "evaluation", description = "评价 / evaluations")
class OnsiteRestController {

    private final OnsiteVisits onsite;

    OnsiteRestController(OnsiteVisits onsite) {
        this.onsite = onsite;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "实地考核: the caller's on-site tasks × targets with the current values (for the phone's cache)")
    OnsiteVisits.Sheet sheet(@PathVariable long id) {
        return onsite.sheet(id, CurrentUser.require());
    }

    @PostMapping("/visits")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary =
                    "Sync one on-site visit: team, time, per-task ratings and notes; all or nothing; the same clientId"
                            + " again returns the first answer and writes nothing")
    ResponseEntity<OnsiteVisits.Answer> visit(@PathVariable long id, @RequestBody OnsiteVisits.VisitCommand visit) {
        OnsiteVisits.Answer answer = onsite.record(id, visit, CurrentUser.require());
        return answer.applied()
                ? ResponseEntity.ok(answer)
                : ResponseEntity.status(HttpStatus.BAD_REQUEST).body(answer);
    }

    /** A photo with the address to fetch it from (same prefix, /app or /api/v1, as the listing). */
    record PhotoJson(
            long id,
            Long taskId,
            String name,
            String sha256,
            String contentType,
            long size,
            Instant uploadedAt,
            String url) {}

    record VisitJson(
            long id,
            String clientId,
            long targetId,
            String targetName,
            List<String> teamMembers,
            Instant visitedAt,
            Map<String, String> notes,
            List<Map<String, Object>> items,
            List<RowResult> rows,
            String syncedBy,
            String syncedByName,
            Instant syncedAt,
            List<PhotoJson> photos) {}

    @GetMapping("/visits")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The campaign's on-site visits (optionally of one target): team, notes, ratings, photo links")
    List<VisitJson> visits(
            @PathVariable long id, @RequestParam(required = false) Long targetId, HttpServletRequest request) {
        String base = base(request, id);
        return onsite.visits(id, targetId, CurrentUser.require()).stream()
                .map(v -> new VisitJson(
                        v.id(),
                        v.clientId(),
                        v.targetId(),
                        v.targetName(),
                        v.teamMembers(),
                        v.visitedAt(),
                        v.notes(),
                        v.items(),
                        v.rows(),
                        v.syncedBy(),
                        v.syncedByName(),
                        v.syncedAt(),
                        v.photos().stream().map(p -> json(p, base, v.id())).toList()))
                .toList();
    }

    @PostMapping("/visits/{visitId}/photos")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "Add a photo (multipart file; PNG or JPEG by content) to a synced visit, optionally for one task;"
                    + " the same clientId again returns the stored photo")
    PhotoJson photo(
            @PathVariable long id,
            @PathVariable long visitId,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) Long taskId,
            @RequestParam(required = false) String clientId,
            HttpServletRequest request)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "evaluation.onsite.photoMissing");
        }
        try (InputStream in = file.getInputStream()) {
            OnsiteVisits.PhotoView p = onsite.addPhoto(
                    id, visitId, taskId, clientId, file.getOriginalFilename(), in, CurrentUser.require());
            return json(p, base(request, id), visitId);
        }
    }

    @GetMapping("/visits/{visitId}/photos/{photoId}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One photo of a visit (shown inline; the download is audited)")
    void photoContent(
            @PathVariable long id, @PathVariable long visitId, @PathVariable long photoId, HttpServletResponse response)
            throws IOException {
        EvidenceApi.OpenedAttachment opened = onsite.openPhoto(id, visitId, photoId, CurrentUser.require());
        AttachmentView a = opened.attachment();
        response.setContentType(a.contentType());
        response.setContentLengthLong(a.size());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition(a.displayName(), true));
        try (InputStream in = opened.content()) {
            // the stream checks the SHA-256 at its end; hold the last block back until it has
            OutputStream out = response.getOutputStream();
            byte[] held = new byte[64 * 1024];
            byte[] next = new byte[64 * 1024];
            int heldLen = in.readNBytes(held, 0, held.length);
            while (true) {
                int n = in.readNBytes(next, 0, next.length);
                if (n <= 0) {
                    break;
                }
                out.write(held, 0, heldLen);
                byte[] t = held;
                held = next;
                next = t;
                heldLen = n;
            }
            out.write(held, 0, heldLen);
        }
    }

    private static PhotoJson json(OnsiteVisits.PhotoView p, String base, long visitId) {
        return new PhotoJson(
                p.id(),
                p.taskId(),
                p.name(),
                p.sha256(),
                p.contentType(),
                p.size(),
                p.uploadedAt(),
                base + "/visits/" + visitId + "/photos/" + p.id());
    }

    private static String base(HttpServletRequest request, long campaignId) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String prefix = path.startsWith("/api/") ? "/api/v1" : "/app";
        return request.getContextPath() + prefix + "/campaigns/" + campaignId + "/onsite";
    }
}
