/**
 * 实施方案跟踪 / Plan tracking (seed 004): the tasks of a multi-year implementation plan (the
 * Pingdingshan 2022–2025 plan's 82 tasks under their headings) run as a PLAN campaign. The office
 * assigns lead (牵头) and co-units (配合) to each task — the source names none — one by one, several
 * tasks at once or from an xlsx; units report their progress per task and year with files before the
 * year's deadline, a lead unit reads its co-units' reports; the office or a lead unit sets a task's
 * status with a reason, and overdue (逾期) is computed on every read from the due day and the database
 * clock. The yearly rule-of-law government report (法治政府建设年度报告, due in the first quarter of the
 * next year) is tracked per year. Deadlines feed the notification module's reminders; the office sees
 * an overview by heading and by unit and exports the ledger as xlsx.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *", "organization", "indicator", "campaign", "evidence"})
package org.dudao.plan;
