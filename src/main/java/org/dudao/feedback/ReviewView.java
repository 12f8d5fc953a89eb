package org.dudao.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dudao.evidence.AttachmentView;

/**
 * A review request (复核申请) and its decision.
 *
 * @param basis PROBLEM (about a problem fed back) or RESULT (about the published result)
 * @param windowDue the last day the request could be filed
 * @param decisionDue the last day the office should decide
 * @param overdue still undecided after {@code decisionDue}
 * @param decision UPHELD 维持 / PARTLY_CHANGED 部分变更 / CHANGED 变更
 * @param changes what the decision changed: evaluations, events and results (old → new)
 */
public record ReviewView(
        long id,
        long campaignId,
        long targetId,
        String targetName,
        Long problemId,
        String basis,
        String statement,
        String filedBy,
        String filedByName,
        Instant filedAt,
        LocalDate windowDue,
        LocalDate decisionDue,
        String status,
        boolean overdue,
        String decision,
        String decisionReason,
        String decidedBy,
        String decidedByName,
        Instant decidedAt,
        List<Item> items,
        Map<String, Object> changes,
        List<AttachmentView> attachments) {

    /** An evaluation (task) or a bonus/penalty event the review is about. */
    public record Item(Long taskId, String taskTitle, Long adjustmentId) {}
}
