package org.dudao.audit.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.dudao.audit.domain.AuditFilter;
import org.dudao.audit.domain.AuditQuery;
import org.dudao.audit.domain.ChainVerifier;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 审计日志 pages, for the security auditor only: search (the form swaps the table with htmx), verify
 * the chain, export to xlsx. Nothing here changes or deletes a record.
 */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasAuthority('audit:log:read')")
class AuditController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ClockConfiguration.ZONE);

    private final AuditQuery query;
    private final ChainVerifier verifier;
    private final AuditWorkbook workbook;
    private final MessageSource messages;
    private final Clock clock;

    AuditController(
            AuditQuery query, ChainVerifier verifier, AuditWorkbook workbook, MessageSource messages, Clock clock) {
        this.query = query;
        this.verifier = verifier;
        this.workbook = workbook;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute("outcomes")
    AuditEvent.Outcome[] outcomes() {
        return AuditEvent.Outcome.values();
    }

    /** The full page, or only the table for htmx (filter form, pagination). */
    @GetMapping
    String list(AuditSearchForm form, Model model, HtmxRequest htmx, HttpServletResponse response) {
        AuditFilter filter = form.toFilter();
        model.addAttribute("form", form);
        model.addAttribute("page", query.search(filter, form.pageIndex()));
        // the same URL answers with a page or a fragment: caches must tell them apart
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? "audit/log :: table" : "audit/log";
    }

    /** Walks the whole chain; for htmx the result replaces the result box, otherwise back to the page. */
    @PostMapping("/verify")
    @PreAuthorize("hasAuthority('audit:log:verify')")
    String verify(Model model, HtmxRequest htmx, RedirectAttributes redirect) {
        var result = verifier.verify();
        if (htmx.isHtmxRequest()) {
            model.addAttribute("verification", result);
            return "audit/log :: verification";
        }
        redirect.addFlashAttribute("verification", result);
        return "redirect:/audit";
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('audit:log:read') and hasAuthority('audit:log:export')")
    void export(AuditSearchForm form, Locale locale, HttpServletResponse response) throws IOException {
        AuditFilter filter = form.toFilter();
        try (AuditWorkbook.Export export = workbook.build(filter, locale)) {
            String name = messages.getMessage("audit.export.filename", null, locale) + "-"
                    + FILE_TIME.format(clock.instant()) + ".xlsx";
            response.setCharacterEncoding(null); // binary: no charset (server.servlet.encoding.force adds one)
            response.setContentType(XLSX);
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(name, StandardCharsets.UTF_8)
                            .build()
                            .toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            OutputStream out = response.getOutputStream();
            export.writeTo(out);
            out.flush();
        }
    }
}
