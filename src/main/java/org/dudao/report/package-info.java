/**
 * 报告与公文 / Reports: official documents, tables and dashboards (驾驶舱) — what leaders read and what
 * the office sends out — built from the other modules' facades (campaign, evidence, evaluation, scoring,
 * feedback). It reads and never changes their data; nothing depends on it.
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
            "feedback"
        })
package org.dudao.report;
