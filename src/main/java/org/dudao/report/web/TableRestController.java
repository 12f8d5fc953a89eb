package org.dudao.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dudao.report.tables.ReportTables;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Report tables as xlsx, streamed (bounded memory whatever the campaign's size), for the API (bearer) and the pages
 * (session) alike.
 */
@RestController
@RequestMapping({"/api/v1/campaigns/{id}/documents", "/app/campaigns/{id}/documents"})
@Tag(name = "report-tables", description = "报表 / result summary, assessor detail and progress tables (xlsx)")
class TableRestController {

    private final ReportTables tables;

    TableRestController(ReportTables tables) {
        this.tables = tables;
    }

    @GetMapping("/result-summary.xlsx")
    @PreAuthorize("hasAuthority('report:table:export')")
    @Operation(
            summary = "考核结果汇总表 / result summary: every target, every task score, bonus, penalty, final, level,"
                    + " rank; one sheet per category (office)")
    ResponseEntity<StreamingResponseBody> summary(@PathVariable long id) {
        ReportTables.Download d = tables.summary(id, CurrentUser.require());
        return xlsx(d.fileName(), out -> tables.writeSummary(d, out));
    }

    @GetMapping("/assessor-detail.xlsx")
    @PreAuthorize("hasAuthority('report:table:export') or hasAuthority('report:table:own')")
    @Operation(
            summary = "评分明细 / one assessor unit's evaluations: target, task, grade or points, reason, who, when"
                    + " (office: any unitId; an assessor unit: its own)")
    ResponseEntity<StreamingResponseBody> assessorDetail(
            @PathVariable long id, @RequestParam(required = false) Long unitId) {
        ReportTables.Download d = tables.assessorDetail(id, unitId, CurrentUser.require());
        return xlsx(d.fileName(), out -> tables.writeAssessorDetail(d, out));
    }

    @GetMapping("/progress.xlsx")
    @PreAuthorize("hasAuthority('report:table:export')")
    @Operation(summary = "进度表 / submission progress per target and evaluation progress per assessor unit (office)")
    ResponseEntity<StreamingResponseBody> progress(@PathVariable long id) {
        ReportTables.Download d = tables.progress(id, CurrentUser.require());
        return xlsx(d.fileName(), out -> tables.writeProgress(d, out));
    }

    static ResponseEntity<StreamingResponseBody> xlsx(String fileName, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .contentType(Downloads.XLSX)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition(fileName, false))
                .body(body);
    }
}
