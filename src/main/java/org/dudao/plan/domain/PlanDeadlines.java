package org.dudao.plan.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignKind;
import org.dudao.campaign.CampaignView;
import org.dudao.plan.AnnualReportView;
import org.dudao.plan.PlanStatus;
import org.dudao.plan.PlanTaskView;
import org.dudao.shared.error.Texts;
import org.dudao.shared.notice.Deadline;
import org.dudao.shared.notice.DeadlineSource;
import org.springframework.stereotype.Component;

/**
 * The plan module's open deadlines for the reminder job (each reminder sent once per key, stage and due
 * day by the notification module):
 *
 * <ul>
 *   <li>{@code PLAN_REPORT} — a unit's yearly progress reports, while some of its tasks have no report
 *       for the year: key {@code plan-report:<campaign>:<year>:<unit>};
 *   <li>{@code PLAN_TASK} — a task not done, before its due day and once when it is overdue, to its lead
 *       and co-units (the office when none is assigned): key {@code plan-task:<task>};
 *   <li>{@code PLAN_ANNUAL} — the yearly rule-of-law government report not done, to the office: key
 *       {@code plan-annual:<campaign>:<year>}.
 * </ul>
 */
@Component
class PlanDeadlines implements DeadlineSource {

    private final PlanService service;
    private final PlanStore store;
    private final CampaignApi campaigns;

    PlanDeadlines(PlanService service, PlanStore store, CampaignApi campaigns) {
        this.service = service;
        this.store = store;
        this.campaigns = campaigns;
    }

    @Override
    public List<Deadline> openDeadlines(LocalDate today) {
        LocalDate from = today.minusDays(LOOKBACK_DAYS);
        LocalDate to = today.plusDays(LOOKAHEAD_DAYS);
        List<Deadline> out = new ArrayList<>();
        Set<Long> plans = new LinkedHashSet<>(store.campaignsWithAssignments());
        plans.addAll(store.campaignsWithAnnualItems());
        for (long id : plans) {
            CampaignView c = campaigns.campaign(id);
            if (c.kind() != CampaignKind.PLAN || !"ACTIVE".equals(c.status())) {
                continue;
            }
            // statuses as of the reminder's day (the application clock), so that overdue matches the stage
            List<PlanTaskView> tasks = service.allTasks(id, today);
            Set<Long> office = service.jurisdictionUnits(c.ownerUnitId()).keySet();
            for (PlanTaskView t : tasks) {
                if (t.stored() == PlanStatus.DONE
                        || t.due() == null
                        || t.due().isBefore(from)
                        || t.due().isAfter(to)) {
                    continue;
                }
                Set<Long> units = new HashSet<>();
                t.leads().forEach(u -> units.add(u.unitId()));
                t.cos().forEach(u -> units.add(u.unitId()));
                out.add(new Deadline(
                        "PLAN_TASK",
                        "plan-task:" + t.id(),
                        t.due(),
                        "实施方案任务" + Texts.abbreviate(t.title(), 40),
                        PlanService.taskLink(id, t.id()),
                        units.isEmpty() ? office : units,
                        units.isEmpty() ? Set.of("OFFICE_ADMIN") : Set.of(),
                        Set.of()));
            }
            for (int year : PlanService.years(c, tasks)) {
                LocalDate due = service.reportDue(id, year);
                if (due.isBefore(from) || due.isAfter(to)) {
                    continue;
                }
                Set<String> reported = new HashSet<>();
                store.reportedPairs(id, year).forEach(p -> reported.add(p[0] + ":" + p[1]));
                Map<Long, Integer> missing = new LinkedHashMap<>();
                for (PlanTaskView t : tasks) {
                    List<PlanTaskView.UnitRef> units = new ArrayList<>(t.leads());
                    units.addAll(t.cos());
                    for (PlanTaskView.UnitRef u : units) {
                        if (!reported.contains(t.id() + ":" + u.unitId())) {
                            missing.merge(u.unitId(), 1, Integer::sum);
                        }
                    }
                }
                missing.forEach((unit, n) -> out.add(new Deadline(
                        "PLAN_REPORT",
                        "plan-report:" + id + ":" + year + ":" + unit,
                        due,
                        c.name() + " " + year + "年度进展报告（尚有" + n + "项任务未报告）",
                        PlanService.link(id),
                        Set.of(unit),
                        Set.of(),
                        Set.of())));
            }
            for (AnnualReportView a : service.annuals(c)) {
                if (a.stored() == PlanStatus.DONE
                        || a.due().isBefore(from)
                        || a.due().isAfter(to)) {
                    continue;
                }
                out.add(new Deadline(
                        "PLAN_ANNUAL",
                        "plan-annual:" + id + ":" + a.year(),
                        a.due(),
                        a.year() + "年度法治政府建设年度报告",
                        PlanService.link(id) + "#annual",
                        office,
                        Set.of("OFFICE_ADMIN"),
                        Set.of()));
            }
        }
        return out;
    }
}
