package org.dudao.report.dashboard;

import static org.dudao.report.dashboard.Charts.dec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dudao.campaign.CategoryView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.evaluation.ScoringRow;
import org.dudao.feedback.FeedbackApi;
import org.dudao.feedback.ProblemView;
import org.dudao.feedback.RectificationView;
import org.dudao.feedback.ReviewView;
import org.dudao.report.dashboard.Chart.Cell;
import org.dudao.report.dashboard.Chart.Series;
import org.dudao.report.dashboard.Dashboard.CategoryStats;
import org.dudao.report.dashboard.Dashboard.OverdueItem;
import org.dudao.report.dashboard.DashboardData.Progress;
import org.dudao.scoring.ResultView;
import org.springframework.stereotype.Component;

/**
 * 考核办的驾驶舱: submission progress by category and target, evaluation progress by assessor, the
 * score distribution, category figures and rankings, the heat map of points lost, the status of problems,
 * reviews and rectification items, and what is overdue.
 */
@Component
class OfficeDashboard {

    private final Charts parts;
    private final FeedbackApi feedback;

    OfficeDashboard(Charts parts, FeedbackApi feedback) {
        this.parts = parts;
        this.feedback = feedback;
    }

    Dashboard dashboard(DashboardData d) {
        List<Progress> progress = d.progress();
        List<ReviewView> reviews = feedback.reviews(d.campaign().id(), d.user());
        List<RectificationView> items = feedback.rectifications(d.campaign().id(), d.user());
        List<ProblemView> problems = feedback.problems(d.campaign().id(), d.user());
        List<OverdueItem> overdue = new ArrayList<>();
        int overdueSubmissions = 0;
        for (Progress p : progress) {
            if (p.overdue() > 0) {
                overdueSubmissions += p.overdue();
                overdue.add(new OverdueItem(
                        "SUBMISSION",
                        p.target().id(),
                        p.target().name(),
                        p.target().id(),
                        parts.text("dashboard.overdue.submissions", p.overdue()),
                        p.firstOverdue(),
                        p.overdue()));
            }
        }
        List<OverdueItem> late = parts.lateFeedback(reviews, items);
        overdue.addAll(late);

        // narrow charts in pairs, wide ones (long lists, heat maps) on their own rows
        List<Chart> charts = new ArrayList<>();
        charts.add(submissionByCategory(d, progress));
        charts.add(overdueCounts(overdueSubmissions, late));
        charts.add(submissionByTarget(progress));
        charts.add(evaluationByAssessor(d));
        List<CategoryStats> stats = null;
        if (d.hasResults()) {
            stats = parts.categoryStats(d, d.results());
            charts.add(parts.categoryScores(stats));
            charts.add(parts.scoreDistribution(d, d.results()));
            charts.addAll(parts.rankings(d, d.results()));
            charts.addAll(heatmaps(d));
        }
        charts.add(parts.statusChart(
                "problemStatus",
                parts.text("dashboard.chart.problemStatus"),
                List.of("DELIVERED", "DISPUTED", "CONFIRMED", "WITHDRAWN"),
                "feedback.status.",
                problems.stream().map(ProblemView::status).toList()));
        charts.add(parts.statusChart(
                "reviewStatus",
                parts.text("dashboard.chart.reviewStatus"),
                List.of("FILED", "DECIDED"),
                "feedback.review.status.",
                reviews.stream().map(ReviewView::status).toList()));
        charts.add(parts.statusChart(
                "rectificationStatus",
                parts.text("dashboard.chart.rectificationStatus"),
                List.of("OPEN", "IN_PROGRESS", "COMPLETED", "CLOSED"),
                "feedback.rectification.status.",
                items.stream().map(RectificationView::status).toList()));
        return d.builder(DashboardRole.OFFICE, null, d.hasResults(), charts)
                .categoryStats(stats)
                .overdue(overdue)
                .build();
    }

    /** How many items are overdue: material (per target and task), review decisions, rectification items. */
    Chart overdueCounts(int submissions, List<OverdueItem> late) {
        return Chart.bar(
                "overdueCounts",
                parts.text("dashboard.chart.overdueCounts"),
                parts.text("dashboard.unit.items"),
                List.of(
                        parts.text("dashboard.kind.SUBMISSION"),
                        parts.text("dashboard.kind.REVIEW"),
                        parts.text("dashboard.kind.RECTIFICATION")),
                null,
                List.of(new Series(
                        parts.text("dashboard.series.overdue"),
                        List.of(
                                dec(submissions),
                                dec(late.stream()
                                        .filter(o -> o.kind().equals("REVIEW"))
                                        .count()),
                                dec(late.stream()
                                        .filter(o -> o.kind().equals("RECTIFICATION"))
                                        .count())),
                        "todo")),
                false,
                false);
    }

    Chart submissionByCategory(DashboardData d, List<Progress> progress) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> handed = new ArrayList<>(),
                drafts = new ArrayList<>(),
                returned = new ArrayList<>(),
                missing = new ArrayList<>();
        for (CategoryView c : d.categories()) {
            List<Progress> of = progress.stream()
                    .filter(p -> p.target().categoryId() == c.id())
                    .toList();
            labels.add(c.name());
            handed.add(dec(of.stream().mapToInt(Progress::handedIn).sum()));
            drafts.add(dec(of.stream().mapToInt(Progress::drafts).sum()));
            returned.add(dec(of.stream().mapToInt(Progress::returned).sum()));
            missing.add(dec(of.stream().mapToInt(Progress::notStarted).sum()));
        }
        return Chart.bar(
                "submissionByCategory",
                parts.text("dashboard.chart.submissionByCategory"),
                parts.text("dashboard.unit.items"),
                labels,
                null,
                submissionSeries(handed, drafts, returned, missing),
                false,
                true);
    }

    Chart submissionByTarget(List<Progress> progress) {
        return Chart.bar(
                "submissionByTarget",
                parts.text("dashboard.chart.submissionByTarget"),
                parts.text("dashboard.unit.items"),
                progress.stream().map(p -> p.target().name()).toList(),
                progress.stream().map(p -> p.target().id()).toList(),
                submissionSeries(
                        progress.stream().map(p -> dec(p.handedIn())).toList(),
                        progress.stream().map(p -> dec(p.drafts())).toList(),
                        progress.stream().map(p -> dec(p.returned())).toList(),
                        progress.stream().map(p -> dec(p.notStarted())).toList()),
                true,
                true);
    }

    List<Series> submissionSeries(
            List<BigDecimal> handed, List<BigDecimal> drafts, List<BigDecimal> returned, List<BigDecimal> missing) {
        return List.of(
                new Series(parts.text("dashboard.series.handedIn"), handed, "done"),
                new Series(parts.text("evidence.status.DRAFT"), drafts, "draft"),
                new Series(parts.text("evidence.status.RETURNED"), returned, "returned"),
                new Series(parts.text("evidence.status.NOT_STARTED"), missing, "todo"));
    }

    /** Per assessor unit: the (target, task) pairs of its tasks rated and still to rate. */
    Chart evaluationByAssessor(DashboardData d) {
        Map<Long, Long> targetsPerCategory =
                d.targets().stream().collect(Collectors.groupingBy(TargetView::categoryId, Collectors.counting()));
        Map<Long, Long> ratedPerTask =
                d.evaluations().stream().collect(Collectors.groupingBy(ScoringRow::taskId, Collectors.counting()));
        Map<String, int[]> byAssessor = new LinkedHashMap<>();
        for (TaskView t : d.tasks()) {
            String who = t.assessorUnitId() != null
                    ? d.unitName(t.assessorUnitId())
                    : (t.assessorName() == null || t.assessorName().isBlank()
                            ? parts.text("dashboard.assessor.none")
                            : t.assessorName());
            int[] n = byAssessor.computeIfAbsent(who, k -> new int[2]);
            int all = targetsPerCategory.getOrDefault(t.categoryId(), 0L).intValue();
            int rated = (int) Math.min(all, ratedPerTask.getOrDefault(t.id(), 0L));
            n[0] += rated;
            n[1] += all - rated;
        }
        List<String> labels = new ArrayList<>(byAssessor.keySet());
        return Chart.bar(
                "evaluationByAssessor",
                parts.text("dashboard.chart.evaluationByAssessor"),
                parts.text("dashboard.unit.items"),
                labels,
                null,
                List.of(
                        new Series(
                                parts.text("dashboard.series.rated"),
                                labels.stream()
                                        .map(l -> dec(byAssessor.get(l)[0]))
                                        .toList(),
                                "done"),
                        new Series(
                                parts.text("dashboard.series.toRate"),
                                labels.stream()
                                        .map(l -> dec(byAssessor.get(l)[1]))
                                        .toList(),
                                "todo")),
                true,
                true);
    }

    /** 失分热力图: per category, the points each target lost under each first-level indicator. */
    List<Chart> heatmaps(DashboardData d) {
        List<Chart> out = new ArrayList<>();
        Map<Long, ResultView> resultOf =
                d.results().stream().collect(Collectors.toMap(ResultView::targetId, Function.identity()));
        for (CategoryView c : d.categories()) {
            List<String> indicators = d.indicators(c.id());
            List<TargetView> rows = d.targets().stream()
                    .filter(t -> t.categoryId() == c.id() && resultOf.containsKey(t.id()))
                    .toList();
            if (rows.isEmpty() || indicators.isEmpty()) {
                continue;
            }
            List<String> columns = new ArrayList<>(indicators);
            List<Cell> cells = new ArrayList<>();
            Map<Long, List<Map<String, Object>>> lines = d.taskLinesOfCategory(c.id());
            for (int y = 0; y < rows.size(); y++) {
                Map<String, BigDecimal> lost = DashboardFigures.lostByIndicator(
                        lines.getOrDefault(rows.get(y).id(), List.of()), indicators);
                for (String indicator : lost.keySet()) {
                    if (!columns.contains(indicator)) {
                        columns.add(indicator);
                    }
                }
                for (Map.Entry<String, BigDecimal> e : lost.entrySet()) {
                    cells.add(new Cell(columns.indexOf(e.getKey()), y, e.getValue()));
                }
            }
            out.add(Chart.heatmap(
                    "heatmap-" + c.id(),
                    parts.text("dashboard.chart.heatmap", c.name()),
                    parts.text("dashboard.unit.points"),
                    columns,
                    rows.stream().map(TargetView::name).toList(),
                    rows.stream().map(TargetView::id).toList(),
                    cells));
        }
        return out;
    }
}
