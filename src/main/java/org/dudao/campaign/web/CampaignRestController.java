package org.dudao.campaign.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dudao.campaign.AssessorMatch;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignKind;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.ExtensionView;
import org.dudao.campaign.PhaseView;
import org.dudao.campaign.TaskView;
import org.dudao.campaign.domain.CampaignService;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns for API clients: the caller's office's campaigns and those its unit takes part in. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "campaigns", description = "考核活动 / campaigns")
class CampaignRestController {

    private final CampaignService service;
    private final CampaignApi campaigns;

    CampaignRestController(CampaignService service, CampaignApi campaigns) {
        this.service = service;
        this.campaigns = campaigns;
    }

    record CampaignSummary(long id, CampaignKind kind, String name, int year) {}

    record CampaignDetail(
            long id,
            CampaignKind kind,
            String name,
            int year,
            String documentNo,
            String template,
            Long basedOnId,
            List<CategoryJson> categories,
            List<PhaseView> phases) {}

    record CategoryJson(long id, String name, long indicatorSystemId) {}

    record CreateRequest(String template, Long cloneFrom, String name, Integer year) {}

    record Created(long id) {}

    record TargetJson(long id, long unitId, String name, String category) {}

    record TaskJson(
            long id,
            String category,
            List<String> path,
            String label,
            String name,
            BigDecimal points,
            List<String> methods,
            List<String> materials,
            Long assessorUnitId,
            String assessorName,
            AssessorMatch assessorMatch,
            boolean needsMaterial,
            LocalDate deadline,
            Instant dueAt) {}

    record TaskChange(Long assessorUnitId, LocalDate deadline, Instant dueAt) {}

    record ExtensionRequest(Long targetId, Long taskId, Instant until, String reason) {}

    @Operation(summary = "考核活动列表 / campaigns the caller may see")
    @GetMapping
    @PreAuthorize("hasAuthority('campaign:campaign:read')")
    List<CampaignSummary> list() {
        return campaigns.list(CurrentUser.require()).stream()
                .map(c -> new CampaignSummary(c.id(), c.kind(), c.name(), c.year()))
                .toList();
    }

    @Operation(summary = "新建考核活动 / from a template ({template, name, year}) or last year's ({cloneFrom, year})")
    @PostMapping
    @PreAuthorize("hasAuthority('campaign:campaign:write')")
    Created create(@RequestBody CreateRequest request) {
        CurrentUser user = CurrentUser.require();
        if (request.year() == null) {
            throw new InvalidInputException("year", "campaign.year.invalid");
        }
        CampaignView c;
        if (request.cloneFrom() != null) {
            c = service.cloneForYear(request.cloneFrom(), request.year(), request.name(), user);
        } else if (request.template() != null && !request.template().isBlank()) {
            c = service.createFromTemplate(request.template().strip(), request.name(), request.year(), user);
        } else {
            throw new InvalidInputException("template", "campaign.template.required");
        }
        return new Created(c.id());
    }

    @Operation(summary = "考核活动 / one campaign with its categories and phases")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('campaign:campaign:read')")
    CampaignDetail get(@PathVariable long id) {
        CampaignView c = campaigns.visible(id, CurrentUser.require());
        return new CampaignDetail(
                c.id(),
                c.kind(),
                c.name(),
                c.year(),
                c.documentNo(),
                c.templateCode(),
                c.basedOnId(),
                campaigns.categories(id).stream()
                        .map(k -> new CategoryJson(k.id(), k.name(), k.indicatorSystemId()))
                        .toList(),
                campaigns.phases(id));
    }

    @Operation(summary = "考核对象 / the campaign's targets with their category")
    @GetMapping("/{id}/targets")
    @PreAuthorize("hasAuthority('campaign:campaign:read')")
    List<TargetJson> targets(@PathVariable long id) {
        campaigns.visible(id, CurrentUser.require());
        return campaigns.targets(id).stream()
                .map(t -> new TargetJson(t.id(), t.unitId(), t.name(), t.category()))
                .toList();
    }

    @Operation(summary = "工作任务 / the campaign's tasks with assessor and deadline")
    @GetMapping("/{id}/tasks")
    @PreAuthorize("hasAuthority('campaign:campaign:read')")
    List<TaskJson> tasks(@PathVariable long id) {
        campaigns.visible(id, CurrentUser.require());
        return campaigns.tasks(id).stream().map(CampaignRestController::json).toList();
    }

    @Operation(summary = "指定考核主体或修改截止时间 / assign a task's assessor or move its deadline (office)")
    @PutMapping("/{id}/tasks/{taskId}")
    @PreAuthorize("hasAuthority('campaign:campaign:write')")
    TaskJson changeTask(@PathVariable long id, @PathVariable long taskId, @RequestBody TaskChange change) {
        CurrentUser user = CurrentUser.require();
        TaskView task = campaigns
                .task(taskId)
                .filter(t -> t.campaignId() == id)
                .orElseThrow(() -> new org.dudao.shared.error.NotFoundException("campaign-task", taskId));
        if (change.assessorUnitId() != null) {
            task = service.assignAssessor(taskId, change.assessorUnitId(), user);
        }
        if (change.dueAt() != null) {
            task = service.setDueAt(taskId, change.deadline(), change.dueAt(), user);
        } else if (change.deadline() != null) {
            task = service.setDeadline(taskId, change.deadline(), user);
        }
        return json(task);
    }

    @Operation(summary = "延期 / grant a target an extension (office)")
    @PostMapping("/{id}/extensions")
    @PreAuthorize("hasAuthority('campaign:campaign:write')")
    ExtensionView extend(@PathVariable long id, @RequestBody ExtensionRequest r) {
        if (r.targetId() == null) {
            throw new InvalidInputException("targetId", "campaign.extension.targetRequired");
        }
        return service.grantExtension(id, r.targetId(), r.taskId(), r.until(), r.reason(), CurrentUser.require());
    }

    static TaskJson json(TaskView t) {
        return new TaskJson(
                t.id(),
                t.category(),
                t.path(),
                t.label(),
                t.name(),
                t.points(),
                t.methods(),
                t.materials(),
                t.assessorUnitId(),
                t.assessorName(),
                t.assessorMatch(),
                t.needsMaterial(),
                t.deadline(),
                t.dueAt());
    }
}
