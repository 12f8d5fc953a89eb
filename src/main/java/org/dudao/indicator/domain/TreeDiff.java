package org.dudao.indicator.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dudao.indicator.IndicatorNode;

/**
 * 版本比较: nodes are matched by their path of titles (label + name from the root); what is only in
 * the newer tree is added, only in the older removed, in both with different fields changed.
 */
public final class TreeDiff {

    private TreeDiff() {}

    public enum Type {
        ADDED,
        REMOVED,
        CHANGED
    }

    /** One difference; for CHANGED, the fields with their old and new values. */
    public record Change(Type type, String path, Map<String, List<String>> fields) {}

    public static List<Change> diff(List<IndicatorNode> from, List<IndicatorNode> to) {
        Map<String, IndicatorNode> a = index(from);
        Map<String, IndicatorNode> b = index(to);
        List<Change> out = new ArrayList<>();
        for (var e : a.entrySet()) {
            IndicatorNode other = b.get(e.getKey());
            if (other == null) {
                out.add(new Change(Type.REMOVED, e.getKey(), Map.of()));
            } else {
                Map<String, List<String>> fields = changedFields(e.getValue(), other);
                if (!fields.isEmpty()) {
                    out.add(new Change(Type.CHANGED, e.getKey(), fields));
                }
            }
        }
        for (var e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                out.add(new Change(Type.ADDED, e.getKey(), Map.of()));
            }
        }
        return out;
    }

    /** Path → node; a repeated path (same title twice under one parent) gets "#2", "#3". */
    static Map<String, IndicatorNode> index(List<IndicatorNode> roots) {
        Map<String, IndicatorNode> out = new LinkedHashMap<>();
        add(roots, "", out);
        return out;
    }

    private static void add(List<IndicatorNode> nodes, String prefix, Map<String, IndicatorNode> out) {
        for (IndicatorNode n : nodes) {
            String base = prefix.isEmpty() ? n.title() : prefix + " / " + n.title();
            String path = base;
            for (int i = 2; out.containsKey(path); i++) {
                path = base + " #" + i;
            }
            out.put(path, n);
            add(n.children(), path, out);
        }
    }

    static Map<String, List<String>> changedFields(IndicatorNode x, IndicatorNode y) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        compare(f, "kind", x.kind(), y.kind());
        compare(f, "points", Cells.points(x.points()), Cells.points(y.points()));
        compare(f, "pointsInferred", Cells.points(x.pointsInferred()), Cells.points(y.pointsInferred()));
        compare(f, "methods", x.methods(), y.methods());
        compare(f, "materials", x.materials(), y.materials());
        compare(f, "deadline", x.deadline(), y.deadline());
        compare(f, "description", x.description(), y.description());
        compare(f, "requirement", x.requirement(), y.requirement());
        compare(f, "assessorLead", x.assessorLead(), y.assessorLead());
        compare(f, "assessorCo", x.assessorCo(), y.assessorCo());
        compare(f, "responsibleLead", x.responsibleLead(), y.responsibleLead());
        compare(f, "responsibleCo", x.responsibleCo(), y.responsibleCo());
        compare(f, "categories", x.categories(), y.categories());
        compare(f, "wordLimit", x.wordLimit(), y.wordLimit());
        compare(f, "wordLimitMax", x.wordLimitMax(), y.wordLimitMax());
        compare(f, "sourceRef", x.sourceRef(), y.sourceRef());
        compare(f, "note", x.note(), y.note());
        return f;
    }

    private static void compare(Map<String, List<String>> f, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            f.put(
                    name,
                    java.util.Arrays.asList(a == null ? "" : String.valueOf(a), b == null ? "" : String.valueOf(b)));
        }
    }
}
