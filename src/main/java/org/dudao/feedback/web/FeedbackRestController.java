package org.dudao.feedback.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dudao.evidence.EvidenceApi;
import org.dudao.feedback.ProblemView;
import org.dudao.feedback.RectificationView;
import org.dudao.feedback.ReviewView;
import org.dudao.feedback.domain.DecisionCommand;
import org.dudao.feedback.domain.FeedbackDocuments;
import org.dudao.feedback.domain.FeedbackFiles;
import org.dudao.feedback.domain.FeedbackSettings;
import org.dudao.feedback.domain.FeedbackStore;
import org.dudao.feedback.domain.FileUpload;
import org.dudao.feedback.domain.ProblemCommand;
import org.dudao.feedback.domain.ProblemService;
import org.dudao.feedback.domain.RectificationService;
import org.dudao.feedback.domain.ReviewCommand;
import org.dudao.feedback.domain.ReviewService;
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

/** Feedback, review and rectification over REST (bearer auth under /api/v1, the session under /app). */
@RestController
@RequestMapping({"/api/v1/campaigns/{id}", "/app/campaigns/{id}"})
@Tag(name = "feedback", description = "问题反馈、复核、整改 / problems, reviews, rectification")
class FeedbackRestController {

    private final ProblemService problems;
    private final ReviewService reviews;
    private final RectificationService rectifications;
    private final FeedbackDocuments documents;
    private final FeedbackSettings settings;
    private final FeedbackFiles files;

    FeedbackRestController(
            ProblemService problems,
            ReviewService reviews,
            RectificationService rectifications,
            FeedbackDocuments documents,
            FeedbackSettings settings,
            FeedbackFiles files) {
        this.problems = problems;
        this.reviews = reviews;
        this.rectifications = rectifications;
        this.documents = documents;
        this.settings = settings;
        this.files = files;
    }

    // ------------------------------------------------------------------ settings

    @GetMapping("/feedback-settings")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    @Operation(summary = "Windows in working days: responseDays, reviewDays, decisionDays")
    FeedbackStore.Settings settings(@PathVariable long id) {
        return settings.get(id, CurrentUser.require());
    }

    @PutMapping("/feedback-settings")
    @PreAuthorize("hasAuthority('feedback:review:decide')")
    FeedbackStore.Settings putSettings(@PathVariable long id, @RequestBody Map<String, Integer> body) {
        return settings.put(id, body, CurrentUser.require());
    }

    // ------------------------------------------------------------------ problems

    @GetMapping("/problems")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    @Operation(
            summary =
                    "Problems fed back: all for the office and leaders, own for a target, raised by the unit for an assessor")
    List<ProblemView> problems(@PathVariable long id) {
        return problems.list(id, CurrentUser.require());
    }

    @PostMapping(value = "/problems", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('feedback:problem:write')")
    @Operation(
            summary =
                    "Feed a problem back to a target: {targetId, taskId?, adjustmentId?, source, severity, description, pointsAffected?}")
    ProblemView raise(@PathVariable long id, @RequestBody ProblemCommand body) {
        return problems.raise(id, body, List.of(), CurrentUser.require());
    }

    record Raised(List<Long> ids) {}

    @PostMapping(value = "/problems/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('feedback:problem:write')")
    @Operation(summary = "Feed back many problems at once (year-end, on-site and central-review findings): all or none")
    Raised raiseAll(@PathVariable long id, @RequestBody List<ProblemCommand> body) {
        return new Raised(problems.raiseAll(id, body, CurrentUser.require()));
    }

    @GetMapping("/problems/{problemId}")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    ProblemView problem(@PathVariable long id, @PathVariable long problemId) {
        return problems.view(id, problemId, CurrentUser.require());
    }

    record Response(String decision, String explanation) {}

    @PostMapping(value = "/problems/{problemId}/response", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('feedback:problem:respond')")
    @Operation(summary = "The target confirms (CONFIRM) or disputes (DISPUTE, explanation required) within the window")
    ProblemView respond(@PathVariable long id, @PathVariable long problemId, @RequestBody Response body) {
        return problems.respond(
                id,
                problemId,
                confirm(body.decision(), "CONFIRM", "DISPUTE"),
                body.explanation(),
                List.of(),
                CurrentUser.require());
    }

    record Resolution(String decision, String reason) {}

    @PostMapping("/problems/{problemId}/resolution")
    @PreAuthorize("hasAuthority('feedback:review:decide')")
    @Operation(summary = "The office confirms (CONFIRM) a disputed problem or withdraws it (WITHDRAW), with a reason")
    ProblemView resolve(@PathVariable long id, @PathVariable long problemId, @RequestBody Resolution body) {
        return problems.resolve(
                id, problemId, confirm(body.decision(), "CONFIRM", "WITHDRAW"), body.reason(), CurrentUser.require());
    }

    // ------------------------------------------------------------------ reviews

    @GetMapping("/reviews")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    @Operation(summary = "Review requests (复核), with the decision due date and an overdue flag")
    List<ReviewView> reviews(@PathVariable long id) {
        return reviews.list(id, CurrentUser.require());
    }

    @PostMapping(value = "/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('feedback:review:file')")
    @Operation(
            summary =
                    "File a review request: {problemId?, taskIds, adjustmentIds, statement}; refused after the window")
    ReviewView file(@PathVariable long id, @RequestBody ReviewCommand body) {
        return reviews.file(id, body, List.of(), CurrentUser.require());
    }

    @PostMapping(value = "/reviews", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('feedback:review:file')")
    ReviewView fileWithFiles(
            @PathVariable long id,
            @RequestParam(required = false) Long problemId,
            @RequestParam(required = false) List<Long> taskIds,
            @RequestParam(required = false) List<Long> adjustmentIds,
            @RequestParam(required = false) String statement,
            @RequestParam(required = false) List<MultipartFile> files) {
        return reviews.file(
                id,
                new ReviewCommand(problemId, null, taskIds, adjustmentIds, statement),
                uploads(files),
                CurrentUser.require());
    }

    @GetMapping("/reviews/{reviewId}")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    ReviewView review(@PathVariable long id, @PathVariable long reviewId) {
        return reviews.view(id, reviewId, CurrentUser.require());
    }

    @PostMapping("/reviews/{reviewId}/decision")
    @PreAuthorize("hasAuthority('feedback:review:decide')")
    @Operation(summary = "Decide: {decision: UPHELD|PARTLY_CHANGED|CHANGED, reason, evaluations:[…], adjustments:[…]}")
    ReviewView decide(@PathVariable long id, @PathVariable long reviewId, @RequestBody DecisionCommand body) {
        return reviews.decide(id, reviewId, body, CurrentUser.require());
    }

    // ------------------------------------------------------------------ rectification

    @GetMapping("/rectifications")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    @Operation(summary = "Rectification items (整改台账) with their reports and an overdue flag")
    List<RectificationView> rectifications(@PathVariable long id) {
        return rectifications.list(id, CurrentUser.require());
    }

    @GetMapping("/rectifications/{itemId}")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    RectificationView rectification(@PathVariable long id, @PathVariable long itemId) {
        return rectifications.view(id, itemId, CurrentUser.require());
    }

    record Plan(String measures, String responsiblePerson, LocalDate deadline) {}

    @PutMapping("/rectifications/{itemId}/plan")
    @PreAuthorize("hasAuthority('feedback:rectification:report')")
    RectificationView plan(@PathVariable long id, @PathVariable long itemId, @RequestBody Plan body) {
        return rectifications.plan(
                id, itemId, body.measures(), body.responsiblePerson(), body.deadline(), CurrentUser.require());
    }

    record Report(String kind, String body) {}

    @PostMapping(value = "/rectifications/{itemId}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('feedback:rectification:report')")
    @Operation(summary = "A progress (PROGRESS) or completion (COMPLETION) report")
    RectificationView report(@PathVariable long id, @PathVariable long itemId, @RequestBody Report body) {
        return rectifications.report(
                id,
                itemId,
                confirm(body.kind(), "COMPLETION", "PROGRESS"),
                body.body(),
                List.of(),
                CurrentUser.require());
    }

    @PostMapping(value = "/rectifications/{itemId}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('feedback:rectification:report')")
    RectificationView reportWithFiles(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) List<MultipartFile> files) {
        return rectifications.report(
                id, itemId, confirm(kind, "COMPLETION", "PROGRESS"), body, uploads(files), CurrentUser.require());
    }

    record Verification(Boolean accept, String reason) {}

    @PostMapping("/rectifications/{itemId}/verification")
    @PreAuthorize("hasAuthority('feedback:rectification:verify')")
    RectificationView verify(@PathVariable long id, @PathVariable long itemId, @RequestBody Verification body) {
        if (body.accept() == null) {
            throw new InvalidInputException("accept", "validation.required");
        }
        return rectifications.verify(id, itemId, body.accept(), body.reason(), CurrentUser.require());
    }

    record Escalation(String measure, String note) {}

    @PostMapping("/rectifications/{itemId}/escalation")
    @PreAuthorize("hasAuthority('feedback:rectification:verify')")
    @Operation(summary = "约谈 TALK / 挂牌督办 SUPERVISE / 通报批评 CRITICISM with a note")
    RectificationView escalate(@PathVariable long id, @PathVariable long itemId, @RequestBody Escalation body) {
        return rectifications.escalate(id, itemId, body.measure(), body.note(), CurrentUser.require());
    }

    @GetMapping("/rectifications/ledger.xlsx")
    @PreAuthorize("hasAuthority('feedback:rectification:verify')")
    @Operation(summary = "The office's rectification ledger (整改台账) as xlsx")
    ResponseEntity<byte[]> ledger(@PathVariable long id) {
        return Downloads.xlsx(documents.ledger(id, CurrentUser.require()), "整改台账-" + id + ".xlsx");
    }

    @GetMapping("/rectifications/report.docx")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    @Operation(summary = "A target's rectification report (整改情况报告) as docx")
    ResponseEntity<byte[]> report(@PathVariable long id, @RequestParam long targetId) {
        return Downloads.docx(documents.report(id, targetId, CurrentUser.require()), "整改情况报告-" + targetId + ".docx");
    }

    // ------------------------------------------------------------------ files

    @PostMapping(value = "/problems/{problemId}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('feedback:problem:write')")
    @Operation(summary = "Add evidence files to a problem the caller's unit raised (or any, for the office)")
    ProblemView problemFiles(
            @PathVariable long id, @PathVariable long problemId, @RequestParam List<MultipartFile> files) {
        return problems.attach(id, problemId, uploads(files), CurrentUser.require());
    }

    @GetMapping("/feedback-files/{fileId}")
    @PreAuthorize("hasAuthority('feedback:problem:read')")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long fileId) {
        EvidenceApi.OpenedAttachment o = files.open(id, fileId, CurrentUser.require());
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        Downloads.disposition(o.attachment().displayName(), false))
                .header("X-Content-SHA256", o.attachment().sha256())
                .contentType(MediaType.parseMediaType(o.attachment().contentType()))
                .contentLength(o.attachment().size())
                .body(new InputStreamResource(o.content()));
    }

    static boolean confirm(String value, String yes, String no) {
        if (yes.equals(value)) {
            return true;
        }
        if (no.equals(value)) {
            return false;
        }
        throw new InvalidInputException("decision", "feedback.choice", yes, no);
    }

    static List<FileUpload> uploads(List<MultipartFile> files) {
        List<FileUpload> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (MultipartFile f : files) {
            if (f.isEmpty()) {
                continue;
            }
            try {
                out.add(new FileUpload(f.getOriginalFilename(), f.getInputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
