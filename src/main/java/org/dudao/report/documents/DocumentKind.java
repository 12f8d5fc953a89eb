package org.dudao.report.documents;

/** The official documents Dudao writes, with the name of their URL and file. */
public enum DocumentKind {
    /** 考核结果通报, per campaign. */
    RESULTS_NOTICE("results-notice", "考核结果通报", false),
    /** 依法行政考核情况报告, per campaign. */
    ANNUAL_REPORT("annual-report", "考核情况报告", false),
    /** 反馈意见书, per target. */
    FEEDBACK_LETTER("feedback-letter", "反馈意见书", true),
    /** 法治建议书, per target rated 合格 or 不合格. */
    RECOMMENDATION_LETTER("recommendation-letter", "法治建议书", true),
    /** 整改通知, per target with confirmed problems. */
    RECTIFICATION_NOTICE("rectification-notice", "整改通知", true);

    private final String slug;
    private final String title;
    private final boolean perTarget;

    DocumentKind(String slug, String title, boolean perTarget) {
        this.slug = slug;
        this.title = title;
        this.perTarget = perTarget;
    }

    /** The last part of the URL: {@code results-notice}. */
    public String slug() {
        return slug;
    }

    /** The Chinese name used in file names. */
    public String title() {
        return title;
    }

    public boolean perTarget() {
        return perTarget;
    }
}
