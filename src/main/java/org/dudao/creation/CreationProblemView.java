package org.dudao.creation;

import java.time.Instant;
import java.time.LocalDate;

/** A problem on a unit's list (问题清单, 限期整改) and its rectification. */
public record CreationProblemView(
        long id,
        long unitId,
        String unitName,
        Long taskId,
        String taskTitle,
        String source,
        String description,
        String measures,
        LocalDate dueOn,
        String status,
        String rectifiedNote,
        Instant rectifiedAt,
        Instant createdAt,
        String createdBy) {

    public boolean open() {
        return "OPEN".equals(status);
    }
}
