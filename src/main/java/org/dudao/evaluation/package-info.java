/**
 * 评价 / Evaluation: assessors (and the office, and inspection teams for on-site tasks) rate each
 * (target, task) with a grade 优/良/中/差, points with a written deduction reason, or not applicable
 * with a reason; every change is kept (who, when, old → new, why). Web checks record the URL and the
 * time; central review draws a reproducible sample; offline scoring sheets go out and come back as
 * xlsx with a dry run. After the results are approved the evaluations are locked and change only
 * through a review (复核). On-site assessment (实地考核) is entered by inspection teams on a phone, offline
 * if need be, and synced later; its photos are evidence attachments (owner kind {@code evaluation-onsite}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *", "organization", "campaign", "evidence"})
package org.dudao.evaluation;
