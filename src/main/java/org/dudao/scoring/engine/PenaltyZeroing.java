package org.dudao.scoring.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 相关考核项目不得分 (rule 2). Every task in an approved penalty's related tasks counts zero for the target,
 * in addition to the penalty's points. Zeroing does not depend on how many of the penalty's points are
 * counted (same matter, cap): it always applies. When several penalties name the same task, the first
 * (by approval time, then id) is the one shown.
 */
final class PenaltyZeroing {

    private PenaltyZeroing() {}

    /** task id → the penalty that zeroes it; {@code adjustments} in counting order (time, id). */
    static Map<Long, Long> zeroedTasks(List<Adjustment> adjustments) {
        Map<Long, Long> zeroed = new HashMap<>();
        for (Adjustment a : adjustments) {
            if (a.kind() == AdjustmentKind.PENALTY) {
                for (Long taskId : a.relatedTaskIds()) {
                    zeroed.putIfAbsent(taskId, a.id());
                }
            }
        }
        return zeroed;
    }
}
