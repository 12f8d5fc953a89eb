package org.dudao.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dudao.plan.domain.PlanLedger;
import org.dudao.plan.domain.PlanService;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan module's facade: the overview figures of a plan (for dashboards) and the demo loader's
 * entry points, which mark what they write as demo data.
 */
@Service
@Transactional(readOnly = true)
public class PlanApi {

    private final PlanService service;
    private final PlanLedger ledger;

    PlanApi(PlanService service, PlanLedger ledger) {
        this.service = service;
        this.ledger = ledger;
    }

    /** Counts by heading and unit, for the office or a leader of the plan; 404 (audited) otherwise. */
    public PlanOverview overview(long campaignId, CurrentUser user) {
        return ledger.overview(campaignId, user);
    }

    /** The tasks of the plan the user may read, with their status as of today (database clock). */
    public List<PlanTaskView> tasks(long campaignId, CurrentUser user) {
        return service.tasks(service.caller(campaignId, user));
    }

    /** Demo: lead and co-units of tasks, marked as demo assignments (the source names none). */
    @Transactional
    public void assignDemo(long campaignId, List<Long> taskIds, List<Long> leads, List<Long> cos, CurrentUser office) {
        service.assignDemo(campaignId, new PlanService.AssignCommand(taskIds, leads, cos), office);
    }

    /** Demo: a unit's historical progress report, marked as demo data. */
    @Transactional
    public void reportDemo(
            long campaignId, long taskId, int year, String workDone, String figures, Instant at, CurrentUser unit) {
        service.reportDemo(campaignId, taskId, new PlanService.ReportCommand(year, workDone, figures), at, unit);
    }

    /** Demo: a task's status, marked as demo data. */
    @Transactional
    public void statusDemo(long campaignId, long taskId, PlanStatus status, String reason, CurrentUser user) {
        service.setStatusDemo(campaignId, taskId, new PlanService.StatusCommand(status.name(), reason), user);
    }

    /** Demo: the yearly rule-of-law government report's status, marked as demo data. */
    @Transactional
    public void annualDemo(long campaignId, int year, PlanStatus status, String reason, CurrentUser office) {
        service.setAnnualDemo(campaignId, year, new PlanService.AnnualCommand(status.name(), reason, null), office);
    }

    /** Whether any unit is assigned to a task of the plan (the demo loader's idempotence check). */
    public boolean hasAssignments(long campaignId) {
        return service.hasAssignments(campaignId);
    }

    /** Task counts per status of a plan (no access check: for other modules' figures). */
    public Map<PlanStatus, Integer> totals(long campaignId) {
        return ledger.totals(campaignId);
    }
}
