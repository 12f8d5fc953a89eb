/**
 * 满意度调查、问卷调查、随机访谈 / Questionnaires: the office builds a questionnaire for a campaign (single
 * and multiple choice, rating scales with points, free text; a draft until published, immutable after,
 * copied to change), publishes it per target as a public link and QR code that need no account, and
 * reads the results per target and per question. Responses are guarded against spam (one per device, a
 * signed one-time page token, a per-address rate limit kept in the database, a honeypot field). On an
 * explicit action the office turns each target's average satisfaction into the evaluation of the linked
 * 满意度调查 task(s) through the evaluation module (ADR 0015); targets with too few responses are flagged
 * and not scored.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *", "campaign", "evaluation"})
package org.dudao.survey;
