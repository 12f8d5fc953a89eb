package org.dudao.inspection.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CategoryView;
import org.dudao.campaign.TaskView;
import org.dudao.indicator.IndicatorApi;
import org.dudao.indicator.IndicatorNode;
import org.dudao.inspection.SheetView;
import org.springframework.stereotype.Component;

/**
 * The scoring sheets of an inspection: one per campaign category (PY-2020-PARTY, PY-2020-GOV), items with
 * their points, check standard split into clauses and implementing units (落实单位: lead and co-units as
 * transcribed), and a target's deductions and scores laid over them.
 */
@Component
class Sheets {

    static final BigDecimal HUNDRED = new BigDecimal("100");

    private final CampaignApi campaigns;
    private final IndicatorApi indicators;

    Sheets(CampaignApi campaigns, IndicatorApi indicators) {
        this.campaigns = campaigns;
        this.indicators = indicators;
    }

    /** The blank sheets (no deductions). */
    List<SheetView> blank(long campaignId) {
        return score(campaignId, List.of());
    }

    /** The sheets with a target's deductions (those in force). */
    List<SheetView> score(long campaignId, List<SheetView.Deduction> deductions) {
        List<TaskView> tasks = campaigns.tasks(campaignId);
        Map<Long, List<SheetView.Deduction>> byTask = new HashMap<>();
        deductions.forEach(
                d -> byTask.computeIfAbsent(d.taskId(), k -> new ArrayList<>()).add(d));
        List<SheetView> out = new ArrayList<>();
        for (CategoryView cat : campaigns.categories(campaignId)) {
            Map<Long, List<String>> units = units(cat.indicatorSystemId());
            List<SheetView.Item> items = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal deducted = BigDecimal.ZERO;
            for (TaskView t : tasks) {
                if (t.categoryId() != cat.id()) {
                    continue;
                }
                BigDecimal points = t.points() == null ? BigDecimal.ZERO : t.points();
                CheckStandard std = CheckStandard.parse(t.requirement());
                List<SheetView.Deduction> ds = byTask.getOrDefault(t.id(), List.of());
                BigDecimal off = ds.stream().map(SheetView.Deduction::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                List<String> u = units.getOrDefault(
                        t.nodeId(), t.assessorName() == null ? List.of() : List.of(t.assessorName()));
                items.add(new SheetView.Item(
                        t.id(),
                        t.label(),
                        t.name(),
                        t.path().isEmpty() ? null : t.path().get(0),
                        points,
                        t.requirement(),
                        std.method(),
                        u,
                        std.clauses(),
                        std.inconsistency(points),
                        List.copyOf(ds),
                        off,
                        points.subtract(off)));
                total = total.add(points);
                deducted = deducted.add(off);
            }
            out.add(new SheetView(
                    cat.id(),
                    cat.name(),
                    total,
                    total.compareTo(HUNDRED) == 0,
                    deducted,
                    total.subtract(deducted),
                    List.copyOf(items)));
        }
        return out;
    }

    /** Node id → implementing units (lead, then co-units) as transcribed in the indicator system. */
    private Map<Long, List<String>> units(long systemId) {
        Map<Long, List<String>> out = new HashMap<>();
        walk(indicators.tree(systemId).roots(), out);
        return out;
    }

    private static void walk(List<IndicatorNode> nodes, Map<Long, List<String>> out) {
        for (IndicatorNode n : nodes) {
            Set<String> u = new LinkedHashSet<>();
            if (n.assessorLead() != null && !n.assessorLead().isBlank()) {
                u.add(n.assessorLead().strip());
            }
            n.assessorCo().stream().filter(s -> !s.isBlank()).map(String::strip).forEach(u::add);
            if (n.id() != null) {
                out.put(n.id(), List.copyOf(u));
            }
            walk(n.children(), out);
        }
    }
}
