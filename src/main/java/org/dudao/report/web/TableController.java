package org.dudao.report.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TaskView;
import org.dudao.report.jobs.JobService;
import org.dudao.report.jobs.JobView;
import org.dudao.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** 报表下载 page of a campaign's office: the tables to download and the campaign's background jobs. */
@Controller
@RequestMapping("/campaigns/{id}/reports")
class TableController {

    /** An assessor unit to choose for its evaluation detail. */
    record Assessor(long unitId, String name, int tasks) {}

    private final CampaignApi campaigns;
    private final JobService jobs;

    TableController(CampaignApi campaigns, JobService jobs) {
        this.campaigns = campaigns;
        this.jobs = jobs;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('report:table:export')")
    String page(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        CampaignView campaign = campaigns.managed(id, user);
        model.addAttribute("campaign", campaign);
        model.addAttribute("assessors", assessors(campaigns.tasks(id)));
        JobController.jobs(
                model,
                campaign,
                user.permissions().contains("report:job:run") ? jobs.ofCampaign(id, user) : List.<JobView>of());
        return "report/tables";
    }

    static List<Assessor> assessors(List<TaskView> tasks) {
        Map<Long, Assessor> units = new LinkedHashMap<>();
        for (TaskView t : tasks) {
            if (t.assessorUnitId() != null) {
                units.merge(
                        t.assessorUnitId(),
                        new Assessor(t.assessorUnitId(), t.assessorName(), 1),
                        (a, b) -> new Assessor(a.unitId(), a.name(), a.tasks() + 1));
            }
        }
        return List.copyOf(units.values());
    }
}
