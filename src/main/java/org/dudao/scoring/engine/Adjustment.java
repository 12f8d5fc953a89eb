package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * 加减分: an approved bonus or penalty of one target. Only approved adjustments are given to the engine.
 *
 * @param matter the matter (事项); the same matter counts once per target and kind
 * @param points positive for both kinds (a penalty of 2 points is {@code PENALTY, 2})
 * @param relatedTaskIds for a penalty, the tasks that count zero for the target (相关考核项目不得分);
 *     ignored for a bonus; ids of tasks the target is not assessed on are ignored; null is read as empty
 * @param blocksExcellent a serious case: the target cannot get the policy's excellent level
 * @param at when it was approved; earlier adjustments count first (same matter, caps)
 */
public record Adjustment(
        long id,
        long targetId,
        AdjustmentKind kind,
        String matter,
        BigDecimal points,
        Set<Long> relatedTaskIds,
        boolean blocksExcellent,
        String reason,
        Instant at,
        Long reviewId) {

    public Adjustment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(points, "points");
        if (points.signum() < 0) {
            throw new IllegalArgumentException("adjustment " + id + ": points must not be negative, got " + points);
        }
        relatedTaskIds = relatedTaskIds == null ? Set.of() : Set.copyOf(relatedTaskIds);
    }

    /**
     * 同一事项: the form in which two matters are compared — surrounding spaces dropped and every run of
     * spaces (full-width 　 included) made one space; null for a blank matter. Stores that refuse a second
     * event of the same matter must use this same form.
     */
    public static String matterKey(String matter) {
        return SameMatterOnce.key(matter);
    }
}
