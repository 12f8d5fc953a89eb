package org.dudao.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The office's overview of a plan: task counts per status by first-level heading and by unit (a task
 * counts once for each unit assigned to it), the unassigned tasks and the overdue list, as of {@code today}
 * (database clock).
 */
public record PlanOverview(
        long campaignId,
        LocalDate today,
        int tasks,
        Map<PlanStatus, Integer> totals,
        int unassigned,
        List<Row> byHeading,
        List<Row> byUnit,
        List<PlanTaskView> overdue) {

    public record Row(String key, String label, Map<PlanStatus, Integer> counts, int total) {

        public int count(PlanStatus s) {
            return counts.getOrDefault(s, 0);
        }
    }
}
