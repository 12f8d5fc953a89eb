package org.dudao.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dudao.evidence.AttachmentView;

/**
 * A problem fed back to a target (问题反馈): 已送达 DELIVERED → 已确认 CONFIRMED (by the target, or deemed
 * when the response window passed) or 有异议 DISPUTED → confirmed or 已撤销 WITHDRAWN by the office or a
 * review.
 *
 * @param responseDue the last day the target may confirm or dispute
 */
public record ProblemView(
        long id,
        long campaignId,
        long targetId,
        String targetName,
        Long taskId,
        String taskTitle,
        Long adjustmentId,
        String source,
        String severity,
        String description,
        BigDecimal pointsAffected,
        String raisedBy,
        String raisedByName,
        long raisedUnitId,
        Instant raisedAt,
        LocalDate deliveredOn,
        LocalDate responseDue,
        String status,
        boolean deemed,
        String response,
        String respondedBy,
        Instant respondedAt,
        String resolution,
        String resolvedBy,
        Instant resolvedAt,
        Long reviewId,
        Long rectificationId,
        List<AttachmentView> attachments,
        List<AttachmentView> responseAttachments) {}
