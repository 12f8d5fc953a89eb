package org.dudao.scoring.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CampaignApi;
import org.dudao.scoring.AdjustmentCommand;
import org.dudao.scoring.AdjustmentView;
import org.dudao.scoring.ResultView;
import org.dudao.scoring.WorkflowView;
import org.dudao.scoring.domain.AdjustmentService;
import org.dudao.scoring.domain.Breakdowns;
import org.dudao.scoring.domain.CampaignPolicy;
import org.dudao.scoring.domain.PolicyService;
import org.dudao.scoring.domain.ResultService;
import org.dudao.scoring.domain.ResultStore;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The scoring REST contract: policy, adjustments, compute, results, breakdown and the workflow steps. */
@RestController
@RequestMapping({"/api/v1/campaigns/{id}", "/app/campaigns/{id}"})
@Tag(name = "scoring", description = "计分 / policy, bonus and penalty, results")
class ScoringRestController {

    private final CampaignApi campaigns;
    private final PolicyService policies;
    private final AdjustmentService adjustments;
    private final ResultService results;
    private final ResultStore store;
    private final Breakdowns breakdowns;

    ScoringRestController(
            CampaignApi campaigns,
            PolicyService policies,
            AdjustmentService adjustments,
            ResultService results,
            ResultStore store,
            Breakdowns breakdowns) {
        this.campaigns = campaigns;
        this.policies = policies;
        this.adjustments = adjustments;
        this.results = results;
        this.store = store;
        this.breakdowns = breakdowns;
    }

    @GetMapping("/policy")
    @PreAuthorize("hasAuthority('scoring:result:read')")
    @Operation(summary = "The campaign's scoring policy")
    CampaignPolicy policy(@PathVariable long id) {
        campaigns.visible(id, CurrentUser.require());
        return policies.policy(id);
    }

    @PutMapping("/policy")
    @PreAuthorize("hasAuthority('scoring:policy:write')")
    @Operation(summary = "Replace the scoring policy (fields left out keep their value); refused once approved")
    CampaignPolicy putPolicy(@PathVariable long id, @RequestBody JsonNode body) {
        CurrentUser user = CurrentUser.require();
        campaigns.managed(id, user);
        return policies.put(id, body, user);
    }

    record Created(long id, String status) {}

    @PostMapping("/adjustments")
    @PreAuthorize("hasAuthority('scoring:adjustment:write')")
    @Operation(summary = "A bonus or penalty event; approved at once when the office posts it")
    Created adjust(@PathVariable long id, @RequestBody AdjustmentCommand command) {
        AdjustmentView a = adjustments.propose(id, command, CurrentUser.require());
        return new Created(a.id(), a.status());
    }

    @GetMapping("/adjustments")
    @PreAuthorize("hasAuthority('scoring:adjustment:write') or hasAuthority('scoring:result:read')")
    @Operation(summary = "Bonus and penalty events: all for the office and leaders, an assessor's own proposals")
    List<AdjustmentView> adjustments(@PathVariable long id) {
        CurrentUser user = CurrentUser.require();
        return adjustments.visibleTo(campaigns.visible(id, user), user);
    }

    record Decision(String note) {}

    @PostMapping("/adjustments/{adjustmentId}/approve")
    @PreAuthorize("hasAuthority('scoring:result:manage')")
    AdjustmentView approve(
            @PathVariable long id, @PathVariable long adjustmentId, @RequestBody(required = false) Decision d) {
        return adjustments.decide(id, adjustmentId, true, d == null ? null : d.note(), CurrentUser.require());
    }

    @PostMapping("/adjustments/{adjustmentId}/reject")
    @PreAuthorize("hasAuthority('scoring:result:manage')")
    AdjustmentView reject(
            @PathVariable long id, @PathVariable long adjustmentId, @RequestBody(required = false) Decision d) {
        return adjustments.decide(id, adjustmentId, false, d == null ? null : d.note(), CurrentUser.require());
    }

    @PostMapping("/adjustments/{adjustmentId}/withdraw")
    @PreAuthorize("hasAuthority('scoring:adjustment:write')")
    AdjustmentView withdraw(@PathVariable long id, @PathVariable long adjustmentId) {
        return adjustments.withdraw(id, adjustmentId, CurrentUser.require());
    }

    @PostMapping("/results/compute")
    @PreAuthorize("hasAuthority('scoring:result:manage')")
    @Operation(summary = "Compute every target's result; refused once approved")
    WorkflowView compute(@PathVariable long id) {
        return results.compute(id, CurrentUser.require());
    }

    @GetMapping("/results")
    @PreAuthorize("hasAuthority('scoring:result:read') or hasAuthority('scoring:result:own')")
    @Operation(summary = "Results: every target for the office and leaders; a target its own row once published")
    List<ResultView> results(@PathVariable long id) {
        CurrentUser user = CurrentUser.require();
        return results.readable(campaigns.visible(id, user), user);
    }

    @GetMapping("/results/{targetId}/breakdown")
    @PreAuthorize("hasAuthority('scoring:result:read') or hasAuthority('scoring:result:own')")
    @Operation(summary = "Every point of a target's result explained: tasks, events, components, review changes")
    Map<String, Object> breakdown(@PathVariable long id, @PathVariable long targetId) {
        CurrentUser user = CurrentUser.require();
        ResultView r = results.readableResult(campaigns.visible(id, user), targetId, user);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", r);
        m.putAll(breakdowns.of(id, targetId).orElse(Map.of()));
        m.put("changes", store.changes(id, targetId));
        return m;
    }

    @GetMapping("/results/workflow")
    @PreAuthorize("hasAuthority('scoring:result:read') or hasAuthority('scoring:result:comment')")
    WorkflowView workflow(@PathVariable long id) {
        campaigns.visible(id, CurrentUser.require());
        return store.workflow(id).orElseThrow(() -> new NotFoundException("scoring-result", id));
    }

    @PostMapping("/results/propose")
    @PreAuthorize("hasAuthority('scoring:result:manage')")
    WorkflowView propose(@PathVariable long id) {
        return results.propose(id, CurrentUser.require());
    }

    record Consult(LocalDate until) {}

    @PostMapping("/results/consult")
    @PreAuthorize("hasAuthority('scoring:result:manage')")
    WorkflowView consult(@PathVariable long id, @RequestBody(required = false) Consult c) {
        return results.consult(id, c == null ? null : c.until(), CurrentUser.require());
    }

    record CommentBody(String body) {}

    @PostMapping("/results/comments")
    @PreAuthorize("hasAuthority('scoring:result:comment') or hasAuthority('scoring:result:manage')")
    WorkflowView comment(@PathVariable long id, @RequestBody CommentBody c) {
        return results.comment(id, c.body(), CurrentUser.require());
    }

    @PostMapping("/results/approve")
    @PreAuthorize("hasAuthority('scoring:result:approve')")
    WorkflowView approve(@PathVariable long id) {
        return results.approve(id, CurrentUser.require());
    }

    @PostMapping("/results/publish")
    @PreAuthorize("hasAuthority('scoring:result:manage')")
    WorkflowView publish(@PathVariable long id) {
        return results.publish(id, CurrentUser.require());
    }
}
