package org.dudao.report.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CategoryView;
import org.dudao.feedback.RectificationView;
import org.dudao.feedback.ReviewView;
import org.dudao.report.dashboard.Chart.Series;
import org.dudao.report.dashboard.Dashboard.CategoryStats;
import org.dudao.report.dashboard.Dashboard.OverdueItem;
import org.dudao.report.dashboard.DashboardFigures.Histogram;
import org.dudao.report.dashboard.DashboardFigures.Stats;
import org.dudao.scoring.ResultView;
import org.dudao.shared.error.Texts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the dashboards are made of: labels in the caller's language, the per-category result charts
 * the office and leaders share, status counts and the overdue lines of feedback.
 */
@Component
class Charts {

    private final MessageSource messages;

    Charts(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    List<CategoryStats> categoryStats(DashboardData d, List<ResultView> results) {
        List<CategoryStats> out = new ArrayList<>();
        for (CategoryView c : d.categories()) {
            List<ResultView> of =
                    results.stream().filter(r -> r.category().equals(c.name())).toList();
            Stats s = Stats.of(of.stream().map(ResultView::finalScore).toList());
            String best = of.stream()
                    .filter(r -> r.finalScore() != null && r.finalScore().compareTo(s.max()) == 0)
                    .map(ResultView::name)
                    .findFirst()
                    .orElse(null);
            int targets = (int)
                    d.targets().stream().filter(t -> t.categoryId() == c.id()).count();
            out.add(new CategoryStats(c.name(), targets, s.count(), s.average(), s.min(), s.max(), best));
        }
        return out;
    }

    Chart categoryScores(List<CategoryStats> stats) {
        List<CategoryStats> scored = stats.stream().filter(s -> s.scored() > 0).toList();
        return Chart.bar(
                "categoryScores",
                text("dashboard.chart.categoryScores"),
                text("dashboard.unit.points"),
                scored.stream().map(CategoryStats::category).toList(),
                null,
                List.of(
                        new Series(
                                text("dashboard.series.average"),
                                scored.stream().map(CategoryStats::average).toList()),
                        new Series(
                                text("dashboard.series.min"),
                                scored.stream().map(CategoryStats::min).toList()),
                        new Series(
                                text("dashboard.series.max"),
                                scored.stream().map(CategoryStats::max).toList())),
                false,
                false);
    }

    Chart scoreDistribution(DashboardData d, List<ResultView> results) {
        Map<String, List<BigDecimal>> byCategory = new LinkedHashMap<>();
        for (CategoryView c : d.categories()) {
            List<BigDecimal> scores = results.stream()
                    .filter(r -> r.category().equals(c.name()) && r.finalScore() != null)
                    .map(ResultView::finalScore)
                    .toList();
            if (!scores.isEmpty()) {
                byCategory.put(c.name(), scores);
            }
        }
        Histogram h = Histogram.of(byCategory);
        return Chart.bar(
                "scoreDistribution",
                text("dashboard.chart.scoreDistribution"),
                text("dashboard.unit.targets"),
                h.labels(),
                null,
                h.counts().entrySet().stream()
                        .map(e -> new Series(
                                e.getKey(),
                                e.getValue().stream().map(Charts::dec).toList()))
                        .toList(),
                false,
                false);
    }

    /** One horizontal bar chart per ranked category, best first. */
    List<Chart> rankings(DashboardData d, List<ResultView> results) {
        List<Chart> out = new ArrayList<>();
        for (CategoryView c : d.categories()) {
            List<ResultView> ranked = results.stream()
                    .filter(r -> r.category().equals(c.name()) && r.ranked() && r.rank() != null)
                    .sorted(Comparator.comparing(ResultView::rank))
                    .toList();
            if (ranked.isEmpty()) {
                continue;
            }
            out.add(Chart.bar(
                    "ranking-" + c.id(),
                    text("dashboard.chart.ranking", c.name()),
                    text("dashboard.unit.points"),
                    ranked.stream().map(r -> r.rank() + ". " + r.name()).toList(),
                    ranked.stream().map(ResultView::targetId).toList(),
                    List.of(new Series(
                            text("dashboard.series.final"),
                            ranked.stream().map(ResultView::finalScore).toList())),
                    true,
                    false));
        }
        return out;
    }

    Chart statusChart(String id, String title, List<String> statuses, String labelPrefix, List<String> of) {
        return Chart.bar(
                id,
                title,
                text("dashboard.unit.items"),
                statuses.stream().map(s -> text(labelPrefix + s)).toList(),
                null,
                List.of(new Series(
                        text("dashboard.series.count"),
                        statuses.stream()
                                .map(s -> dec(of.stream().filter(s::equals).count()))
                                .toList())),
                false,
                false);
    }

    List<OverdueItem> lateFeedback(List<ReviewView> reviews, List<RectificationView> items) {
        List<OverdueItem> out = new ArrayList<>();
        for (ReviewView r : reviews) {
            if (r.overdue()) {
                out.add(new OverdueItem(
                        "REVIEW", r.targetId(), r.targetName(), r.id(), abbreviate(r.statement()), r.decisionDue(), 1));
            }
        }
        for (RectificationView i : items) {
            if (i.overdue()) {
                out.add(new OverdueItem(
                        "RECTIFICATION",
                        i.targetId(),
                        i.targetName(),
                        i.id(),
                        abbreviate(i.problemDescription()),
                        i.deadline(),
                        1));
            }
        }
        return out;
    }

    static BigDecimal dec(long n) {
        return BigDecimal.valueOf(n);
    }

    static BigDecimal dec(Integer n) {
        return BigDecimal.valueOf(n.longValue());
    }

    static String abbreviate(String s) {
        return Texts.abbreviate(s, 60);
    }
}
