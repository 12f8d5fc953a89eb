package org.dudao.indicator;

/** 节点类型: an indicator heading, a task (leaf), or a bonus / penalty / additional item. */
public enum NodeKind {
    INDICATOR,
    TASK,
    BONUS,
    PENALTY,
    ADDITIONAL;

    /** Leaves: what targets are assessed on (tasks and bonus/penalty items). */
    public boolean isLeafKind() {
        return this != INDICATOR;
    }

    public String labelKey() {
        return "indicator.nodeKind." + name();
    }
}
