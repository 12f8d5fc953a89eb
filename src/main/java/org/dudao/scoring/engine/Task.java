package org.dudao.scoring.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * 工作任务: one assessed task of a category's indicator table.
 *
 * @param id the task's id, unique in the campaign
 * @param categoryId the target category whose targets are assessed on it
 * @param maxPoints the task's points (分值), not negative
 * @param component code of the score component (e.g. "ROUTINE", "ONSITE", "SATISFACTION"); null when the
 *     policy has no components
 * @param title the task's title as shown to the target
 * @param path the titles of the indicators above the task, outermost first; null is read as empty
 */
public record Task(long id, long categoryId, BigDecimal maxPoints, String component, String title, List<String> path) {

    public Task {
        Objects.requireNonNull(maxPoints, "maxPoints");
        if (maxPoints.signum() < 0) {
            throw new IllegalArgumentException("task " + id + ": negative maxPoints " + maxPoints);
        }
        path = path == null ? List.of() : List.copyOf(path);
    }
}
