package org.dudao.inspection.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.dudao.inspection.ReportMeasure;
import org.dudao.inspection.SelfReportView;

/**
 * 自查报告篇幅规则 (seed 002 四（二）): "所列举问题及整改措施的内容不少于报告篇幅的60%". The report's length is
 * its characters without white space (narrative, key figures, problems with causes and measures); the
 * problems-and-measures part is the problems' descriptions and measures. Causes count towards the length
 * only: the seed names problems and measures, not their analysis.
 */
public final class ReportRules {

    private ReportRules() {}

    /** Characters as a Chinese reader counts them: code points that are not white space. */
    public static int chars(String s) {
        if (s == null) {
            return 0;
        }
        return (int) s.codePoints()
                .filter(c -> !Character.isWhitespace(c) && c != 0x3000)
                .count();
    }

    public static ReportMeasure measure(
            String narrative,
            List<SelfReportView.Figure> figures,
            List<SelfReportView.Problem> problems,
            int minShare,
            int maxChars) {
        int total = chars(narrative);
        for (SelfReportView.Figure f : figures) {
            total += chars(f.label()) + chars(f.value());
        }
        int problemChars = 0;
        for (SelfReportView.Problem p : problems) {
            problemChars += chars(p.description()) + chars(p.measures());
            total += chars(p.causes());
        }
        total += problemChars;
        BigDecimal share = total == 0
                ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(problemChars * 100L).divide(BigDecimal.valueOf(total), 2, RoundingMode.DOWN);
        boolean shareOk = total > 0 && problemChars * 100L >= (long) minShare * total;
        return new ReportMeasure(
                total,
                problemChars,
                share,
                minShare,
                shareOk,
                maxChars,
                total <= maxChars,
                figures.size(),
                problems.size());
    }
}
