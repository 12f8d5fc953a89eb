package org.dudao.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dudao.report.dashboard.Dashboard;
import org.dudao.report.dashboard.DashboardService;
import org.dudao.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboards' data: what the page's charts draw, for the page ({@code /app}) and API clients. */
@RestController
@RequestMapping({"/api/v1/campaigns/{id}/dashboard", "/app/campaigns/{id}/dashboard"})
@Tag(name = "report", description = "驾驶舱 / dashboards per role")
class DashboardRestController {

    private final DashboardService dashboards;

    DashboardRestController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/data")
    @PreAuthorize("hasAuthority('campaign:campaign:read')")
    @Operation(
            summary = "The caller's dashboard: office, leader, target (own figures) or assessor (own tasks);"
                    + " ?role= picks one of the caller's")
    Dashboard data(@PathVariable long id, @RequestParam(required = false) String role) {
        return dashboards.dashboard(id, role, CurrentUser.require());
    }

    @GetMapping("/targets/{targetId}/data")
    @PreAuthorize("hasAuthority('campaign:campaign:read')")
    @Operation(summary = "A target's dashboard: any target for the office and leaders, a target its own only")
    Dashboard target(@PathVariable long id, @PathVariable long targetId) {
        return dashboards.targetDashboard(id, targetId, CurrentUser.require());
    }
}
