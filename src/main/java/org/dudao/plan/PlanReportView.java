package org.dudao.plan;

import java.time.Instant;
import java.util.List;

/** A unit's yearly progress report on a task (年度进展报告), with its files. */
public record PlanReportView(
        long id,
        long taskId,
        long unitId,
        String unitName,
        String role,
        int year,
        String workDone,
        String figures,
        boolean demo,
        String submittedBy,
        Instant submittedAt,
        List<FileRef> files) {

    public record FileRef(long id, String name, String sha256, long size) {}
}
