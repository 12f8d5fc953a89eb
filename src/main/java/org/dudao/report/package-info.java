/**
 * 报告与公文 / Reports: what the office sends out and what leaders read, built from the other modules'
 * facades (organization, campaign, evidence, evaluation, scoring, feedback) — dashboards (驾驶舱), the
 * results notice (考核结果通报), the annual assessment report (情况报告), per-target feedback letters
 * (反馈意见书), rule-of-law recommendation letters (法治建议书) and rectification notices (整改通知) as .docx
 * laid out by GB/T 9704 and as PDF, the result summary (汇总表), assessor
 * detail (评分明细) and progress tables as xlsx, long files as background jobs (后台任务). It reads and never changes their data; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "shared :: *",
            "organization",
            "campaign",
            "evidence",
            "evaluation",
            "scoring",
            "feedback",
            "creation"
        })
package org.dudao.report;
