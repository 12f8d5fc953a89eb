package org.dudao.inspection.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dudao.inspection.SheetView;

/**
 * A check standard (检查标准) as printed in seed 002, split into the clauses a deduction is entered
 * against: the text before "检查方式" is cut at every "；" ";" and "。", each clause keeping the points it
 * prints ("得2分"); the text from "检查方式" on is the check method.
 */
public record CheckStandard(List<SheetView.Clause> clauses, String method) {

    private static final Pattern METHOD = Pattern.compile("检查方式\\s*[:：]?");
    private static final Pattern POINTS = Pattern.compile("(?<!不)得\\s*(\\d+(?:\\.\\d+)?)\\s*分");

    public static CheckStandard parse(String standard) {
        if (standard == null || standard.isBlank()) {
            return new CheckStandard(List.of(new SheetView.Clause(1, "（未印检查标准）", null)), null);
        }
        String text = standard.strip();
        String method = null;
        Matcher m = METHOD.matcher(text);
        if (m.find()) {
            method = text.substring(m.end()).strip();
            text = text.substring(0, m.start()).strip();
            method = method.replaceAll("[。.；;]+$", "");
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split("[；;。]")) {
            String clause = part.strip().replaceAll("^[，,、]+", "");
            if (!clause.isEmpty()) {
                parts.add(clause);
            }
        }
        // a last sentence naming what to look at, printed without "检查方式" (e.g. PY-2020-PARTY item 1)
        if (method == null && parts.size() > 1) {
            String last = parts.get(parts.size() - 1);
            if (last.startsWith("查看") && !last.contains("分")) {
                method = last;
                parts.remove(parts.size() - 1);
            }
        }
        List<SheetView.Clause> clauses = new ArrayList<>();
        for (String clause : parts) {
            // every "得N分" of the clause counts ("…得2分,未到位酌情扣1-2分,…完整得1分" is worth 3)
            Matcher p = POINTS.matcher(clause);
            BigDecimal points = null;
            while (p.find()) {
                points = (points == null ? BigDecimal.ZERO : points).add(new BigDecimal(p.group(1)));
            }
            clauses.add(new SheetView.Clause(clauses.size() + 1, clause, points));
        }
        if (clauses.isEmpty()) {
            clauses.add(new SheetView.Clause(1, standard.strip(), null));
        }
        return new CheckStandard(List.copyOf(clauses), method == null || method.isEmpty() ? null : method);
    }

    /** The sum of the points the clauses print, or null when none prints points. */
    public BigDecimal printedPoints() {
        BigDecimal sum = null;
        for (SheetView.Clause c : clauses) {
            if (c.points() != null) {
                sum = (sum == null ? BigDecimal.ZERO : sum).add(c.points());
            }
        }
        return sum;
    }

    /**
     * Says so when the clauses' printed points do not add up to the item's points (the source disagrees
     * with itself, e.g. PY-2020-GOV item 1: 2 + 2 + 4 = 8 for a 7-point item); null when they agree.
     */
    public String inconsistency(BigDecimal itemPoints) {
        BigDecimal printed = printedPoints();
        if (printed == null || itemPoints == null || printed.compareTo(itemPoints) == 0) {
            return null;
        }
        return "检查标准各条印出的分值合计 " + printed.stripTrailingZeros().toPlainString() + " 分，与本项分值 "
                + itemPoints.stripTrailingZeros().toPlainString() + " 分不一致（原件如此，系统未修正；扣分以本项分值为上限）";
    }
}
