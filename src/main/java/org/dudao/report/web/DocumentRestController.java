package org.dudao.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dudao.report.documents.DocumentKind;
import org.dudao.report.documents.DocumentService;
import org.dudao.report.documents.DocumentSettings;
import org.dudao.report.documents.DocumentSettingsCommand;
import org.dudao.report.documents.DocumentSettingsService;
import org.dudao.report.documents.GeneratedDocument;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The official documents of a campaign over REST (bearer auth under /api/v1, the session under /app, for the
 * page's download links). The campaign's office only: anyone else gets 404, audited.
 */
@RestController
@RequestMapping({"/api/v1/campaigns/{id}/documents", "/app/campaigns/{id}/documents"})
@Tag(name = "documents", description = "公文：考核结果通报、情况报告、反馈意见书、法治建议书、整改通知 / official documents")
class DocumentRestController {

    private final DocumentService documents;
    private final DocumentSettingsService settings;

    DocumentRestController(DocumentService documents, DocumentSettingsService settings) {
        this.documents = documents;
        this.settings = settings;
    }

    @GetMapping("/settings")
    @Operation(
            summary = "公文设置: issuingAuthority, documentNo, reportDocumentNo, addressees, reportAddressees, copyTo,"
                    + " signingDate, chineseNumeralDate, rectificationDue, extraParagraph (defaults until saved)")
    DocumentSettings settings(@PathVariable long id) {
        return settings.get(id, CurrentUser.require());
    }

    @PutMapping(value = "/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the document settings (audited)")
    DocumentSettings putSettings(@PathVariable long id, @RequestBody DocumentSettingsCommand body) {
        return settings.put(id, body, CurrentUser.require());
    }

    @GetMapping("/results-notice.docx")
    @Operation(summary = "考核结果通报 (docx); 409 before the results are approved")
    ResponseEntity<byte[]> resultsNoticeDocx(@PathVariable long id) {
        return campaignDocument(id, DocumentKind.RESULTS_NOTICE, false);
    }

    @GetMapping("/results-notice.pdf")
    @Operation(summary = "考核结果通报 (PDF); 409 before the results are approved")
    ResponseEntity<byte[]> resultsNoticePdf(@PathVariable long id) {
        return campaignDocument(id, DocumentKind.RESULTS_NOTICE, true);
    }

    @GetMapping("/annual-report.docx")
    @Operation(summary = "考核情况报告 (docx): figures per category, levels, bonus/penalty, lost points, problems")
    ResponseEntity<byte[]> annualReportDocx(@PathVariable long id) {
        return campaignDocument(id, DocumentKind.ANNUAL_REPORT, false);
    }

    @GetMapping("/annual-report.pdf")
    @Operation(summary = "考核情况报告 (PDF)")
    ResponseEntity<byte[]> annualReportPdf(@PathVariable long id) {
        return campaignDocument(id, DocumentKind.ANNUAL_REPORT, true);
    }

    @GetMapping(
            "/targets/{targetId}/{document:feedback-letter|recommendation-letter|rectification-notice}.{format:docx|pdf}")
    @Operation(
            summary = "A letter to one target: feedback-letter (反馈意见书), recommendation-letter (法治建议书, targets"
                    + " rated 合格/不合格 only) or rectification-notice (整改通知, targets with confirmed problems); .docx"
                    + " or .pdf")
    ResponseEntity<byte[]> targetDocument(
            @PathVariable long id,
            @PathVariable long targetId,
            @PathVariable String document,
            @PathVariable String format) {
        DocumentKind kind = kind(document);
        return download(documents.targetDocument(id, targetId, kind, "pdf".equals(format), CurrentUser.require()));
    }

    private ResponseEntity<byte[]> campaignDocument(long id, DocumentKind kind, boolean pdf) {
        return download(documents.campaignDocument(id, kind, pdf, CurrentUser.require()));
    }

    private static DocumentKind kind(String slug) {
        for (DocumentKind k : DocumentKind.values()) {
            if (k.slug().equals(slug)) {
                return k;
            }
        }
        throw new IllegalArgumentException(slug);
    }

    static ResponseEntity<byte[]> download(GeneratedDocument d) {
        ResponseEntity.BodyBuilder b = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition(d.filename(), false))
                .header("X-Content-SHA256", d.sha256())
                .cacheControl(CacheControl.noStore());
        if (d.engine() != null) {
            b.header("X-PDF-Engine", d.engine());
        }
        return b.body(d.bytes());
    }
}
