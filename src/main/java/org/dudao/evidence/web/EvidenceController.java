package org.dudao.evidence.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.dudao.campaign.CampaignApi;
import org.dudao.evidence.SubmissionView;
import org.dudao.evidence.domain.EvidenceAccess;
import org.dudao.evidence.domain.EvidenceAccess.TargetTask;
import org.dudao.evidence.domain.EvidenceQueries;
import org.dudao.evidence.domain.EvidenceRepository;
import org.dudao.evidence.domain.SubmissionService;
import org.dudao.evidence.domain.Words;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Htmx;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 报送资料 pages: the target's checklist and submission, the assessor's matrix and review, the office's progress. */
@Controller
@RequestMapping("/campaigns/{id}")
class EvidenceController {

    private final SubmissionService submissions;
    private final EvidenceQueries queries;
    private final EvidenceAccess access;
    private final EvidenceRepository repo;
    private final CampaignApi campaigns;
    private final MessageSource messages;

    EvidenceController(
            SubmissionService submissions,
            EvidenceQueries queries,
            EvidenceAccess access,
            EvidenceRepository repo,
            CampaignApi campaigns,
            MessageSource messages) {
        this.submissions = submissions;
        this.queries = queries;
        this.access = access;
        this.repo = repo;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    // ------------------------------------------------------------------ target

    @GetMapping("/my")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    String checklist(@PathVariable long id, Model model) {
        model.addAttribute("list", queries.checklist(id, CurrentUser.require()));
        return "evidence/my";
    }

    @GetMapping("/my/tasks/{taskId}")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    String submission(@PathVariable long id, @PathVariable long taskId, Model model) {
        CurrentUser user = CurrentUser.require();
        TargetTask tt = access.asTarget(id, taskId, user, "evidence.read");
        SubmissionView s = submissions.view(tt, user);
        model.addAttribute("tt", tt);
        model.addAttribute("s", s);
        model.addAttribute("words", Words.count(s.explanation()));
        model.addAttribute("versions", s.id() == null ? List.of() : repo.versions(s.id()));
        model.addAttribute("events", s.id() == null ? List.of() : repo.events(s.id()));
        model.addAttribute("maxBytes", submissions.maxFileBytes());
        return "evidence/submission";
    }

    @PostMapping("/my/tasks/{taskId}/text")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    void saveText(
            @PathVariable long id,
            @PathVariable long taskId,
            @RequestParam(required = false) String explanation,
            @RequestParam(required = false) List<String> checklist,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        submissions.saveText(id, taskId, explanation, checklist, CurrentUser.require());
        back(id, taskId, "evidence.saved", request, response, locale);
    }

    @PostMapping("/my/tasks/{taskId}/links")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    void addLink(
            @PathVariable long id,
            @PathVariable long taskId,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) Long screenshotFileId,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        submissions.addLink(id, taskId, url, title, screenshotFileId, CurrentUser.require());
        back(id, taskId, "evidence.linkAdded", request, response, locale);
    }

    @PostMapping("/my/tasks/{taskId}/links/{linkId}/withdraw")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    void withdrawLink(
            @PathVariable long id,
            @PathVariable long taskId,
            @PathVariable long linkId,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        submissions.withdrawLink(id, taskId, linkId, CurrentUser.require());
        back(id, taskId, "evidence.withdrawn", request, response, locale);
    }

    @PostMapping("/my/tasks/{taskId}/files/{fileId}/withdraw")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    void withdrawFile(
            @PathVariable long id,
            @PathVariable long taskId,
            @PathVariable long fileId,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        submissions.withdrawFile(id, taskId, fileId, CurrentUser.require());
        back(id, taskId, "evidence.withdrawn", request, response, locale);
    }

    @PostMapping("/my/tasks/{taskId}/submit")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    void submit(
            @PathVariable long id,
            @PathVariable long taskId,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        submissions.submit(id, taskId, CurrentUser.require());
        back(id, taskId, "evidence.submitted", request, response, locale);
    }

    @PostMapping("/my/tasks/{taskId}/recall")
    @PreAuthorize("hasAuthority('evidence:submission:write')")
    void recall(
            @PathVariable long id,
            @PathVariable long taskId,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        submissions.recall(id, taskId, CurrentUser.require());
        back(id, taskId, "evidence.recalled", request, response, locale);
    }

    private void back(
            long id, long taskId, String key, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        Htmx.redirect(
                request, response, "/campaigns/" + id + "/my/tasks/" + taskId, messages.getMessage(key, null, locale));
    }

    // ------------------------------------------------------------------ assessor

    @GetMapping("/review")
    @PreAuthorize("hasAuthority('evidence:submission:read')")
    String matrix(@PathVariable long id, @RequestParam(required = false) String filter, Model model) {
        model.addAttribute("m", queries.matrix(id, filter, CurrentUser.require()));
        model.addAttribute("filter", filter == null ? "" : filter);
        return "evidence/matrix";
    }

    @GetMapping("/review/{targetId}/{taskId}")
    @PreAuthorize("hasAuthority('evidence:submission:read')")
    String review(@PathVariable long id, @PathVariable long targetId, @PathVariable long taskId, Model model) {
        CurrentUser user = CurrentUser.require();
        TargetTask tt = access.readable(id, targetId, taskId, user, "evidence.read");
        SubmissionView s = submissions.view(tt, user);
        model.addAttribute("tt", tt);
        model.addAttribute("s", s);
        model.addAttribute(
                "assessor",
                access.roleFor(tt.campaign(), tt.target(), tt.task(), user) == EvidenceAccess.Role.ASSESSOR);
        model.addAttribute("versions", s.id() == null ? List.of() : repo.versions(s.id()));
        model.addAttribute("events", s.id() == null ? List.of() : repo.events(s.id()));
        model.addAttribute("duplicates", s.id() == null ? java.util.Map.of() : queries.duplicatesOf(id, s.id()));
        return "evidence/review";
    }

    @PostMapping("/review/{targetId}/{taskId}/return")
    @PreAuthorize("hasAuthority('evidence:submission:return')")
    void returnIt(
            @PathVariable long id,
            @PathVariable long targetId,
            @PathVariable long taskId,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        submissions.returnToTarget(id, targetId, taskId, reason, CurrentUser.require());
        Htmx.redirect(
                request,
                response,
                "/campaigns/" + id + "/review/" + targetId + "/" + taskId,
                messages.getMessage("evidence.returned", null, locale));
    }

    @PostMapping("/review/{targetId}/{taskId}/lock")
    @PreAuthorize("hasAuthority('evidence:submission:return')")
    void lock(
            @PathVariable long id,
            @PathVariable long targetId,
            @PathVariable long taskId,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        submissions.lock(id, targetId, taskId, CurrentUser.require());
        Htmx.redirect(
                request,
                response,
                "/campaigns/" + id + "/review/" + targetId + "/" + taskId,
                messages.getMessage("evidence.lockedDone", null, locale));
    }

    // ------------------------------------------------------------------ office

    @GetMapping("/progress")
    @PreAuthorize("hasAuthority('evidence:submission:manage')")
    String progress(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("campaign", campaigns.managed(id, user));
        model.addAttribute("categories", queries.progress(id, user));
        return "evidence/progress";
    }

    @PostMapping("/reminders")
    @PreAuthorize("hasAuthority('evidence:submission:manage')")
    void remind(
            @PathVariable long id,
            @RequestParam(required = false) Long targetId,
            @RequestParam(required = false) String message,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        int sent = queries.remind(id, targetId, message, CurrentUser.require());
        Htmx.redirect(
                request,
                response,
                "/campaigns/" + id + "/progress",
                messages.getMessage("evidence.remind.sent", new Object[] {sent}, locale));
    }
}
