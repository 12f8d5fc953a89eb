package org.dudao.scoring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.scoring.AdjustmentCommand;
import org.dudao.scoring.ResultView;
import org.dudao.scoring.WorkflowView;
import org.dudao.scoring.domain.AdjustmentService;
import org.dudao.scoring.domain.Breakdowns;
import org.dudao.scoring.domain.PolicyService;
import org.dudao.scoring.domain.ResultService;
import org.dudao.scoring.domain.ResultStore;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.error.Texts;
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

/** 考核结果 pages: results with the workflow steps, a target's breakdown, bonus and penalty events. */
@Controller
@RequestMapping("/campaigns/{id}")
class ScoringController {

    private final CampaignApi campaigns;
    private final ResultService results;
    private final ResultStore store;
    private final Breakdowns breakdowns;
    private final AdjustmentService adjustments;
    private final PolicyService policies;
    private final MessageSource messages;

    ScoringController(
            CampaignApi campaigns,
            ResultService results,
            ResultStore store,
            Breakdowns breakdowns,
            AdjustmentService adjustments,
            PolicyService policies,
            MessageSource messages) {
        this.campaigns = campaigns;
        this.results = results;
        this.store = store;
        this.breakdowns = breakdowns;
        this.adjustments = adjustments;
        this.policies = policies;
        this.messages = messages;
    }

    @GetMapping("/results")
    @PreAuthorize(
            "hasAuthority('scoring:result:read') or hasAuthority('scoring:result:own') or hasAuthority('scoring:result:comment')")
    String results(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        CampaignView campaign = campaigns.visible(id, user);
        boolean office = campaigns.isOffice(campaign, user);
        boolean reader = results.readsAll(campaign, user);
        WorkflowView workflow = store.workflow(id).orElse(null);
        List<ResultView> rows = results.readable(campaign, user);
        Map<String, List<ResultView>> byCategory = new LinkedHashMap<>();
        for (ResultView r : rows) {
            byCategory
                    .computeIfAbsent(r.category(), k -> new java.util.ArrayList<>())
                    .add(r);
        }
        Map<Long, String> names =
                campaigns.targets(id).stream().collect(Collectors.toMap(TargetView::id, TargetView::name));
        model.addAttribute("campaign", campaign);
        model.addAttribute("office", office);
        model.addAttribute("reader", reader);
        model.addAttribute("leader", user.permissions().contains("scoring:result:approve"));
        model.addAttribute("member", results.mayComment(campaign, user));
        model.addAttribute("workflow", workflow);
        model.addAttribute("byCategory", byCategory);
        model.addAttribute("names", names);
        model.addAttribute("policy", policies.policy(id));
        model.addAttribute("mayAdjust", adjustments.mayPropose(campaign, user));
        return "scoring/results";
    }

    @GetMapping("/results/{targetId}")
    @PreAuthorize("hasAuthority('scoring:result:read') or hasAuthority('scoring:result:own')")
    String breakdown(@PathVariable long id, @PathVariable long targetId, Model model) {
        CurrentUser user = CurrentUser.require();
        CampaignView campaign = campaigns.visible(id, user);
        ResultView r = results.readableResult(campaign, targetId, user);
        model.addAttribute("campaign", campaign);
        model.addAttribute("r", r);
        model.addAttribute("b", breakdowns.of(id, targetId).orElse(Map.of()));
        model.addAttribute("changes", store.changes(id, targetId));
        return "scoring/breakdown";
    }

    @GetMapping("/adjustments")
    @PreAuthorize("hasAuthority('scoring:adjustment:write') or hasAuthority('scoring:result:read')")
    String adjustments(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        CampaignView campaign = campaigns.visible(id, user);
        boolean office = campaigns.isOffice(campaign, user);
        List<TargetView> targets = campaigns.targets(id);
        Map<Long, TargetView> byId = targets.stream().collect(Collectors.toMap(TargetView::id, Function.identity()));
        model.addAttribute("campaign", campaign);
        model.addAttribute("office", office);
        model.addAttribute("targets", targets);
        model.addAttribute("byId", byId);
        model.addAttribute("mayAdjust", adjustments.mayPropose(campaign, user));
        model.addAttribute("list", adjustments.visibleTo(campaign, user));
        model.addAttribute("policy", policies.policy(id));
        return "scoring/adjustments";
    }

    @PostMapping("/adjustments")
    @PreAuthorize("hasAuthority('scoring:adjustment:write')")
    void propose(
            @PathVariable long id,
            @RequestParam(required = false) Long targetId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String matter,
            @RequestParam(required = false) String points,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) List<Long> relatedTaskIds,
            @RequestParam(defaultValue = "false") boolean blocksExcellent,
            @RequestParam(required = false) String evidence,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        BigDecimal p = Texts.decimal("points", points, "scoring.adjustment.points");
        adjustments.propose(
                id,
                new AdjustmentCommand(targetId, kind, matter, p, relatedTaskIds, reason, blocksExcellent, evidence),
                CurrentUser.require());
        back(id, "/adjustments", "scoring.adjustment.saved", request, response, locale);
    }

    @PostMapping("/adjustments/{adjustmentId}/decide")
    @PreAuthorize("hasAuthority('scoring:result:manage')")
    void decide(
            @PathVariable long id,
            @PathVariable long adjustmentId,
            @RequestParam boolean approve,
            @RequestParam(required = false) String note,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        adjustments.decide(
                id, adjustmentId, approve, note != null ? note : Htmx.prompt(request), CurrentUser.require());
        back(
                id,
                "/adjustments",
                approve ? "scoring.adjustment.approved" : "scoring.adjustment.rejected",
                request,
                response,
                locale);
    }

    @PostMapping("/results/{step}")
    @PreAuthorize(
            "hasAuthority('scoring:result:manage') or hasAuthority('scoring:result:approve') or hasAuthority('scoring:result:comment')")
    void step(
            @PathVariable long id,
            @PathVariable String step,
            @RequestParam(required = false) LocalDate until,
            @RequestParam(required = false) String body,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        CurrentUser user = CurrentUser.require();
        switch (step) {
            case "compute" -> results.compute(id, user);
            case "propose" -> results.propose(id, user);
            case "consult" -> results.consult(id, until, user);
            case "comment" -> results.comment(id, body, user);
            case "approve" -> results.approve(id, user);
            case "publish" -> results.publish(id, user);
            default -> throw new NotFoundException("scoring-result", step);
        }
        back(id, "/results", "scoring.step." + step, request, response, locale);
    }

    private void back(
            long id, String path, String key, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        Htmx.redirect(request, response, "/campaigns/" + id + path, messages.getMessage(key, null, locale));
    }
}
