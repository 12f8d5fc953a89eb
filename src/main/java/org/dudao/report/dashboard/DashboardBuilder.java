package org.dudao.report.dashboard;

import java.util.List;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.report.dashboard.Dashboard.CategoryStats;
import org.dudao.report.dashboard.Dashboard.DeadlineItem;
import org.dudao.report.dashboard.Dashboard.OpenItem;
import org.dudao.report.dashboard.Dashboard.OverdueItem;
import org.dudao.report.dashboard.Dashboard.OwnScore;
import org.dudao.report.dashboard.Dashboard.PreviousCampaign;
import org.dudao.report.dashboard.Dashboard.RateItem;
import org.dudao.report.dashboard.Dashboard.ResultItem;
import org.dudao.report.dashboard.Dashboard.ReturnedItem;

/** The header of a dashboard and the optional sections its role fills. */
final class DashboardBuilder {
    private final DashboardData data;
    private final DashboardRole role;
    private final TargetView target;
    private final boolean shown;
    private final List<Chart> charts;
    private List<CategoryStats> categoryStats;
    private List<OverdueItem> overdue;
    private List<DeadlineItem> deadlines;
    private List<OpenItem> openItems;
    private List<RateItem> toRate;
    private List<ReturnedItem> returned;
    private List<ResultItem> bottom;
    private List<ResultItem> regression;
    private List<ResultItem> changes;
    private PreviousCampaign previous;
    private OwnScore own;

    DashboardBuilder(DashboardData data, DashboardRole role, TargetView target, boolean shown, List<Chart> charts) {
        this.data = data;
        this.role = role;
        this.target = target;
        this.shown = shown;
        this.charts = List.copyOf(charts);
    }

    DashboardBuilder categoryStats(List<CategoryStats> v) {
        categoryStats = v;
        return this;
    }

    DashboardBuilder overdue(List<OverdueItem> v) {
        overdue = v;
        return this;
    }

    DashboardBuilder deadlines(List<DeadlineItem> v) {
        deadlines = v;
        return this;
    }

    DashboardBuilder openItems(List<OpenItem> v) {
        openItems = v;
        return this;
    }

    DashboardBuilder toRate(List<RateItem> v) {
        toRate = v;
        return this;
    }

    DashboardBuilder returned(List<ReturnedItem> v) {
        returned = v;
        return this;
    }

    DashboardBuilder bottom(List<ResultItem> v) {
        bottom = v;
        return this;
    }

    DashboardBuilder regression(List<ResultItem> v) {
        regression = v;
        return this;
    }

    DashboardBuilder changes(List<ResultItem> v) {
        changes = v;
        return this;
    }

    DashboardBuilder previous(PreviousCampaign v) {
        previous = v;
        return this;
    }

    DashboardBuilder own(OwnScore v) {
        own = v;
        return this;
    }

    Dashboard build() {
        CampaignView c = data.campaign();
        return new Dashboard(
                c.id(),
                c.name(),
                c.year(),
                role.name(),
                data.seat().roles().stream().map(DashboardRole::name).toList(),
                target == null ? null : target.id(),
                target == null ? null : target.name(),
                target == null ? null : target.category(),
                data.resultsStatus(),
                shown,
                data.now(),
                charts,
                categoryStats,
                overdue,
                deadlines,
                openItems,
                toRate,
                returned,
                bottom,
                regression,
                changes,
                previous,
                own);
    }
}
