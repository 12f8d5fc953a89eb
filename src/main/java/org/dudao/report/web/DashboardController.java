package org.dudao.report.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.report.dashboard.Chart;
import org.dudao.report.dashboard.Dashboard;
import org.dudao.report.dashboard.DashboardRole;
import org.dudao.report.dashboard.DashboardService;
import org.dudao.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 驾驶舱 pages: the caller's dashboard of a campaign (its lists rendered here, its charts drawn by
 * {@code dashboard.js} from the JSON of {@link DashboardRestController}) and a target's dashboard.
 */
@Controller
@RequestMapping("/campaigns/{id}/dashboard")
class DashboardController {

    private final DashboardService dashboards;

    DashboardController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('campaign:campaign:read')")
    String dashboard(@PathVariable long id, @RequestParam(required = false) String role, Model model) {
        Dashboard d = dashboards.dashboard(id, role, CurrentUser.require());
        String source =
                "/app/campaigns/" + id + "/dashboard/data?role=" + d.role().toLowerCase(java.util.Locale.ROOT);
        return page(d, source, model);
    }

    @GetMapping("/targets/{targetId}")
    @PreAuthorize("hasAuthority('campaign:campaign:read')")
    String target(@PathVariable long id, @PathVariable long targetId, Model model) {
        Dashboard d = dashboards.targetDashboard(id, targetId, CurrentUser.require());
        return page(d, "/app/campaigns/" + id + "/dashboard/targets/" + targetId + "/data", model);
    }

    private String page(Dashboard d, String source, Model model) {
        boolean readsAll =
                d.roles().contains(DashboardRole.OFFICE.name()) || d.roles().contains(DashboardRole.LEADER.name());
        model.addAttribute("dashboard", d);
        model.addAttribute("source", source);
        model.addAttribute("readsAll", readsAll);
        model.addAttribute("links", links(d, readsAll));
        model.addAttribute("wide", wide(d.charts()));
        return "report/dashboard";
    }

    /** Where a click on a bar or cell leads, per chart: {key} is the bar's target or task id. */
    private static Map<String, String> links(Dashboard d, boolean readsAll) {
        Map<String, String> out = new LinkedHashMap<>();
        String base = "/campaigns/" + d.campaignId();
        for (Chart c : d.charts()) {
            if (c.keys() == null && c.rowKeys() == null) {
                continue;
            }
            if ("ASSESSOR".equals(d.role())) {
                out.put(c.id(), base + "/evaluate/{key}");
            } else if (readsAll) {
                out.put(c.id(), base + "/dashboard/targets/{key}");
            }
        }
        return out;
    }

    /** Charts that take the page's whole width: heat maps and long lists. */
    private static List<String> wide(List<Chart> charts) {
        return charts.stream()
                .filter(c -> "heatmap".equals(c.kind()) || c.size() > 12)
                .map(Chart::id)
                .toList();
    }
}
