package org.dudao.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dudao.evidence.AttachmentView;

/**
 * A rectification item (整改事项) of a confirmed problem: 待制定 OPEN → 整改中 IN_PROGRESS → 已报完成
 * COMPLETED → 已销号 CLOSED (or back to IN_PROGRESS when the office rejects the completion).
 *
 * @param escalation TALK 约谈 / SUPERVISE 挂牌督办 / CRITICISM 通报批评, decided by the office
 */
public record RectificationView(
        long id,
        long campaignId,
        long targetId,
        String targetName,
        long problemId,
        String problemDescription,
        String severity,
        String status,
        String measures,
        String responsiblePerson,
        LocalDate deadline,
        boolean overdue,
        String escalation,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        String closedBy,
        List<Event> events) {

    public record Event(
            long id,
            String kind,
            String body,
            String byUser,
            String byName,
            Instant at,
            List<AttachmentView> attachments) {}
}
