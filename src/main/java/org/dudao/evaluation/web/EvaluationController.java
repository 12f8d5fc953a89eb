package org.dudao.evaluation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.Channel;
import org.dudao.evaluation.EvaluationCommand;
import org.dudao.evaluation.EvaluationView;
import org.dudao.evaluation.Grade;
import org.dudao.evaluation.RowResult;
import org.dudao.evaluation.domain.EvaluationService;
import org.dudao.evaluation.domain.EvaluationStore;
import org.dudao.evaluation.domain.ScoringSheets;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.Downloads;
import org.dudao.shared.web.Htmx;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 评价打分 pages: the caller's tasks with progress, and one task's targets graded row by row. */
@Controller
@RequestMapping("/campaigns/{id}/evaluate")
class EvaluationController {

    private final EvaluationService service;
    private final EvaluationStore store;
    private final CampaignApi campaigns;
    private final MessageSource messages;
    private final ScoringSheets sheets;

    EvaluationController(
            EvaluationService service,
            EvaluationStore store,
            CampaignApi campaigns,
            MessageSource messages,
            ScoringSheets sheets) {
        this.service = service;
        this.store = store;
        this.campaigns = campaigns;
        this.messages = messages;
        this.sheets = sheets;
    }

    @GetMapping("/sheet.xlsx")
    @PreAuthorize("hasAuthority('evaluation:grade:write')")
    ResponseEntity<byte[]> sheet(@PathVariable long id) throws IOException {
        CurrentUser user = CurrentUser.require();
        CampaignView campaign = campaigns.visible(id, user);
        return Downloads.xlsx(sheets.bytes(campaign, user), ScoringSheets.filename(campaign, user));
    }

    /** Checks (dry run) or applies an uploaded scoring sheet; any row error saves nothing. */
    @PostMapping("/sheet")
    @PreAuthorize("hasAuthority('evaluation:grade:write')")
    String upload(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun,
            Model model,
            HttpServletRequest request,
            Locale locale)
            throws IOException {
        CurrentUser user = CurrentUser.require();
        CampaignView campaign = campaigns.visible(id, user);
        try {
            model.addAttribute("outcome", sheets.upload(campaign, file.getBytes(), dryRun, user));
        } catch (InvalidInputException e) {
            model.addAttribute("sheetError", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        if (Htmx.isHtmx(request)) {
            return "evaluation/tasks :: sheetResult";
        }
        return tasks(id, model);
    }

    /** A task with how many of its targets are rated. */
    record TaskProgress(TaskView task, int targets, int rated) {}

    @GetMapping
    @PreAuthorize("hasAuthority('evaluation:grade:write')")
    String tasks(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        CampaignView campaign = campaigns.visible(id, user);
        List<TaskView> tasks = service.ratableTasks(campaign, user);
        Map<Long, Long> perCategory = campaigns.targets(id).stream()
                .collect(Collectors.groupingBy(TargetView::categoryId, Collectors.counting()));
        Map<Long, Long> rated = store.ofTasks(tasks.stream().map(TaskView::id).toList()).stream()
                .collect(Collectors.groupingBy(EvaluationView::taskId, Collectors.counting()));
        model.addAttribute("campaign", campaign);
        model.addAttribute(
                "tasks",
                tasks.stream()
                        .map(t -> new TaskProgress(
                                t,
                                perCategory.getOrDefault(t.categoryId(), 0L).intValue(),
                                rated.getOrDefault(t.id(), 0L).intValue()))
                        .toList());
        model.addAttribute("closesOn", service.closesOn(id));
        model.addAttribute("locked", store.lockedAt(id).isPresent());
        return "evaluation/tasks";
    }

    /** One row of the grading table: the target, its current evaluation, and the last answer. */
    record Row(TargetView target, EvaluationView current, RowResult answer) {}

    @GetMapping("/{taskId}")
    @PreAuthorize("hasAuthority('evaluation:grade:write')")
    String task(@PathVariable long id, @PathVariable long taskId, Model model) {
        CurrentUser user = CurrentUser.require();
        CampaignView campaign = campaigns.visible(id, user);
        TaskView task = ratable(campaign, taskId, user);
        Map<Long, EvaluationView> current =
                store.ofTask(taskId).stream().collect(Collectors.toMap(EvaluationView::targetId, Function.identity()));
        model.addAttribute("campaign", campaign);
        model.addAttribute("task", task);
        model.addAttribute("grades", Grade.values());
        model.addAttribute(
                "rows",
                campaigns.targets(id).stream()
                        .filter(t -> t.categoryId() == task.categoryId())
                        .map(t -> new Row(t, current.get(t.id()), null))
                        .toList());
        model.addAttribute("closesOn", service.closesOn(id));
        model.addAttribute("locked", store.lockedAt(id).isPresent());
        return "evaluation/task";
    }

    @PostMapping("/{taskId}/{targetId}")
    @PreAuthorize("hasAuthority('evaluation:grade:write')")
    String save(
            @PathVariable long id,
            @PathVariable long taskId,
            @PathVariable long targetId,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String grade,
            @RequestParam(required = false) String points,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String checkedUrl,
            Model model) {
        CurrentUser user = CurrentUser.require();
        CampaignView campaign = campaigns.visible(id, user);
        TaskView task = ratable(campaign, taskId, user);
        TargetView target = campaigns
                .target(targetId)
                .filter(t -> t.campaignId() == id)
                .orElseThrow(() -> new NotFoundException("campaign-target", targetId));
        BigDecimal p = null;
        String g = null;
        boolean na = false;
        RowResult answer;
        switch (mode == null ? "" : mode) {
            case "points" -> p = parse(points);
            case "na" -> na = true;
            default -> g = grade;
        }
        if ("points".equals(mode) && p == null) {
            answer = new RowResult(
                    0,
                    targetId,
                    taskId,
                    "ERROR",
                    messages.getMessage("evaluation.pointsInvalid", null, LocaleContextHolder.getLocale()),
                    "points",
                    null);
        } else {
            answer = service.apply(
                            id,
                            List.of(new EvaluationCommand(targetId, taskId, g, p, na, reason, checkedUrl)),
                            user,
                            Channel.WEB,
                            false)
                    .get(0);
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("task", task);
        model.addAttribute("grades", Grade.values());
        // the fragment is the table row of th:each="row : ${rows}": one row here
        model.addAttribute(
                "rows", List.of(new Row(target, store.find(targetId, taskId).orElse(null), answer)));
        model.addAttribute("locked", false);
        model.addAttribute("draft", draft(mode, grade, points, reason, checkedUrl));
        return "evaluation/task :: row";
    }

    private static Map<String, String> draft(String mode, String grade, String points, String reason, String url) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mode", mode);
        m.put("grade", grade);
        m.put("points", points);
        m.put("reason", reason);
        m.put("checkedUrl", url);
        return m;
    }

    private static BigDecimal parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private TaskView ratable(CampaignView campaign, long taskId, CurrentUser user) {
        return service.taskFor(campaign, taskId, user, false);
    }
}
