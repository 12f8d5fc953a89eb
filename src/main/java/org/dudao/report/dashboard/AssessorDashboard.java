package org.dudao.report.dashboard;

import static org.dudao.report.dashboard.Charts.dec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.ScoringRow;
import org.dudao.evidence.SubmissionCell;
import org.dudao.evidence.SubmissionStatus;
import org.dudao.report.dashboard.Chart.Series;
import org.dudao.report.dashboard.Dashboard.RateItem;
import org.dudao.report.dashboard.Dashboard.ReturnedItem;
import org.springframework.stereotype.Component;

/**
 * 考核主体的驾驶舱: per task of the caller's unit, how many targets are rated and still to rate (routine
 * 日常掌握 scores on their own), and the submissions it returned that are not handed in again.
 */
@Component
class AssessorDashboard {

    static final String ROUTINE = "日常掌握";

    private final Charts parts;
    private final CampaignApi campaigns;

    AssessorDashboard(Charts parts, CampaignApi campaigns) {
        this.parts = parts;
        this.campaigns = campaigns;
    }

    Dashboard dashboard(DashboardData d) {
        List<TaskView> tasks =
                campaigns.tasksAssessedBy(d.campaign().id(), d.user().unitId());
        Set<Long> taskIds = tasks.stream().map(TaskView::id).collect(Collectors.toSet());
        Map<Long, List<TargetView>> targetsOf =
                d.targets().stream().collect(Collectors.groupingBy(TargetView::categoryId));
        Map<Long, Set<Long>> ratedTargets = new HashMap<>();
        for (ScoringRow e : d.evaluations()) {
            if (taskIds.contains(e.taskId())) {
                ratedTargets.computeIfAbsent(e.taskId(), k -> new HashSet<>()).add(e.targetId());
            }
        }
        List<RateItem> toRate = new ArrayList<>();
        for (TaskView t : tasks) {
            List<TargetView> of = targetsOf.getOrDefault(t.categoryId(), List.of());
            Set<Long> rated = ratedTargets.getOrDefault(t.id(), Set.of());
            int done = (int) of.stream().filter(x -> rated.contains(x.id())).count();
            toRate.add(new RateItem(
                    t.id(),
                    t.title(),
                    t.category(),
                    of.size(),
                    done,
                    of.size() - done,
                    t.methods().contains(ROUTINE)));
        }
        List<Chart> charts = new ArrayList<>();
        charts.add(rateChart("toRate", parts.text("dashboard.chart.toRate"), toRate, false));
        List<RateItem> routine = toRate.stream().filter(RateItem::routine).toList();
        if (!routine.isEmpty()) {
            charts.add(rateChart("routineScores", parts.text("dashboard.chart.routineScores"), routine, true));
        }
        Map<Long, TaskView> taskById = tasks.stream().collect(Collectors.toMap(TaskView::id, Function.identity()));
        Map<Long, TargetView> targetById =
                d.targets().stream().collect(Collectors.toMap(TargetView::id, Function.identity()));
        List<ReturnedItem> returned = d.submissions().values().stream()
                .filter(s -> s.status() == SubmissionStatus.RETURNED && taskById.containsKey(s.taskId()))
                .filter(s -> targetById.containsKey(s.targetId()))
                .sorted(Comparator.comparing(SubmissionCell::taskId).thenComparing(SubmissionCell::targetId))
                .map(s -> new ReturnedItem(
                        s.targetId(),
                        targetById.get(s.targetId()).name(),
                        s.taskId(),
                        taskById.get(s.taskId()).title()))
                .toList();
        return d.builder(DashboardRole.ASSESSOR, null, false, charts)
                .toRate(toRate)
                .returned(returned)
                .build();
    }

    Chart rateChart(String id, String title, List<RateItem> items, boolean routine) {
        return Chart.bar(
                id,
                title,
                parts.text("dashboard.unit.targets"),
                items.stream().map(RateItem::task).toList(),
                items.stream().map(RateItem::taskId).toList(),
                List.of(
                        new Series(
                                parts.text(routine ? "dashboard.series.entered" : "dashboard.series.rated"),
                                items.stream().map(i -> dec(i.rated())).toList(),
                                "done"),
                        new Series(
                                parts.text(routine ? "dashboard.series.notEntered" : "dashboard.series.toRate"),
                                items.stream().map(i -> dec(i.remaining())).toList(),
                                "todo")),
                true,
                true);
    }
}
