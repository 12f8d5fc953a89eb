package org.dudao.indicator.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dudao.indicator.Finding;
import org.dudao.indicator.Finding.Severity;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.IndicatorTree;
import org.dudao.indicator.NodeKind;
import org.dudao.indicator.SystemKind;

/**
 * 校验报告. States where a system does not add up or lacks what a campaign needs; it reports and never
 * changes a number. Plain Java: a tree in, findings out.
 */
public final class Validator {

    static final BigDecimal HUNDRED = new BigDecimal("100");

    private Validator() {}

    /** Findings for one system; {@code campaignEnd} may be null. */
    public static List<Finding> validate(IndicatorTree tree, LocalDate campaignEnd) {
        List<Finding> out = new ArrayList<>();
        SystemKind kind = tree.system().kind();
        boolean pointsUsed = anyTaskPoints(tree.roots());
        checkSiblings(tree.roots(), "", out);
        for (IndicatorNode root : tree.roots()) {
            walk(root, root.title(), kind, pointsUsed, campaignEnd, out);
        }
        if (kind == SystemKind.ASSESSMENT) {
            BigDecimal total = levelOneTotal(tree.roots());
            if (total != null && total.compareTo(HUNDRED) != 0) {
                out.add(new Finding(
                        Severity.INFO,
                        "",
                        "TOTAL_NOT_100",
                        total.compareTo(HUNDRED) < 0
                                ? "indicator.finding.totalBelow100"
                                : "indicator.finding.totalAbove100",
                        new Object[] {plain(total)}));
            }
        }
        return out;
    }

    /**
     * Between systems of one plan (the same document): the same level-1 indicator (by name) printed
     * with different points.
     */
    public static List<Finding> compareLevelOne(IndicatorTree a, IndicatorTree b) {
        List<Finding> out = new ArrayList<>();
        Map<String, BigDecimal> other = new HashMap<>();
        for (IndicatorNode n : b.roots()) {
            if (n.points() != null) {
                other.put(n.name(), n.points());
            }
        }
        for (IndicatorNode n : a.roots()) {
            BigDecimal p = other.get(n.name());
            if (n.points() != null && p != null && p.compareTo(n.points()) != 0) {
                out.add(new Finding(
                        Severity.WARNING, n.title(), "LEVEL1_DIFFERS", "indicator.finding.level1Differs", new Object[] {
                            plain(n.points()), b.system().code(), plain(p)
                        }));
            }
        }
        return out;
    }

    private static void walk(
            IndicatorNode n,
            String path,
            SystemKind kind,
            boolean pointsUsed,
            LocalDate campaignEnd,
            List<Finding> out) {
        if (n.kind().isLeafKind() && !n.children().isEmpty()) {
            out.add(new Finding(
                    Severity.ERROR, path, "LEAF_WITH_CHILDREN", "indicator.finding.leafWithChildren", new Object[0]));
        }
        BigDecimal sum = n.childrenPoints();
        if (n.points() != null && sum != null && sum.compareTo(n.points()) != 0) {
            out.add(new Finding(
                    Severity.WARNING, path, "POINTS_MISMATCH", "indicator.finding.pointsMismatch", new Object[] {
                        plain(n.points()), plain(sum)
                    }));
        }
        if (n.kind() == NodeKind.TASK && n.children().isEmpty()) {
            if (n.methods().isEmpty() && kind != SystemKind.PLAN) {
                out.add(new Finding(Severity.WARNING, path, "NO_METHOD", "indicator.finding.noMethod", new Object[0]));
            }
            if ((kind == SystemKind.ASSESSMENT || kind == SystemKind.INSPECTION)
                    && n.assessorLead() == null
                    && n.assessorCo().isEmpty()) {
                out.add(new Finding(
                        Severity.WARNING, path, "NO_ASSESSOR", "indicator.finding.noAssessor", new Object[0]));
            }
            if ((kind == SystemKind.CREATION || kind == SystemKind.PLAN)
                    && n.responsibleLead() == null
                    && n.responsibleCo().isEmpty()) {
                out.add(new Finding(
                        Severity.WARNING, path, "NO_RESPONSIBLE", "indicator.finding.noResponsible", new Object[0]));
            }
            if (pointsUsed && n.points() == null) {
                out.add(new Finding(
                        Severity.WARNING,
                        path,
                        "NO_POINTS",
                        n.pointsInferred() == null
                                ? "indicator.finding.noPoints"
                                : "indicator.finding.noPointsInferred",
                        new Object[] {plain(n.pointsInferred())}));
            }
        }
        if (campaignEnd != null && n.deadline() != null && n.deadline().isAfter(campaignEnd)) {
            out.add(new Finding(
                    Severity.WARNING, path, "DEADLINE_AFTER_END", "indicator.finding.deadlineAfterEnd", new Object[] {
                        n.deadline().toString(), campaignEnd.toString()
                    }));
        }
        if (n.note() != null) {
            out.add(new Finding(
                    Severity.INFO, path, "SOURCE_NOTE", "indicator.finding.sourceNote", new Object[] {n.note()}));
        }
        checkSiblings(n.children(), path, out);
        for (IndicatorNode c : n.children()) {
            walk(c, path + " / " + c.title(), kind, pointsUsed, campaignEnd, out);
        }
    }

    private static void checkSiblings(List<IndicatorNode> siblings, String parentPath, List<Finding> out) {
        Map<String, Integer> seen = new HashMap<>();
        for (IndicatorNode s : siblings) {
            if (s.label() == null) {
                continue;
            }
            if (seen.merge(s.label(), 1, Integer::sum) == 2) {
                out.add(new Finding(
                        Severity.WARNING,
                        parentPath,
                        "DUPLICATE_LABEL",
                        "indicator.finding.duplicateLabel",
                        new Object[] {s.label()}));
            }
        }
    }

    static boolean anyTaskPoints(List<IndicatorNode> nodes) {
        for (IndicatorNode n : nodes) {
            if (n.kind() == NodeKind.TASK && n.points() != null || anyTaskPoints(n.children())) {
                return true;
            }
        }
        return false;
    }

    /** The sum of the level-1 indicators' and tasks' printed points (bonus/penalty items excluded). */
    public static BigDecimal levelOneTotal(List<IndicatorNode> roots) {
        BigDecimal sum = null;
        for (IndicatorNode r : roots) {
            if (r.points() != null && (r.kind() == NodeKind.INDICATOR || r.kind() == NodeKind.TASK)) {
                sum = sum == null ? r.points() : sum.add(r.points());
            }
        }
        return sum;
    }

    static String plain(BigDecimal b) {
        return b == null ? "" : b.stripTrailingZeros().toPlainString();
    }
}
