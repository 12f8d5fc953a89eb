package org.dudao.plan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 法治政府建设年度报告 of the plan's jurisdiction on a year, due in the first quarter of the next year
 * (000:260 “每年第一季度,本级政府向同级党委、人大常委会和上一级政府报告上一年度法治政府建设情况”).
 *
 * @param stored null until someone set a status (then NOT_STARTED is shown)
 */
public record AnnualReportView(
        long campaignId,
        int year,
        LocalDate due,
        PlanStatus stored,
        PlanStatus status,
        String reason,
        boolean demo,
        String changedBy,
        Instant changedAt,
        int files) {}
