package org.dudao.creation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.dudao.campaign.CampaignApi;
import org.dudao.creation.AssignmentView;
import org.dudao.creation.domain.CreationAccess;
import org.dudao.creation.domain.CreationService;
import org.dudao.shared.error.InvalidInputException;
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
import org.springframework.web.multipart.MultipartFile;

/** Pages of model-creation campaigns: the office's overview, a unit's ledger, a task's materials. */
@Controller
@RequestMapping("/creation")
class CreationController {

    private final CreationService service;
    private final CreationAccess access;
    private final CampaignApi campaigns;
    private final MessageSource messages;

    CreationController(CreationService service, CreationAccess access, CampaignApi campaigns, MessageSource messages) {
        this.service = service;
        this.access = access;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    String list(Model model) {
        CurrentUser user = CurrentUser.require();
        var list = service.list(user);
        model.addAttribute("campaigns", list);
        model.addAttribute(
                "notSetUp",
                list.stream()
                        .filter(c -> c.ownerUnitId() == user.jurisdictionUnitId() && !service.isSetUp(c.id()))
                        .map(c -> c.id())
                        .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("office", user.hasRole("OFFICE_ADMIN"));
        model.addAttribute("year", LocalDate.now().getYear());
        return "creation/list";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('creation:campaign:manage')")
    void create(
            @RequestParam(required = false) String template,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer year,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        if (year == null) {
            throw new InvalidInputException("year", "creation.yearRequired");
        }
        long id = service.create(template, name, year, CurrentUser.require()).id();
        back(id, "", "creation.created", request, response, locale);
    }

    @PostMapping("/{id}/setup")
    @PreAuthorize("hasAuthority('creation:campaign:manage')")
    void setUp(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        service.setUp(id, CurrentUser.require());
        back(id, "", "creation.created", request, response, locale);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    String overview(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        CreationAccess.Caller c = access.caller(id, user);
        if (!c.readsAll()) {
            return "redirect:/creation/" + id + "/my";
        }
        common(c, model);
        model.addAttribute("progress", service.progress(id, user));
        model.addAttribute("gaps", service.gaps(id, user));
        model.addAttribute("selfReports", service.selfReports(id, user));
        model.addAttribute("problems", service.problems(id, user));
        model.addAttribute("phases", campaigns.phases(id));
        return "creation/overview";
    }

    @GetMapping("/{id}/units/{unitId}")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    String unit(@PathVariable long id, @PathVariable long unitId, Model model) {
        CurrentUser user = CurrentUser.require();
        CreationAccess.Caller c = access.caller(id, user);
        common(c, model);
        List<AssignmentView> lines = service.linesOfUnit(id, unitId, user);
        model.addAttribute("lines", lines);
        model.addAttribute("unitName", lines.isEmpty() ? "" : lines.get(0).unitName());
        return "creation/unit";
    }

    @GetMapping("/{id}/my")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    String my(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        CreationAccess.Caller c = access.caller(id, user);
        common(c, model);
        model.addAttribute("lines", service.myLines(id, user));
        model.addAttribute("progress", service.progress(id, user));
        model.addAttribute("selfReport", service.selfReport(id, user));
        model.addAttribute("problems", service.problems(id, user));
        return "creation/my";
    }

    @GetMapping("/{id}/tasks/{taskId}")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    String task(@PathVariable long id, @PathVariable long taskId, Model model) {
        CurrentUser user = CurrentUser.require();
        CreationAccess.Caller c = access.caller(id, user);
        common(c, model);
        List<AssignmentView> lines = service.taskLines(id, taskId, user);
        model.addAttribute("task", service.task(id, taskId));
        model.addAttribute("lines", lines);
        AssignmentView own = lines.stream()
                .filter(l -> l.unitId() == user.unitId())
                .findFirst()
                .orElse(null);
        model.addAttribute("own", own);
        model.addAttribute("lead", own != null && own.lead());
        model.addAttribute(
                "consolidation", service.consolidation(id, taskId, user).orElse(null));
        return "creation/task";
    }

    @PostMapping("/{id}/tasks/{taskId}/files")
    @PreAuthorize("hasAuthority('creation:material:write')")
    void upload(
            @PathVariable long id,
            @PathVariable long taskId,
            @RequestParam(required = false) List<MultipartFile> files,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        List<MultipartFile> real = files == null
                ? List.of()
                : files.stream().filter(f -> !f.isEmpty()).toList();
        if (real.isEmpty()) {
            throw new InvalidInputException("files", "creation.file.required");
        }
        for (MultipartFile f : real) {
            try (InputStream in = f.getInputStream()) {
                service.upload(id, taskId, f.getOriginalFilename(), in, CurrentUser.require());
            }
        }
        back(id, "/tasks/" + taskId, "creation.uploaded", request, response, locale);
    }

    @PostMapping("/{id}/tasks/{taskId}/explanation")
    @PreAuthorize("hasAuthority('creation:material:write')")
    void explain(
            @PathVariable long id,
            @PathVariable long taskId,
            @RequestParam(required = false) String text,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        service.explain(id, taskId, text, CurrentUser.require());
        back(id, "/tasks/" + taskId, "creation.explained", request, response, locale);
    }

    @PostMapping("/{id}/tasks/{taskId}/consolidation")
    @PreAuthorize("hasAuthority('creation:material:write')")
    void consolidate(
            @PathVariable long id,
            @PathVariable long taskId,
            @RequestParam(required = false) List<Long> included,
            @RequestParam(required = false) String explanation,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        service.consolidate(id, taskId, included, explanation, CurrentUser.require());
        back(id, "/tasks/" + taskId, "creation.consolidated", request, response, locale);
    }

    @GetMapping("/{id}/files/{fileId}")
    @PreAuthorize("hasAuthority('creation:campaign:read')")
    void file(@PathVariable long id, @PathVariable long fileId, HttpServletResponse response) throws IOException {
        CreationFiles.send(service.openFile(id, fileId, CurrentUser.require()), response);
    }

    @PostMapping("/{id}/self-report")
    @PreAuthorize("hasAuthority('creation:material:write')")
    void saveSelfReport(
            @PathVariable long id,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) List<MultipartFile> files,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        CurrentUser user = CurrentUser.require();
        service.saveSelfReport(id, body, user);
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    try (InputStream in = f.getInputStream()) {
                        service.attachSelfReport(id, f.getOriginalFilename(), in, user);
                    }
                }
            }
        }
        back(id, "/my", "creation.selfReport.saved", request, response, locale);
    }

    @PostMapping("/{id}/self-report/seal")
    @PreAuthorize("hasAuthority('creation:material:write')")
    void seal(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        service.seal(id, CurrentUser.require());
        back(id, "/my", "creation.selfReport.sealedOk", request, response, locale);
    }

    @PostMapping("/{id}/problems")
    @PreAuthorize("hasAuthority('creation:problem:write')")
    void addProblem(
            @PathVariable long id,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) Long taskId,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String measures,
            @RequestParam(required = false) String dueOn,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        CurrentUser user = CurrentUser.require();
        service.addProblem(id, unitId, taskId, source, description, measures, date(dueOn), user);
        boolean office = access.caller(id, user).office();
        back(id, office ? "" : "/my", "creation.problem.added", request, response, locale);
    }

    @PostMapping("/{id}/problems/{problemId}/rectification")
    @PreAuthorize("hasAuthority('creation:problem:write')")
    void rectify(
            @PathVariable long id,
            @PathVariable long problemId,
            @RequestParam(required = false) String note,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        service.rectify(id, problemId, note, CurrentUser.require());
        back(id, "/my", "creation.problem.rectified", request, response, locale);
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("dueOn", "creation.date");
        }
    }

    private static void common(CreationAccess.Caller c, Model model) {
        model.addAttribute("campaign", c.campaign());
        model.addAttribute("office", c.office());
        model.addAttribute("readsAll", c.readsAll());
        model.addAttribute("isUnit", c.unit());
    }

    private void back(
            long id, String path, String key, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        Htmx.redirect(request, response, "/creation/" + id + path, messages.getMessage(key, null, locale));
    }
}
