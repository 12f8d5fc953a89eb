package org.dudao.inspection;

import java.math.BigDecimal;

/**
 * 篇幅: how much of a self-inspection report is problems and rectification measures (seed 002 四（二）:
 * "所列举问题及整改措施的内容不少于报告篇幅的60%"). Characters are counted without white space; the causes
 * of a problem count towards the report's length but not towards problems and measures.
 *
 * @param share problemChars / totalChars in per cent, two decimals (0 for an empty report)
 */
public record ReportMeasure(
        int totalChars,
        int problemChars,
        BigDecimal share,
        int minShare,
        boolean shareOk,
        int maxChars,
        boolean lengthOk,
        int figures,
        int problems) {}
