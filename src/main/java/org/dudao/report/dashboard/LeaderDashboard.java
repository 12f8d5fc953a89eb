package org.dudao.report.dashboard;

import static org.dudao.report.dashboard.Charts.dec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.CategoryView;
import org.dudao.report.dashboard.Chart.Series;
import org.dudao.report.dashboard.Dashboard.CategoryStats;
import org.dudao.report.dashboard.Dashboard.PreviousCampaign;
import org.dudao.report.dashboard.Dashboard.ResultItem;
import org.dudao.scoring.ResultView;
import org.dudao.scoring.ScoringApi;
import org.dudao.scoring.WorkflowView;
import org.springframework.stereotype.Component;

/**
 * 领导小组的驾驶舱: the published results (category figures, levels, distribution, rankings), the
 * change against last year's published results, and the bottom-N and big-regression lists the
 * computation produced.
 */
@Component
class LeaderDashboard {

    private final Charts parts;
    private final CampaignApi campaigns;
    private final ScoringApi scoring;

    LeaderDashboard(Charts parts, CampaignApi campaigns, ScoringApi scoring) {
        this.parts = parts;
        this.campaigns = campaigns;
        this.scoring = scoring;
    }

    Dashboard dashboard(DashboardData d) {
        boolean shown = d.published();
        List<Chart> charts = new ArrayList<>();
        List<CategoryStats> stats = null;
        List<ResultItem> bottom = null, regression = null, changes = null;
        PreviousCampaign previous = null;
        if (shown) {
            List<ResultView> results = d.results();
            stats = parts.categoryStats(d, results);
            charts.add(parts.categoryScores(stats));
            charts.add(levelCounts(d, results));
            charts.add(parts.scoreDistribution(d, results));
            charts.addAll(parts.rankings(d, results));
            Optional<CampaignView> prev = previousCampaign(d.campaign());
            Map<Long, ResultView> before = new HashMap<>();
            if (prev.isPresent()) {
                previous = new PreviousCampaign(
                        prev.get().id(), prev.get().name(), prev.get().year());
                scoring.results(prev.get().id()).forEach(r -> before.put(r.unitId(), r));
            }
            Map<Long, ResultItem> items = new LinkedHashMap<>();
            for (ResultView r : results) {
                ResultView p = before.get(r.unitId());
                BigDecimal change = p == null || p.finalScore() == null || r.finalScore() == null
                        ? null
                        : r.finalScore().subtract(p.finalScore());
                items.put(
                        r.targetId(),
                        new ResultItem(
                                r.targetId(),
                                r.name(),
                                r.category(),
                                r.finalScore(),
                                r.level(),
                                r.rank(),
                                p == null ? null : p.finalScore(),
                                p == null ? null : p.rank(),
                                change));
            }
            changes = items.values().stream().filter(i -> i.change() != null).toList();
            if (!changes.isEmpty()) {
                charts.add(Chart.bar(
                        "yearOverYear",
                        parts.text("dashboard.chart.yearOverYear", previous.year()),
                        parts.text("dashboard.unit.points"),
                        changes.stream().map(ResultItem::name).toList(),
                        changes.stream().map(ResultItem::targetId).toList(),
                        List.of(new Series(
                                parts.text("dashboard.series.change"),
                                changes.stream().map(ResultItem::change).toList())),
                        true,
                        false));
            }
            bottom = new ArrayList<>();
            Map<String, Object> lists = d.workflow().map(WorkflowView::lists).orElse(Map.of());
            if (lists.get("bottom") instanceof Map<?, ?> byCategory) {
                for (Object ids : byCategory.values()) {
                    bottom.addAll(pick(items, ids));
                }
            }
            regression = pick(items, lists.get("regression"));
        }
        return d.builder(DashboardRole.LEADER, null, shown, charts)
                .categoryStats(stats)
                .bottom(bottom)
                .regression(regression)
                .changes(changes)
                .previous(previous)
                .build();
    }

    static List<ResultItem> pick(Map<Long, ResultItem> items, Object ids) {
        if (!(ids instanceof List<?> l)) {
            return List.of();
        }
        return l.stream()
                .map(id -> items.get(((Number) id).longValue()))
                .filter(Objects::nonNull)
                .toList();
    }

    /** Per category, how many targets got each level; levels from the best-scored down. */
    Chart levelCounts(DashboardData d, List<ResultView> results) {
        Map<String, BigDecimal> bestOfLevel = new HashMap<>();
        for (ResultView r : results) {
            if (r.level() != null && r.finalScore() != null) {
                bestOfLevel.merge(r.level(), r.finalScore(), BigDecimal::max);
            }
        }
        List<String> levels = bestOfLevel.keySet().stream()
                .sorted(Comparator.comparing((String l) -> bestOfLevel.get(l)).reversed())
                .toList();
        List<String> categories = d.categories().stream()
                .map(CategoryView::name)
                .filter(c -> results.stream().anyMatch(r -> r.category().equals(c)))
                .toList();
        return Chart.bar(
                "levelCounts",
                parts.text("dashboard.chart.levelCounts"),
                parts.text("dashboard.unit.targets"),
                categories,
                null,
                levels.stream()
                        .map(l -> new Series(
                                l,
                                categories.stream()
                                        .map(c -> dec(results.stream()
                                                .filter(r -> r.category().equals(c) && l.equals(r.level()))
                                                .count()))
                                        .toList()))
                        .toList(),
                false,
                true);
    }

    /**
     * Last year's campaign of the same office and kind: the one this campaign was carried over from,
     * else the newest of the previous year; only when its results were published.
     */
    private Optional<CampaignView> previousCampaign(CampaignView c) {
        Optional<CampaignView> prev = c.basedOnId() != null
                ? Optional.of(campaigns.campaign(c.basedOnId()))
                : campaigns.ownedBy(c.ownerUnitId()).stream()
                        .filter(x -> x.kind() == c.kind() && x.year() == c.year() - 1)
                        .max(Comparator.comparingLong(CampaignView::id));
        return prev.filter(
                p -> scoring.workflow(p.id()).map(WorkflowView::published).orElse(false));
    }
}
