package org.dudao.shared.notice;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A deadline some module tracks (报送截止, 评价截止, 复核期限, 整改期限 ...). The reminder job asks every
 * {@link DeadlineSource} for its open deadlines and reminds the recipients three working days and one
 * working day before the due day and once after it has passed.
 *
 * @param kind {@code SUBMISSION}, {@code EVALUATION}, {@code VERIFICATION}, {@code REVIEW},
 *     {@code RECTIFICATION} or another upper-case word; label: message {@code notification.kind.<KIND>}
 * @param objectKey identifies what is due, unique across modules (start it with the module's name, e.g.
 *     {@code evidence:12:345}); each reminder is sent once per (objectKey, stage, due)
 * @param due the last day (inclusive: the window ends at 24:00 Asia/Shanghai of that day); a later due
 *     day (an extension) starts the reminders afresh
 * @param title what is due, one line in Chinese (the reminder adds the date and the working days left)
 * @param link a path inside Dudao where the work is done
 * @param unitIds recipients: the active accounts of these units holding any of {@code roles} (all
 *     accounts when {@code roles} is empty), plus {@code accountIds} — as in {@link Notice}
 */
public record Deadline(
        String kind,
        String objectKey,
        LocalDate due,
        String title,
        String link,
        Set<Long> unitIds,
        Set<String> roles,
        Set<Long> accountIds) {

    public Deadline {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(title, "title");
        unitIds = unitIds == null ? Set.of() : Set.copyOf(unitIds);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        accountIds = accountIds == null ? Set.of() : Set.copyOf(accountIds);
    }
}
