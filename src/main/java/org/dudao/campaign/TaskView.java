package org.dudao.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A task (工作任务) as a campaign runs it.
 *
 * @param path the titles of the indicators above the task (一级, 二级, ...)
 * @param assessorName the responsible subject as printed (or inherited from a merged cell)
 * @param needsMaterial whether targets submit material for it (报送资料, 材料查证, 集中评查, 汇总备查)
 * @param dueAt the end of the deadline day (24:00 Asia/Shanghai), null when the task has no deadline
 */
public record TaskView(
        long id,
        long campaignId,
        long categoryId,
        String category,
        long nodeId,
        List<String> path,
        String label,
        String name,
        BigDecimal points,
        List<String> methods,
        List<String> materials,
        String requirement,
        String assessorName,
        Long assessorUnitId,
        AssessorMatch assessorMatch,
        boolean needsMaterial,
        LocalDate deadline,
        Instant dueAt,
        Integer wordLimit,
        Integer wordLimitMax,
        String sourceRef) {

    public String title() {
        return label == null || label.isEmpty() ? name : label + name;
    }
}
