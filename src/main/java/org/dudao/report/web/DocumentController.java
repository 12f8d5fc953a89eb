package org.dudao.report.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.dudao.campaign.CampaignApi;
import org.dudao.report.documents.DocumentService;
import org.dudao.report.documents.DocumentSettingsCommand;
import org.dudao.report.documents.DocumentSettingsService;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Htmx;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The office's documents page: the 公文设置 form and the download links of every document. */
@Controller
@RequestMapping("/campaigns/{id}/documents")
class DocumentController {

    private final DocumentService documents;
    private final DocumentSettingsService settings;
    private final CampaignApi campaigns;
    private final MessageSource messages;

    DocumentController(
            DocumentService documents,
            DocumentSettingsService settings,
            CampaignApi campaigns,
            MessageSource messages) {
        this.documents = documents;
        this.settings = settings;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("campaign", campaigns.managed(id, user));
        model.addAttribute("overview", documents.overview(id, user));
        return "report/documents";
    }

    @PostMapping("/settings")
    void save(
            @PathVariable long id,
            @RequestParam(required = false) String issuingAuthority,
            @RequestParam(required = false) String documentNo,
            @RequestParam(required = false) String reportDocumentNo,
            @RequestParam(required = false) String addressees,
            @RequestParam(required = false) String reportAddressees,
            @RequestParam(required = false) String copyTo,
            @RequestParam(required = false) String signingDate,
            @RequestParam(required = false) String chineseNumeralDate,
            @RequestParam(required = false) String rectificationDue,
            @RequestParam(required = false) String extraParagraph,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        settings.put(
                id,
                new DocumentSettingsCommand(
                        issuingAuthority,
                        documentNo,
                        reportDocumentNo,
                        addressees,
                        reportAddressees,
                        copyTo,
                        date("signingDate", signingDate),
                        chineseNumeralDate != null,
                        date("rectificationDue", rectificationDue),
                        extraParagraph),
                CurrentUser.require());
        Htmx.redirect(
                request,
                response,
                "/campaigns/" + id + "/documents",
                messages.getMessage("report.documents.settings.saved", null, locale));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "report.documents.badDate");
        }
    }
}
