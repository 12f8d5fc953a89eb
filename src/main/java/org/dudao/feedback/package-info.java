/**
 * 反馈、复核与整改 / Feedback, review and rectification: problems found during the year or at its end
 * are fed back to the target, which confirms or disputes them within a window of working days; a
 * target may ask for a review (复核) of a problem or of its published result within 5 working days,
 * and the office decides within 5 working days, a change going through the evaluation and scoring
 * modules as a new version tagged with the review; every confirmed problem becomes a rectification
 * item (整改) that runs from plan to progress and completion reports, the office's verification and
 * closure (销号), with escalation (约谈, 挂牌督办, 通报批评) for overdue items.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "shared :: *",
            "organization",
            "identity",
            "campaign",
            "evidence",
            "evaluation",
            "scoring",
            "calendar"
        })
package org.dudao.feedback;
