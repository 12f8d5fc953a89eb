package org.dudao.report.dashboard;

import static org.dudao.report.dashboard.Charts.abbreviate;
import static org.dudao.report.dashboard.Charts.dec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.TargetView;
import org.dudao.feedback.FeedbackApi;
import org.dudao.feedback.ProblemView;
import org.dudao.feedback.RectificationView;
import org.dudao.feedback.ReviewView;
import org.dudao.report.dashboard.Chart.Series;
import org.dudao.report.dashboard.Dashboard.DeadlineItem;
import org.dudao.report.dashboard.Dashboard.OpenItem;
import org.dudao.report.dashboard.Dashboard.OverdueItem;
import org.dudao.report.dashboard.Dashboard.OwnScore;
import org.dudao.report.dashboard.DashboardData.Progress;
import org.dudao.report.dashboard.DashboardFigures.Stats;
import org.dudao.scoring.ResultView;
import org.springframework.stereotype.Component;

/**
 * 考核对象的驾驶舱: its score against its category's average and best, its points kept and lost by
 * first-level indicator (once the results are published; for the office and leaders once computed),
 * its submissions and deadlines, its open problems, reviews and rectification items.
 */
@Component
class TargetDashboard {

    private final Charts parts;
    private final FeedbackApi feedback;

    TargetDashboard(Charts parts, FeedbackApi feedback) {
        this.parts = parts;
        this.feedback = feedback;
    }

    Dashboard dashboard(DashboardData d, TargetView target) {
        List<Chart> charts = new ArrayList<>();
        boolean shown = d.seat().readsAll() ? d.hasResults() : d.published();
        OwnScore own = null;
        if (shown) {
            ResultView mine = d.results().stream()
                    .filter(r -> r.targetId() == target.id())
                    .findFirst()
                    .orElse(null);
            if (mine != null) {
                List<ResultView> peers = d.results().stream()
                        .filter(r -> r.category().equals(mine.category()))
                        .toList();
                Stats s = Stats.of(peers.stream().map(ResultView::finalScore).toList());
                Integer rankedOf = mine.ranked()
                        ? (int) peers.stream().filter(r -> r.rank() != null).count()
                        : null;
                own = new OwnScore(mine.finalScore(), mine.level(), mine.rank(), rankedOf, s.average(), s.max());
                charts.add(Chart.bar(
                        "ownScore",
                        parts.text("dashboard.chart.ownScore"),
                        parts.text("dashboard.unit.points"),
                        List.of(
                                parts.text("dashboard.label.own"),
                                parts.text("dashboard.label.categoryAverage"),
                                parts.text("dashboard.label.categoryBest")),
                        null,
                        List.of(new Series(
                                parts.text("dashboard.series.final"),
                                List.of(mine.finalScore(), s.average(), s.max()))),
                        false,
                        false));
                charts.add(ownLost(d, target));
            }
        }
        Progress p = d.progress(target);
        charts.add(Chart.bar(
                "ownSubmissions",
                parts.text("dashboard.chart.ownSubmissions"),
                parts.text("dashboard.unit.items"),
                List.of(
                        parts.text("dashboard.series.handedIn"),
                        parts.text("evidence.status.DRAFT"),
                        parts.text("evidence.status.RETURNED"),
                        parts.text("evidence.status.NOT_STARTED")),
                null,
                List.of(new Series(
                        parts.text("dashboard.series.count"),
                        List.of(dec(p.handedIn()), dec(p.drafts()), dec(p.returned()), dec(p.notStarted())))),
                false,
                false));

        long campaignId = d.campaign().id();
        LocalDate today = d.today();
        List<OpenItem> open = new ArrayList<>();
        for (ProblemView x : feedback.problems(campaignId, d.user())) {
            if (x.targetId() == target.id() && ("DELIVERED".equals(x.status()) || "DISPUTED".equals(x.status()))) {
                open.add(new OpenItem(
                        "PROBLEM",
                        x.id(),
                        abbreviate(x.description()),
                        "feedback.status." + x.status(),
                        x.responseDue(),
                        "DELIVERED".equals(x.status()) && today.isAfter(x.responseDue())));
            }
        }
        List<ReviewView> reviews = feedback.reviews(campaignId, d.user()).stream()
                .filter(r -> r.targetId() == target.id())
                .toList();
        for (ReviewView r : reviews) {
            if ("FILED".equals(r.status())) {
                open.add(new OpenItem(
                        "REVIEW",
                        r.id(),
                        abbreviate(r.statement()),
                        "feedback.review.status." + r.status(),
                        r.decisionDue(),
                        r.overdue()));
            }
        }
        List<RectificationView> items = feedback.rectifications(campaignId, d.user()).stream()
                .filter(i -> i.targetId() == target.id())
                .toList();
        for (RectificationView i : items) {
            if (!"CLOSED".equals(i.status())) {
                open.add(new OpenItem(
                        "RECTIFICATION",
                        i.id(),
                        abbreviate(i.problemDescription()),
                        "feedback.rectification.status." + i.status(),
                        i.deadline(),
                        i.overdue()));
            }
        }
        List<OverdueItem> overdue = new ArrayList<>();
        for (DeadlineItem i : p.items()) {
            if (i.overdue()) {
                overdue.add(
                        new OverdueItem("SUBMISSION", target.id(), target.name(), i.taskId(), i.task(), i.due(), 1));
            }
        }
        overdue.addAll(parts.lateFeedback(reviews, items));
        List<DeadlineItem> deadlines = p.items().stream()
                .sorted(Comparator.comparing(DeadlineItem::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        return d.builder(DashboardRole.TARGET, target, shown, charts)
                .own(own)
                .deadlines(deadlines)
                .openItems(open)
                .overdue(overdue)
                .build();
    }

    /** The target's points kept and lost under each first-level indicator of its category. */
    Chart ownLost(DashboardData d, TargetView target) {
        List<Map<String, Object>> lines = d.taskLines(target.id());
        Map<String, BigDecimal> lost = DashboardFigures.lostByIndicator(lines, d.indicators(target.categoryId()));
        Map<String, BigDecimal> kept = new LinkedHashMap<>();
        lost.keySet().forEach(k -> kept.put(k, BigDecimal.ZERO));
        for (Map<String, Object> line : lines) {
            if (!Boolean.TRUE.equals(line.get("notApplicable")) && line.get("maxPoints") != null) {
                BigDecimal score = DashboardFigures.decimal(line.get("score"));
                kept.merge(
                        DashboardFigures.indicator(DashboardFigures.paths(line.get("path"))),
                        score == null ? BigDecimal.ZERO : score,
                        BigDecimal::add);
            }
        }
        List<String> labels = new ArrayList<>(lost.keySet());
        return Chart.bar(
                "ownLost",
                parts.text("dashboard.chart.ownLost"),
                parts.text("dashboard.unit.points"),
                labels,
                null,
                List.of(
                        new Series(
                                parts.text("dashboard.series.kept"),
                                labels.stream().map(kept::get).toList(),
                                "done"),
                        new Series(
                                parts.text("dashboard.series.lost"),
                                labels.stream().map(lost::get).toList(),
                                "lost")),
                true,
                true);
    }
}
