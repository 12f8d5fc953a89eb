package org.dudao.creation;

import java.time.Instant;
import java.util.List;
import org.dudao.evidence.AttachmentView;

/**
 * A unit's line in a task (任务台账): its role, its material files and its explanation.
 *
 * @param role LEAD (牵头单位) or CO (责任单位/配合单位)
 * @param viaGroup the printed group the unit came from (e.g. 县直各单位), null when named
 * @param included whether the lead unit takes the material into the declaration package
 */
public record AssignmentView(
        long id,
        long taskId,
        String taskLabel,
        String taskName,
        String indicator,
        List<String> methods,
        long unitId,
        String unitName,
        String role,
        String viaGroup,
        String explanation,
        int explanationWords,
        boolean included,
        Integer wordLimit,
        Integer wordLimitMax,
        Instant updatedAt,
        String updatedBy,
        List<AttachmentView> files) {

    public boolean complete() {
        return !files.isEmpty() && explanation != null && !explanation.isBlank();
    }

    public boolean lead() {
        return "LEAD".equals(role);
    }
}
