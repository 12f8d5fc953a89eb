package org.dudao.inspection;

import java.time.Instant;
import java.util.List;

/**
 * A target's self-inspection report (自查报告): narrative, key figures (实际数据) and the problem list
 * (问题清单), with its measure against the 60 % rule and its deadline.
 *
 * @param due until when the target may change and submit it (the self-inspection phase's last day, or
 *     later when the office granted an extension); null when the phase has no end date
 * @param open whether the target may still change it (draft and not past due)
 */
public record SelfReportView(
        Long id,
        long campaignId,
        long targetId,
        String targetName,
        String narrative,
        List<Figure> figures,
        List<Problem> problems,
        String status,
        ReportMeasure measure,
        Instant due,
        boolean open,
        Instant submittedAt,
        String submittedBy,
        Instant updatedAt) {

    /** The deadline as a Chinese reader writes it: "2026-08-10 24:00" for midnight, else the time itself. */
    public String dueText() {
        return dueText(due);
    }

    public static String dueText(Instant due) {
        if (due == null) {
            return null;
        }
        java.time.ZonedDateTime z = due.atZone(java.time.ZoneId.of("Asia/Shanghai"));
        if (z.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return z.toLocalDate().minusDays(1) + " 24:00";
        }
        return z.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    /** 实际数据: a key figure, e.g. 「行政复议案件 | 52 件」. */
    public record Figure(String label, String value) {}

    /** 问题: a problem with its causes (原因) and rectification measures (整改措施). */
    public record Problem(String description, String causes, String measures) {}
}
