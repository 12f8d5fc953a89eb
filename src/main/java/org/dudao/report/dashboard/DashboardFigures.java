package org.dudao.report.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The arithmetic of the dashboards, as small named functions without Spring or a database. */
final class DashboardFigures {

    private DashboardFigures() {}

    static final BigDecimal BIN_WIDTH = new BigDecimal("5");

    /** Count, average (two decimals, half up), lowest and highest of a list of scores; nulls left out. */
    record Stats(int count, BigDecimal average, BigDecimal min, BigDecimal max) {

        static Stats of(Collection<BigDecimal> scores) {
            List<BigDecimal> s =
                    scores.stream().filter(java.util.Objects::nonNull).toList();
            if (s.isEmpty()) {
                return new Stats(0, null, null, null);
            }
            BigDecimal sum = s.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Stats(
                    s.size(),
                    sum.divide(BigDecimal.valueOf(s.size()), 2, RoundingMode.HALF_UP),
                    s.stream().min(BigDecimal::compareTo).orElseThrow(),
                    s.stream().max(BigDecimal::compareTo).orElseThrow());
        }
    }

    /**
     * A histogram of final scores in bins of five points that include their upper bound (a score of
     * 100 falls in 95–100, 60 in 55–60); the bins always span 60–65 to 95–100 and widen to the
     * lowest and highest score.
     *
     * @param labels "95–100" …, lowest first
     * @param counts per series name (category), one count per bin
     */
    record Histogram(List<String> labels, Map<String, List<Integer>> counts) {

        static Histogram of(Map<String, List<BigDecimal>> scoresBySeries) {
            int low = bin(new BigDecimal("65"));
            int high = bin(new BigDecimal("100"));
            for (List<BigDecimal> scores : scoresBySeries.values()) {
                for (BigDecimal s : scores) {
                    if (s != null) {
                        low = Math.min(low, bin(s));
                        high = Math.max(high, bin(s));
                    }
                }
            }
            List<String> labels = new ArrayList<>();
            for (int b = low; b <= high; b++) {
                labels.add(BIN_WIDTH.multiply(BigDecimal.valueOf(b)).toPlainString() + "–"
                        + BIN_WIDTH.multiply(BigDecimal.valueOf(b + 1L)).toPlainString());
            }
            Map<String, List<Integer>> counts = new LinkedHashMap<>();
            for (Map.Entry<String, List<BigDecimal>> e : scoresBySeries.entrySet()) {
                Integer[] c = new Integer[high - low + 1];
                java.util.Arrays.fill(c, 0);
                for (BigDecimal s : e.getValue()) {
                    if (s != null) {
                        c[bin(s) - low]++;
                    }
                }
                counts.put(e.getKey(), List.of(c));
            }
            return new Histogram(labels, counts);
        }

        /** Bin {@code b} holds the scores in (5b, 5b + 5]; a score of 0 or below falls in the bin (−5, 0]. */
        static int bin(BigDecimal score) {
            BigDecimal q = score.divide(BIN_WIDTH, 0, RoundingMode.CEILING);
            return q.intValueExact() - 1;
        }
    }

    /**
     * Points lost per first-level indicator: for every applicable task line of a breakdown with a
     * maximum, maximum − score, added up under the first title of the task's path. Indicators come out
     * in the order given (the category's task order), then any others in the order met.
     */
    static Map<String, BigDecimal> lostByIndicator(List<Map<String, Object>> taskLines, List<String> order) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        order.forEach(i -> out.put(i, BigDecimal.ZERO));
        for (Map<String, Object> line : taskLines) {
            if (!Boolean.TRUE.equals(line.get("notApplicable")) && line.get("maxPoints") != null) {
                out.merge(indicator(paths(line.get("path"))), lost(line), BigDecimal::add);
            }
        }
        return out;
    }

    /** The first-level indicator of a task path; tasks directly under the system's root share one name. */
    static String indicator(List<String> path) {
        return path == null || path.isEmpty() ? "—" : path.get(0);
    }

    /** The lost points of a line: maximum − score, zero when not applicable or without a maximum. */
    static BigDecimal lost(Map<String, Object> line) {
        BigDecimal max = decimal(line.get("maxPoints"));
        if (Boolean.TRUE.equals(line.get("notApplicable")) || max == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal score = decimal(line.get("score"));
        return max.subtract(score == null ? BigDecimal.ZERO : score);
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        return new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    static List<String> paths(Object value) {
        return value instanceof List<?> l ? (List<String>) l : List.of();
    }
}
