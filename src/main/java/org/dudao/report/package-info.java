/**
 * 报告与公文 / Reports, official documents, tables and dashboards: what the office sends out and what
 * leaders read, built from the other modules' facades (campaigns, evidence, evaluations, results) — the
 * result summary (汇总表), each assessor's evaluation detail (评分明细) and the progress tables as xlsx,
 * and long files run as background jobs (后台任务: rows in PostgreSQL picked with {@code for update skip
 * locked}, progress, the file kept for a configured time and its requester notified). It reads other
 * modules' APIs; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *", "organization", "campaign", "evidence", "evaluation", "scoring"
        })
package org.dudao.report;
