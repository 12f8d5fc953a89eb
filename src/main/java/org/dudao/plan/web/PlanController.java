package org.dudao.plan.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.organization.UnitView;
import org.dudao.plan.PlanOverview;
import org.dudao.plan.PlanStatus;
import org.dudao.plan.PlanTaskView;
import org.dudao.plan.domain.PlanLedger;
import org.dudao.plan.domain.PlanService;
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

/** The plan pages: the list of plans, a plan's overview and ledger, a task with its reports. */
@Controller
@RequestMapping("/plans")
class PlanController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlanService service;
    private final PlanLedger ledger;
    private final MessageSource messages;

    PlanController(PlanService service, PlanLedger ledger, MessageSource messages) {
        this.service = service;
        this.ledger = ledger;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('plan:task:read')")
    String index(Model model) {
        model.addAttribute("plans", service.plans(CurrentUser.require()));
        return "plan/index";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('plan:task:read')")
    String show(
            @PathVariable long id,
            @RequestParam(required = false) String status,
            Model model,
            HttpServletRequest request,
            Locale locale) {
        CurrentUser user = CurrentUser.require();
        PlanService.Caller c = service.caller(id, user);
        List<PlanTaskView> tasks = service.tasks(c);
        model.addAttribute("campaign", c.campaign());
        model.addAttribute("office", c.office());
        model.addAttribute("readsAll", c.readsAll());
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("filter", status);
        model.addAttribute(
                "tasks",
                status == null || status.isBlank()
                        ? tasks
                        : tasks.stream()
                                .filter(t -> t.status().name().equals(status))
                                .toList());
        model.addAttribute("taskCount", tasks.size());
        model.addAttribute("today", service.today());
        model.addAttribute("annuals", service.annuals(c.campaign()));
        List<Integer> years = PlanService.years(c.campaign(), tasks);
        Map<Integer, java.time.LocalDate> dues = new LinkedHashMap<>();
        years.forEach(y -> dues.put(y, service.reportDue(id, y)));
        model.addAttribute("reportDues", dues);
        if (c.readsAll()) {
            PlanOverview o = ledger.overview(id, user);
            model.addAttribute("overview", o);
            model.addAttribute("chart", chart(o, locale));
        }
        if (c.office()) {
            List<UnitView> units = new ArrayList<>(service.units(c.campaign().ownerUnitId()));
            model.addAttribute("units", units);
        }
        return Htmx.isHtmx(request) ? "plan/show :: ledger" : "plan/show";
    }

    /** The stacked bar's data, drawn by /js/plan.js: headings × status counts, as computed on the server. */
    private String chart(PlanOverview o, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", o.byHeading().stream().map(PlanOverview.Row::label).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (PlanStatus s : PlanStatus.values()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", s.name());
            one.put("name", messages.getMessage(s.labelKey(), null, locale));
            one.put("data", o.byHeading().stream().map(r -> r.count(s)).toList());
            series.add(one);
        }
        chart.put("series", series);
        try {
            return JSON.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping("/{id}/tasks/{taskId}")
    @PreAuthorize("hasAuthority('plan:task:read')")
    String task(@PathVariable long id, @PathVariable long taskId, Model model) {
        CurrentUser user = CurrentUser.require();
        PlanService.Caller c = service.caller(id, user);
        PlanTaskView t = service.task(c, taskId);
        model.addAttribute("campaign", c.campaign());
        model.addAttribute("office", c.office());
        model.addAttribute("task", t);
        model.addAttribute("mayReport", t.involves(user.unitId()));
        model.addAttribute("maySetStatus", c.office() || t.ledBy(user.unitId()));
        model.addAttribute("reports", service.reports(c, taskId));
        model.addAttribute("history", service.history(c, taskId));
        model.addAttribute("years", PlanService.years(c.campaign(), List.of(t)));
        model.addAttribute("today", service.today());
        model.addAttribute("settable", List.of(PlanStatus.NOT_STARTED, PlanStatus.IN_PROGRESS, PlanStatus.DONE));
        return "plan/task";
    }

    @PostMapping("/{id}/assignments")
    @PreAuthorize("hasAuthority('plan:task:assign')")
    void assign(
            @PathVariable long id,
            @RequestParam(required = false) List<Long> taskIds,
            @RequestParam(required = false) List<Long> leadUnitIds,
            @RequestParam(required = false) List<Long> coUnitIds,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        service.assign(id, new PlanService.AssignCommand(taskIds, leadUnitIds, coUnitIds), CurrentUser.require());
        back(id, "", "plan.assigned", request, response, locale);
    }

    @PostMapping("/{id}/assignments/import")
    @PreAuthorize("hasAuthority('plan:task:assign')")
    void importAssignments(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        ledger.importAssignments(id, PlanRestController.bytes(file), CurrentUser.require());
        back(id, "", "plan.imported", request, response, locale);
    }

    @PostMapping("/{id}/tasks/{taskId}/status")
    @PreAuthorize("hasAuthority('plan:task:status')")
    void status(
            @PathVariable long id,
            @PathVariable long taskId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        service.setStatus(id, taskId, new PlanService.StatusCommand(status, reason), CurrentUser.require());
        back(id, "/tasks/" + taskId, "plan.status.saved", request, response, locale);
    }

    @PostMapping("/{id}/tasks/{taskId}/reports")
    @PreAuthorize("hasAuthority('plan:report:write')")
    void report(
            @PathVariable long id,
            @PathVariable long taskId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String workDone,
            @RequestParam(required = false) String figures,
            @RequestParam(required = false) List<MultipartFile> files,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        service.report(
                id,
                taskId,
                new PlanService.ReportCommand(year, workDone, figures),
                PlanRestController.uploads(files),
                CurrentUser.require());
        back(id, "/tasks/" + taskId, "plan.report.saved", request, response, locale);
    }

    @PostMapping("/{id}/annual/{year}")
    @PreAuthorize("hasAuthority('plan:annual:write')")
    void annual(
            @PathVariable long id,
            @PathVariable int year,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String due,
            @RequestParam(required = false) List<MultipartFile> files,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        service.setAnnual(
                id,
                year,
                new PlanService.AnnualCommand(status, reason, PlanRestController.date("due", due)),
                PlanRestController.uploads(files),
                CurrentUser.require());
        back(id, "#annual", "plan.annual.saved", request, response, locale);
    }

    @PostMapping("/{id}/years/{year}")
    @PreAuthorize("hasAuthority('plan:annual:write')")
    void yearDue(
            @PathVariable long id,
            @PathVariable int year,
            @RequestParam(required = false) String due,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        service.setReportDue(id, year, PlanRestController.date("due", due), CurrentUser.require());
        back(id, "#annual", "plan.year.saved", request, response, locale);
    }

    private void back(
            long id, String path, String key, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        Htmx.redirect(request, response, "/plans/" + id + path, messages.getMessage(key, null, locale));
    }
}
