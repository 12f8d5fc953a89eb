package org.dudao.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One node of an indicator system with its subtree. Points are as printed (null when none is
 * printed); an inferred value for a missing number is kept apart, with the reasoning in the note.
 */
public record IndicatorNode(
        Long id,
        NodeKind kind,
        String label,
        String name,
        BigDecimal points,
        BigDecimal pointsInferred,
        List<String> methods,
        List<String> materials,
        LocalDate deadline,
        String description,
        String requirement,
        String assessorLead,
        List<String> assessorCo,
        String responsibleLead,
        List<String> responsibleCo,
        List<String> categories,
        Integer wordLimit,
        Integer wordLimitMax,
        String sourceRef,
        String note,
        List<IndicatorNode> children) {

    public IndicatorNode {
        methods = List.copyOf(methods == null ? List.of() : methods);
        materials = List.copyOf(materials == null ? List.of() : materials);
        assessorCo = List.copyOf(assessorCo == null ? List.of() : assessorCo);
        responsibleCo = List.copyOf(responsibleCo == null ? List.of() : responsibleCo);
        categories = List.copyOf(categories == null ? List.of() : categories);
        children = List.copyOf(children == null ? List.of() : children);
    }

    /** "一、依法全面履行政府职能" — label and name as a reader sees them. */
    public String title() {
        return label == null || label.isEmpty() ? name : label + name;
    }

    /** The sum of the children's printed points, or null when no child prints points. */
    public BigDecimal childrenPoints() {
        BigDecimal sum = null;
        for (IndicatorNode c : children) {
            if (c.points != null) {
                sum = sum == null ? c.points : sum.add(c.points);
            }
        }
        return sum;
    }

    public IndicatorNode withChildren(List<IndicatorNode> newChildren) {
        return copy(id, label, name, points, newChildren);
    }

    /** The same subtree as new (unsaved) nodes, e.g. for a new version. */
    public IndicatorNode withoutId() {
        return copy(
                null,
                label,
                name,
                points,
                children.stream().map(IndicatorNode::withoutId).toList());
    }

    /** This node's fields under another label, name and points, as a new node without children. */
    public IndicatorNode withTitle(String newLabel, String newName, BigDecimal newPoints) {
        return copy(null, newLabel, newName, newPoints, List.of());
    }

    private IndicatorNode copy(
            Long newId, String newLabel, String newName, BigDecimal newPoints, List<IndicatorNode> newChildren) {
        return new IndicatorNode(
                newId,
                kind,
                newLabel,
                newName,
                newPoints,
                pointsInferred,
                methods,
                materials,
                deadline,
                description,
                requirement,
                assessorLead,
                assessorCo,
                responsibleLead,
                responsibleCo,
                categories,
                wordLimit,
                wordLimitMax,
                sourceRef,
                note,
                newChildren);
    }

    /** Number of nodes in this subtree, this one included. */
    public int size() {
        return 1 + children.stream().mapToInt(IndicatorNode::size).sum();
    }
}
