package org.dudao.campaign.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.dudao.campaign.AssessorMatch;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TaskView;
import org.dudao.campaign.domain.CampaignService;
import org.dudao.campaign.domain.CampaignTemplates;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitScope;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
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

/** 考核活动 pages: the list, creating one, and a campaign's set-up (assessors, extensions). */
@Controller
@RequestMapping("/campaigns")
class CampaignController {

    static final String ONSITE = "实地考核";

    private final CampaignService service;
    private final CampaignApi campaigns;
    private final CampaignTemplates templates;
    private final OrganizationApi organization;
    private final MessageSource messages;

    CampaignController(
            CampaignService service,
            CampaignApi campaigns,
            CampaignTemplates templates,
            OrganizationApi organization,
            MessageSource messages) {
        this.service = service;
        this.campaigns = campaigns;
        this.templates = templates;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('campaign:campaign:read')")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.list(CurrentUser.require()));
        model.addAttribute("templates", templates.all());
        return "campaign/list";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('campaign:campaign:write')")
    void create(
            @RequestParam(required = false) String template,
            @RequestParam(required = false) Long cloneFrom,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer year,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        CurrentUser user = CurrentUser.require();
        if (year == null) {
            throw new InvalidInputException("year", "campaign.year.invalid");
        }
        CampaignView c;
        if (cloneFrom != null) {
            c = service.cloneForYear(cloneFrom, year, name, user);
        } else if (template != null && !template.isBlank()) {
            c = service.createFromTemplate(template, name, year, user);
        } else {
            throw new InvalidInputException("template", "campaign.template.required");
        }
        Htmx.redirect(
                request,
                response,
                "/campaigns/" + c.id(),
                messages.getMessage("campaign.created", new Object[] {c.name()}, locale));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('campaign:campaign:read')")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        CampaignView c = campaigns.visible(id, user);
        boolean office = campaigns.isOffice(c, user);
        List<TaskView> tasks = campaigns.tasks(id);
        model.addAttribute("campaign", c);
        model.addAttribute("office", office);
        model.addAttribute("phases", campaigns.phases(id));
        model.addAttribute("categories", campaigns.categories(id));
        model.addAttribute("targets", campaigns.targets(id));
        model.addAttribute("tasks", tasks);
        model.addAttribute("isTarget", campaigns.targetOfUnit(id, user.unitId()).isPresent());
        model.addAttribute(
                "isAssessor",
                tasks.stream().anyMatch(t -> t.assessorUnitId() != null && t.assessorUnitId() == user.unitId()));
        // the link to the on-site form (实地考核表); the form itself checks who may rate each task
        boolean inspector = user.hasRole("INSPECTOR") && c.ownerUnitId() == user.jurisdictionUnitId();
        model.addAttribute(
                "onsite",
                user.permissions().contains("evaluation:grade:write")
                        && tasks.stream()
                                .anyMatch(t -> t.methods().contains(ONSITE)
                                        && (office
                                                || inspector
                                                || (t.assessorUnitId() != null
                                                        && t.assessorUnitId() == user.unitId()))));
        if (office) {
            model.addAttribute(
                    "toCheck",
                    tasks.stream()
                            .filter(t -> t.assessorMatch() == AssessorMatch.UNMATCHED
                                    || t.assessorMatch() == AssessorMatch.INHERITED)
                            .toList());
            model.addAttribute("units", organization.list(UnitScope.subtree(user.jurisdictionUnitId())));
            model.addAttribute("extensions", campaigns.extensionsOfCampaign(id));
        }
        return "campaign/show";
    }

    @PostMapping("/{id}/tasks/{taskId}/assessor")
    @PreAuthorize("hasAuthority('campaign:campaign:write')")
    void assign(
            @PathVariable long id,
            @PathVariable long taskId,
            @RequestParam(required = false) Long unitId,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        campaigns
                .task(taskId)
                .filter(t -> t.campaignId() == id)
                .orElseThrow(() -> new org.dudao.shared.error.NotFoundException("campaign-task", taskId));
        service.assignAssessor(taskId, unitId, CurrentUser.require());
        Htmx.redirect(request, response, "/campaigns/" + id, messages.getMessage("campaign.assigned", null, locale));
    }

    @PostMapping("/{id}/extensions")
    @PreAuthorize("hasAuthority('campaign:campaign:write')")
    void extend(
            @PathVariable long id,
            @RequestParam long targetId,
            @RequestParam(required = false) Long taskId,
            @RequestParam(required = false) LocalDateTime until,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        Instant end =
                until == null ? null : until.atZone(ClockConfiguration.ZONE).toInstant();
        service.grantExtension(id, targetId, taskId, end, reason, CurrentUser.require());
        String target = campaigns.target(targetId).map(t -> t.name()).orElse("");
        Htmx.redirect(
                request,
                response,
                "/campaigns/" + id,
                messages.getMessage(
                        "campaign.extension.granted",
                        new Object[] {target, until.toString().replace('T', ' ')},
                        locale));
    }

    @PostMapping("/{id}/extensions/{extensionId}/revoke")
    @PreAuthorize("hasAuthority('campaign:campaign:write')")
    void revoke(
            @PathVariable long id,
            @PathVariable long extensionId,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        service.revokeExtension(id, extensionId, CurrentUser.require());
        Htmx.redirect(
                request, response, "/campaigns/" + id, messages.getMessage("campaign.extension.revoked", null, locale));
    }
}
