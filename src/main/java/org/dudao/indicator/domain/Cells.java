package org.dudao.indicator.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.dudao.indicator.Methods;
import org.dudao.indicator.NodeKind;
import org.dudao.shared.error.InvalidInputException;

/**
 * Parsing and writing of the text cells shared by the CSV and xlsx formats and the node edit form: one
 * place for the rules on points (non-negative, at most two decimals), dates, methods and lists.
 */
public final class Cells {

    static final String SEPARATOR = "|";

    private Cells() {}

    /** A problem with a cell: message key and arguments. */
    static final class CellException extends RuntimeException {
        final String key;
        final Object[] args;

        CellException(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }
    }

    /** Points typed in a form: the import rules, reported on the form field. */
    public static BigDecimal pointsInput(String field, String s) {
        try {
            return points(s);
        } catch (CellException e) {
            throw new InvalidInputException(field, e.key, e.args);
        }
    }

    /** A date typed in a form (2026-12-31). */
    public static LocalDate dateInput(String field, String s) {
        try {
            return date(s);
        } catch (CellException e) {
            throw new InvalidInputException(field, e.key, e.args);
        }
    }

    static String text(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    static List<String> list(String s) {
        String t = text(s);
        if (t == null) {
            return List.of();
        }
        return Arrays.stream(t.split("\\|"))
                .map(String::strip)
                .filter(x -> !x.isEmpty())
                .toList();
    }

    static String join(List<String> values) {
        return values == null || values.isEmpty() ? "" : String.join(SEPARATOR, values);
    }

    static BigDecimal points(String s) {
        String t = text(s);
        if (t == null) {
            return null;
        }
        BigDecimal p;
        try {
            p = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new CellException("indicator.import.pointsNotNumber", t);
        }
        if (p.signum() < 0) {
            throw new CellException("indicator.import.pointsNegative", t);
        }
        if (p.stripTrailingZeros().scale() > 2) {
            throw new CellException("indicator.import.pointsDecimals", t);
        }
        if (p.compareTo(new BigDecimal("999999")) > 0) {
            throw new CellException("indicator.import.pointsTooLarge", t);
        }
        return p.stripTrailingZeros().scale() < 0 ? p.setScale(0) : p.stripTrailingZeros();
    }

    static String points(BigDecimal p) {
        return p == null ? "" : p.stripTrailingZeros().toPlainString();
    }

    static LocalDate date(String s) {
        String t = text(s);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t.replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            throw new CellException("indicator.import.badDate", t);
        }
    }

    static Integer integer(String s) {
        String t = text(s);
        if (t == null) {
            return null;
        }
        try {
            int v = (int) Double.parseDouble(t);
            if (v < 0) {
                throw new CellException("indicator.import.badInteger", t);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CellException("indicator.import.badInteger", t);
        }
    }

    static NodeKind kind(String s) {
        String t = text(s);
        if (t == null) {
            return NodeKind.TASK;
        }
        for (NodeKind k : NodeKind.values()) {
            if (k.name().equalsIgnoreCase(t)) {
                return k;
            }
        }
        return switch (t) {
            case "指标" -> NodeKind.INDICATOR;
            case "工作任务", "任务" -> NodeKind.TASK;
            case "加分项" -> NodeKind.BONUS;
            case "减分项", "扣分项" -> NodeKind.PENALTY;
            case "附加项" -> NodeKind.ADDITIONAL;
            default -> throw new CellException("indicator.import.unknownKind", t);
        };
    }

    static String kindLabel(NodeKind k) {
        return switch (k) {
            case INDICATOR -> "指标";
            case TASK -> "工作任务";
            case BONUS -> "加分项";
            case PENALTY -> "减分项";
            case ADDITIONAL -> "附加项";
        };
    }

    static List<String> methods(String s) {
        List<String> m = list(s);
        for (String x : m) {
            if (!Methods.ALL.contains(x)) {
                throw new CellException("indicator.import.unknownMethod", x);
            }
        }
        return m;
    }
}
