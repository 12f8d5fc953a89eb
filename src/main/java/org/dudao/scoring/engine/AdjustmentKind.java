package org.dudao.scoring.engine;

/** 加分 or 减分. */
public enum AdjustmentKind {
    /** 加分 */
    BONUS,
    /** 减分 */
    PENALTY
}
