package org.dudao.plan;

/**
 * 任务状态. NOT_STARTED, IN_PROGRESS and DONE are set by people with a reason; OVERDUE is never
 * stored: a task is overdue when its due day has passed (database clock, Asia/Shanghai) and it is not
 * done.
 */
public enum PlanStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    OVERDUE;

    /** What a task shows: its stored status, or OVERDUE when the due day has passed and it is not done. */
    public static PlanStatus effective(PlanStatus stored, java.time.LocalDate due, java.time.LocalDate today) {
        PlanStatus s = stored == null ? NOT_STARTED : stored;
        if (s != DONE && due != null && today.isAfter(due)) {
            return OVERDUE;
        }
        return s;
    }

    public String labelKey() {
        return "plan.status." + name();
    }
}
