package org.dudao.indicator.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.IndicatorSystemView;
import org.dudao.indicator.IndicatorTree;
import org.dudao.indicator.NodeKind;
import org.dudao.indicator.SystemKind;
import org.dudao.indicator.SystemStatus;

/** Object mother for indicator trees in tests. */
final class IndicatorNodes {
    private IndicatorNodes() {}

    static IndicatorNode indicator(String label, String name, String points, IndicatorNode... children) {
        return new IndicatorNode(
                null,
                NodeKind.INDICATOR,
                label,
                name,
                points == null ? null : new BigDecimal(points),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(children));
    }

    static IndicatorNode task(String name, String points, String method, String assessor) {
        return new IndicatorNode(
                null,
                NodeKind.TASK,
                null,
                name,
                points == null ? null : new BigDecimal(points),
                null,
                method == null ? List.of() : List.of(method),
                null,
                null,
                null,
                null,
                assessor,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of());
    }

    static IndicatorTree tree(SystemKind kind, String code, String doc, IndicatorNode... roots) {
        return new IndicatorTree(
                new IndicatorSystemView(
                        1,
                        code,
                        code,
                        2020,
                        doc,
                        kind,
                        null,
                        List.of(),
                        1,
                        SystemStatus.PUBLISHED,
                        null,
                        1,
                        null,
                        Instant.EPOCH),
                List.of(roots));
    }
}
