/**
 * 督察 / Inspection (seed 002): a campaign of kind INSPECTION whose categories are scoring sheets
 * (打分表: 党委主要负责人, 政府主要负责人); every target is inspected on every sheet. A target writes its
 * self-inspection report (自查报告: narrative, key figures, problem list with causes and measures, at least
 * 60 % of it problems and measures) and submits it by the self-inspection deadline; the office forms
 * inspection teams and schedules their visits; a team deducts points against the clauses of each item's
 * check standard with a reason, notes its on-the-spot feedback and submits its team report (docx); the
 * office sends the formal feedback through the feedback module, where rectification runs.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "shared :: *",
            "organization",
            "identity",
            "indicator",
            "campaign",
            "feedback",
            "evidence"
        })
package org.dudao.inspection;
