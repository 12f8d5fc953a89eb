package org.dudao.campaign;

import java.util.List;

/** 活动类型, each with its default phases as the seeds describe them. */
public enum CampaignKind {
    /** 年度依法行政考核 (000, 004). */
    ASSESSMENT(List.of(
            "SETUP",
            "SUBMISSION",
            "EVALUATION",
            "ONSITE",
            "CENTRAL_REVIEW",
            "FEEDBACK",
            "REVIEW",
            "RESULTS",
            "RECTIFICATION")),
    /** 督察 (002). */
    INSPECTION(List.of("PREPARATION", "SELF_INSPECTION", "ONSITE_INSPECTION", "FEEDBACK_RECTIFICATION")),
    /** 示范创建 (001, 003). */
    CREATION(List.of("MOBILISATION", "SELF_CHECK", "RECTIFICATION", "GUIDANCE", "DECLARATION", "EVALUATION")),
    /** 实施方案跟踪 (004). */
    PLAN(List.of("ANNUAL_PLAN", "ANNUAL_REPORT", "SUMMARY"));

    private final List<String> defaultPhases;

    CampaignKind(List<String> defaultPhases) {
        this.defaultPhases = defaultPhases;
    }

    /** Phase codes in order; their names are messages {@code campaign.phase.<CODE>}. */
    public List<String> defaultPhases() {
        return defaultPhases;
    }

    public String labelKey() {
        return "campaign.kind." + name();
    }
}
