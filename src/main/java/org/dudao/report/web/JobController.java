package org.dudao.report.web;

import java.util.List;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.report.jobs.JobService;
import org.dudao.report.jobs.JobView;
import org.dudao.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The jobs list of the reports page (htmx): starting a job and the list itself, which asks again every 2 seconds
 * while a job is queued or running and stops asking when none is.
 */
@Controller
@RequestMapping("/campaigns/{id}/reports/jobs")
class JobController {

    private final CampaignApi campaigns;
    private final JobService jobs;

    JobController(CampaignApi campaigns, JobService jobs) {
        this.campaigns = campaigns;
        this.jobs = jobs;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('report:job:run')")
    String list(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        CampaignView campaign = campaigns.managed(id, user);
        jobs(model, campaign, jobs.ofCampaign(id, user));
        return "report/jobs :: list";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('report:job:run')")
    String start(@PathVariable long id, @RequestParam(required = false) String kind, Model model) {
        CurrentUser user = CurrentUser.require();
        jobs.submit(id, kind, user);
        jobs(model, campaigns.managed(id, user), jobs.ofCampaign(id, user));
        return "report/jobs :: list";
    }

    static void jobs(Model model, CampaignView campaign, List<JobView> list) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("jobs", list);
        model.addAttribute("jobsActive", list.stream().anyMatch(JobView::active));
    }
}
