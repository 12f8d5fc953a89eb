package org.dudao.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A scoring sheet (打分表) for one target: the items (工作任务) of one campaign category with their points,
 * check standard split into clauses, implementing units, the deductions entered and the resulting score.
 *
 * @param totalPoints the sum of the items' points as transcribed; the seed's sheets sum to 100
 * @param totalOk whether totalPoints is 100; when not, the office page says so (never corrected silently)
 */
public record SheetView(
        long categoryId,
        String name,
        BigDecimal totalPoints,
        boolean totalOk,
        BigDecimal deducted,
        BigDecimal score,
        List<Item> items) {

    /** @param standardNote set when the check standard's clause points disagree with the item's points */
    public record Item(
            long taskId,
            String label,
            String name,
            String duty,
            BigDecimal points,
            String standard,
            String checkMethod,
            List<String> units,
            List<Clause> clauses,
            String standardNote,
            List<Deduction> deductions,
            BigDecimal deducted,
            BigDecimal score) {}

    /** A clause of a check standard; points as printed ("得2分"), null when the clause prints none. */
    public record Clause(int no, String text, BigDecimal points) {}

    public record Deduction(
            long id,
            long targetId,
            long taskId,
            int clauseNo,
            String clauseText,
            BigDecimal points,
            String reason,
            String by,
            String byName,
            Instant at) {}
}
