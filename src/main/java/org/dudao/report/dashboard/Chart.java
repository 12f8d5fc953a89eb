package org.dudao.report.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * One chart of a dashboard as the page draws it with ECharts: every number computed on the server from
 * the modules' data. A bar chart has {@code labels} along its category axis and one or more
 * {@code series} of values aligned with them; a heat map has {@code labels} as columns, {@code rows} and
 * {@code cells} (column index, row index, value).
 *
 * @param id what the page's container names in its {@code data-chart} attribute
 * @param kind {@code bar} or {@code heatmap}
 * @param unit what the values count (分, 项, 个)
 * @param keys the ids of what the labels name (target ids), when a bar leads somewhere; else null
 * @param rowKeys the ids of the heat map's rows (target ids)
 * @param horizontal bars grow to the right, labels down the side (long names, many rows)
 * @param stacked the series add up (parts of a whole)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Chart(
        String id,
        String kind,
        String title,
        String unit,
        List<String> labels,
        List<Long> keys,
        List<Series> series,
        List<String> rows,
        List<Long> rowKeys,
        List<Cell> cells,
        boolean horizontal,
        boolean stacked) {

    /**
     * @param tone what the values mean, for their colour: {@code done}, {@code todo}, {@code draft},
     *     {@code returned}, {@code lost}; null for the page's palette
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Series(String name, List<BigDecimal> values, String tone) {

        public Series(String name, List<BigDecimal> values) {
            this(name, values, null);
        }
    }

    /** A heat map cell: column {@code x}, row {@code y}. */
    public record Cell(int x, int y, BigDecimal value) {}

    static Chart bar(
            String id,
            String title,
            String unit,
            List<String> labels,
            List<Long> keys,
            List<Series> series,
            boolean horizontal,
            boolean stacked) {
        return new Chart(id, "bar", title, unit, labels, keys, series, null, null, null, horizontal, stacked);
    }

    static Chart heatmap(
            String id,
            String title,
            String unit,
            List<String> columns,
            List<String> rows,
            List<Long> rowKeys,
            List<Cell> cells) {
        return new Chart(id, "heatmap", title, unit, columns, null, null, rows, rowKeys, cells, false, false);
    }

    /** Nothing to draw: the page says so instead of an empty frame. */
    public boolean empty() {
        if ("heatmap".equals(kind)) {
            return cells == null || cells.isEmpty();
        }
        return labels == null || labels.isEmpty() || series == null || series.isEmpty();
    }

    /** How many entries the category axis (or the heat map's rows) holds: the page sizes the chart by it. */
    public int size() {
        return "heatmap".equals(kind) ? (rows == null ? 0 : rows.size()) : (labels == null ? 0 : labels.size());
    }
}
