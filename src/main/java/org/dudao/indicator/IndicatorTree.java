package org.dudao.indicator;

import java.util.List;

/** A system with its tree of nodes. */
public record IndicatorTree(IndicatorSystemView system, List<IndicatorNode> roots) {

    public int size() {
        return roots.stream().mapToInt(IndicatorNode::size).sum();
    }
}
