package org.dudao.evidence;

/** 报送状态。未报送 → 草稿 → 已报送 → 已退回 → 已重新报送 … → 已锁定。 */
public enum SubmissionStatus {
    NOT_STARTED,
    DRAFT,
    SUBMITTED,
    RETURNED,
    RESUBMITTED,
    LOCKED;

    /** Handed in and waiting for the assessor. */
    public boolean isHandedIn() {
        return this == SUBMITTED || this == RESUBMITTED || this == LOCKED;
    }

    /** The target may add, withdraw or edit (before the deadline). */
    public boolean isEditable() {
        return this == NOT_STARTED || this == DRAFT || this == RETURNED;
    }

    public String labelKey() {
        return "evidence.status." + name();
    }
}
