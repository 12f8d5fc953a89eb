package org.dudao.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.evaluation.Channel;
import org.dudao.evaluation.EvaluationCommand;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.HistoryView;
import org.dudao.evaluation.RowResult;
import org.dudao.evaluation.SampleView;
import org.dudao.evaluation.domain.EvaluationSamples;
import org.dudao.evaluation.domain.EvaluationService;
import org.dudao.evaluation.domain.EvaluationStore;
import org.dudao.evaluation.domain.ScoringSheets;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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

/** Evaluations for integration clients and the pages' scripts (batches, all or nothing). */
@RestController
@RequestMapping({"/api/v1/campaigns/{id}", "/app/campaigns/{id}"})
@Tag(name = "evaluation", description = "评价 / evaluations")
class EvaluationRestController {

    static final int MAX_ROWS = 20_000;

    private final EvaluationService service;
    private final EvaluationStore store;
    private final CampaignApi campaigns;
    private final MessageSource messages;
    private final ScoringSheets sheets;
    private final EvaluationSamples samples;

    EvaluationRestController(
            EvaluationService service,
            EvaluationStore store,
            CampaignApi campaigns,
            MessageSource messages,
            ScoringSheets sheets,
            EvaluationSamples samples) {
        this.samples = samples;
        this.service = service;
        this.store = store;
        this.campaigns = campaigns;
        this.messages = messages;
        this.sheets = sheets;
    }

    /** The batch's answer: applied (all rows written) or not (no row written), with one result per row. */
    record BatchAnswer(boolean applied, boolean dryRun, String message, List<RowResult> rows) {}

    @PutMapping("/evaluations")
    @PreAuthorize("hasAuthority('evaluation:grade:write')")
    @Operation(summary = "Grades, points or not applicable for (target, task) rows; all or nothing")
    ResponseEntity<BatchAnswer> put(
            @PathVariable long id,
            @RequestBody List<EvaluationCommand> rows,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        if (rows.isEmpty()) {
            throw new InvalidInputException(null, "evaluation.emptyBatch");
        }
        if (rows.size() > MAX_ROWS) {
            throw new InvalidInputException(null, "evaluation.batchTooLarge", MAX_ROWS);
        }
        CurrentUser user = CurrentUser.require();
        List<RowResult> results = service.apply(id, rows, user, Channel.API, dryRun);
        long failed = results.stream().filter(RowResult::failed).count();
        if (failed > 0) {
            String message = messages.getMessage(
                    "evaluation.batchRefused", new Object[] {failed}, LocaleContextHolder.getLocale());
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new BatchAnswer(false, dryRun, message, results));
        }
        return ResponseEntity.ok(new BatchAnswer(!dryRun, dryRun, null, results));
    }

    @GetMapping("/evaluations")
    @PreAuthorize("hasAuthority('evaluation:grade:read')")
    @Operation(
            summary = "The evaluations the caller may read: all for the office and leaders, its tasks' for an assessor")
    List<EvaluationView> list(@PathVariable long id) {
        CurrentUser user = CurrentUser.require();
        return service.readable(campaigns.visible(id, user), user);
    }

    @GetMapping("/evaluations/sheet.xlsx")
    @PreAuthorize("hasAuthority('evaluation:grade:write')")
    @Operation(summary = "The caller's offline scoring sheet: its tasks × targets with the current values")
    ResponseEntity<byte[]> sheet(@PathVariable long id) throws IOException {
        CurrentUser user = CurrentUser.require();
        CampaignView campaign = campaigns.visible(id, user);
        return Downloads.xlsx(sheets.bytes(campaign, user), ScoringSheets.filename(campaign, user));
    }

    @PostMapping("/evaluations/sheet")
    @PreAuthorize("hasAuthority('evaluation:grade:write')")
    @Operation(
            summary =
                    "Upload a filled scoring sheet: dry run (default) shows the diff and row errors; dryRun=false applies all or nothing")
    ResponseEntity<ScoringSheets.Outcome> uploadSheet(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun)
            throws IOException {
        CurrentUser user = CurrentUser.require();
        CampaignView campaign = campaigns.visible(id, user);
        ScoringSheets.Outcome o = sheets.upload(campaign, file.getBytes(), dryRun, user);
        return o.errors() > 0 ? ResponseEntity.badRequest().body(o) : ResponseEntity.ok(o);
    }

    record SampleRequest(Long targetId, Long taskId, List<String> items, Integer size, Long seed) {}

    record ItemScore(java.math.BigDecimal score, String note) {}

    @PostMapping("/samples")
    @PreAuthorize("hasAuthority('evaluation:grade:write')")
    @Operation(summary = "集中评查: draw a reproducible sample (seed recorded) of a target's documents for a task")
    SampleView draw(@PathVariable long id, @RequestBody SampleRequest r) {
        if (r.targetId() == null || r.taskId() == null || r.size() == null) {
            throw new InvalidInputException(null, "error.unreadable");
        }
        return samples.draw(id, r.targetId(), r.taskId(), r.items(), r.size(), r.seed(), CurrentUser.require());
    }

    @GetMapping("/samples")
    @PreAuthorize("hasAuthority('evaluation:grade:read')")
    SampleView sample(@PathVariable long id, @RequestParam long targetId, @RequestParam long taskId) {
        CurrentUser user = CurrentUser.require();
        service.taskFor(campaigns.visible(id, user), taskId, user, true);
        return samples.find(targetId, taskId)
                .orElseThrow(() -> new NotFoundException("evaluation-sample", targetId + "/" + taskId));
    }

    @PutMapping("/samples/{sampleId}/items/{position}")
    @PreAuthorize("hasAuthority('evaluation:grade:write')")
    @Operation(summary = "Score one sampled item (0–100); the last one sets the task's points from the mean")
    SampleView scoreItem(
            @PathVariable long id, @PathVariable long sampleId, @PathVariable int position, @RequestBody ItemScore s) {
        return samples.score(id, sampleId, position, s.score(), s.note(), CurrentUser.require());
    }

    @GetMapping("/evaluations/history")
    @PreAuthorize("hasAuthority('evaluation:grade:read')")
    @Operation(summary = "Every change of one (target, task) evaluation: old → new, who, when, why")
    Map<String, Object> history(@PathVariable long id, @RequestParam long targetId, @RequestParam long taskId) {
        CurrentUser user = CurrentUser.require();
        service.taskFor(campaigns.visible(id, user), taskId, user, true);
        List<HistoryView> history = store.history(targetId, taskId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("current", store.find(targetId, taskId).orElse(null));
        m.put("history", history);
        return m;
    }
}
