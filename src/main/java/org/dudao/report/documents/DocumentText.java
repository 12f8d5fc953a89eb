package org.dudao.report.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/** How the documents write numbers, dates and the other modules' codes in Chinese. */
final class DocumentText {

    private DocumentText() {}

    private static final String DIGITS = "〇一二三四五六七八九";

    static final Map<String, String> GRADE = Map.of("EXCELLENT", "优", "GOOD", "良", "FAIR", "中", "POOR", "差");
    static final Map<String, String> SEVERITY = Map.of("MINOR", "一般", "MAJOR", "较重", "SEVERE", "严重");
    static final Map<String, String> PROBLEM_STATUS =
            Map.of("DELIVERED", "待确认", "CONFIRMED", "已确认", "DISPUTED", "有异议", "WITHDRAWN", "已撤销");
    static final Map<String, String> RECTIFICATION_STATUS =
            Map.of("OPEN", "待制定措施", "IN_PROGRESS", "整改中", "COMPLETED", "已报完成待核验", "CLOSED", "已销号");
    static final Map<String, String> SOURCE = Map.of(
            "ROUTINE", "日常掌握",
            "ONSITE", "实地考核",
            "CENTRAL_REVIEW", "集中评查",
            "WEB_CHECK", "网络检索",
            "RESULTS", "年终考核");

    /** Points with two decimals, as the result tables print them: 95.50. */
    static String points(BigDecimal v) {
        return v == null ? "—" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (1–99; larger numbers in Arabic digits). */
    static String numeral(int n) {
        if (n <= 0 || n >= 100) {
            return String.valueOf(n);
        }
        int tens = n / 10;
        int ones = n % 10;
        StringBuilder s = new StringBuilder();
        if (tens > 0) {
            if (tens > 1) {
                s.append(DIGITS.charAt(tens));
            }
            s.append('十');
        }
        if (ones > 0) {
            s.append(DIGITS.charAt(ones));
        }
        return s.toString();
    }

    /**
     * 成文日期: 2026年11月22日 (GB/T 9704-2012: Arabic numerals, no leading zeros), or in Chinese numerals
     * 二〇二六年十一月二十二日 as many offices still write it.
     */
    static String date(LocalDate d, boolean chineseNumerals) {
        if (!chineseNumerals) {
            return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }
        StringBuilder y = new StringBuilder();
        for (char c : String.valueOf(d.getYear()).toCharArray()) {
            y.append(DIGITS.charAt(c - '0'));
        }
        return y + "年" + numeral(d.getMonthValue()) + "月" + numeral(d.getDayOfMonth()) + "日";
    }

    /** A list of names joined with 、, or the given text when there are none. */
    static String names(Collection<String> names, String none) {
        return names.isEmpty() ? none : String.join("、", names);
    }

    static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    /** One line: runs of white space (line breaks too) become one space. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** A sentence ends with 。 (or another full stop it already has). */
    static String sentence(String s) {
        String t = oneLine(s);
        if (t.isEmpty()) {
            return t;
        }
        char last = t.charAt(t.length() - 1);
        return "。！？；.!?".indexOf(last) >= 0 ? t : t + "。";
    }
}
