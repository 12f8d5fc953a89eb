package org.dudao.feedback.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.TargetView;
import org.dudao.evidence.EvidenceApi;
import org.dudao.feedback.RectificationView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.Texts;
import org.dudao.shared.notice.Notice;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 整改: every confirmed problem gets an item on the target's list (问题清单 / 任务台账). The target
 * writes the measures, the responsible person and the deadline, reports progress and completion with
 * evidence; the office verifies (accepts, or rejects with a reason) and the accepted item is closed
 * (销号). Overdue items are listed for the office, which may decide 约谈, 挂牌督办 or 通报批评.
 */
@Service
@Transactional
public class RectificationService {

    static final Set<String> ESCALATIONS = Set.of("TALK", "SUPERVISE", "CRITICISM");

    private final FeedbackStore store;
    private final FeedbackAccess access;
    private final FeedbackViews views;
    private final FeedbackTime time;
    private final CampaignApi campaigns;
    private final EvidenceApi evidence;
    private final ApplicationEventPublisher events;
    private final OfficeRecipients office;

    RectificationService(
            FeedbackStore store,
            FeedbackAccess access,
            FeedbackViews views,
            FeedbackTime time,
            CampaignApi campaigns,
            EvidenceApi evidence,
            ApplicationEventPublisher events,
            OfficeRecipients office) {
        this.store = store;
        this.access = access;
        this.views = views;
        this.time = time;
        this.campaigns = campaigns;
        this.evidence = evidence;
        this.events = events;
        this.office = office;
    }

    /** Opens the item of a confirmed problem (once). */
    public void open(FeedbackStore.Problem p, Instant now) {
        store.createRectification(p.campaignId(), p.targetId(), p.id(), now).ifPresent(id -> {
            store.event(id, "CREATED", "问题已确认，列入整改清单", "system", null, now);
            events.publishEvent(AuditEvent.success(
                    "feedback.rectification.open",
                    FeedbackAccess.TYPE,
                    "rectification/" + id,
                    null,
                    Map.of("problem", p.id())));
            notifyTarget(p.campaignId(), p.targetId(), id, "【整改】问题已列入整改清单", "请制定整改措施、明确责任人和整改时限。");
        });
    }

    @Transactional(readOnly = true)
    public List<RectificationView> list(long campaignId, CurrentUser user) {
        Long target = access.caller(campaignId, user).listedTarget().orElse(null);
        LocalDate today = FeedbackTime.day(time.now());
        return views.rectifications(store.rectifications(campaignId, target), views.names(campaignId), today);
    }

    @Transactional(readOnly = true)
    public RectificationView view(long campaignId, long id, CurrentUser user) {
        FeedbackStore.Rectification r = readable(campaignId, id, user);
        return views.rectifications(List.of(r), views.names(campaignId), FeedbackTime.day(time.now()))
                .get(0);
    }

    public FeedbackStore.Rectification readable(long campaignId, long id, CurrentUser user) {
        FeedbackAccess.Caller c = access.caller(campaignId, user);
        FeedbackStore.Rectification r = store.rectification(id)
                .filter(x -> x.campaignId() == campaignId)
                .orElseThrow(() -> access.denied("feedback.rectification.read", id, "no such item"));
        if (c.readsAll() || c.isTarget(r.targetId())) {
            return r;
        }
        throw access.denied("feedback.rectification.read", id, "not the caller's item");
    }

    private FeedbackStore.Rectification ownForChange(long campaignId, long id, CurrentUser user, String action) {
        FeedbackStore.Rectification r = store.lockRectification(id)
                .filter(x -> x.campaignId() == campaignId)
                .orElseThrow(() -> access.denied(action, id, "no such item"));
        access.target(campaignId, r.targetId(), user, action, id);
        return r;
    }

    /** 整改措施: measures, responsible person and deadline; the item is then in progress. */
    public RectificationView plan(
            long campaignId, long id, String measures, String responsible, LocalDate deadline, CurrentUser user) {
        FeedbackStore.Rectification r = ownForChange(campaignId, id, user, "feedback.rectification.plan");
        requireWorkable(r);
        String m = Texts.requiredMultiline("measures", measures, 4000);
        String person = Texts.required("responsiblePerson", responsible, 100);
        if (deadline == null) {
            throw new InvalidInputException("deadline", "validation.required");
        }
        Instant now = time.now();
        if (deadline.isBefore(FeedbackTime.day(now))) {
            throw new InvalidInputException("deadline", "feedback.rectification.pastDeadline", deadline.toString());
        }
        FeedbackStore.Rectification next = new FeedbackStore.Rectification(
                r.id(),
                r.campaignId(),
                r.targetId(),
                r.problemId(),
                "IN_PROGRESS",
                m,
                person,
                deadline,
                r.escalation(),
                r.createdAt(),
                now,
                null,
                null,
                r.rowVersion());
        store.updateRectification(next, now);
        store.event(id, "PLAN", m + "\n责任人：" + person + "；整改时限：" + deadline, user.username(), user.displayName(), now);
        audit("feedback.rectification.plan", r, next);
        return view(campaignId, id, user);
    }

    /** 进展报告 / 完成报告 with evidence; a completion report asks the office to verify. */
    public RectificationView report(
            long campaignId, long id, boolean completion, String body, List<FileUpload> files, CurrentUser user) {
        FeedbackStore.Rectification r = ownForChange(campaignId, id, user, "feedback.rectification.report");
        requireWorkable(r);
        if ("OPEN".equals(r.status())) {
            throw new ConflictException(null, "feedback.rectification.planFirst");
        }
        String text = Texts.requiredMultiline("body", body, 8000);
        Instant now = time.now();
        long eventId =
                store.event(id, completion ? "COMPLETION" : "PROGRESS", text, user.username(), user.displayName(), now);
        for (FileUpload f : files) {
            evidence.attach(FeedbackViews.RECTIFICATION_FILES, eventId, f.name(), f.content(), user);
        }
        FeedbackStore.Rectification next = completion ? with(r, "COMPLETED", r.escalation(), null, null) : r;
        store.updateRectification(next, now);
        audit(completion ? "feedback.rectification.complete" : "feedback.rectification.progress", r, next);
        if (completion) {
            events.publishEvent(Notice.toAccounts(
                    "RECTIFICATION",
                    "【整改完成待核验】" + targetName(r.targetId()),
                    ProblemService.abbreviate(text),
                    link(campaignId, id),
                    office.of(campaignId)));
        }
        return view(campaignId, id, user);
    }

    /** 核验: the office accepts the completion (销号) or rejects it with a reason. */
    public RectificationView verify(long campaignId, long id, boolean accept, String reason, CurrentUser user) {
        access.office(campaignId, user, "feedback.rectification.verify");
        FeedbackStore.Rectification r = store.lockRectification(id)
                .filter(x -> x.campaignId() == campaignId)
                .orElseThrow(() -> access.denied("feedback.rectification.verify", id, "no such item"));
        if (!"COMPLETED".equals(r.status())) {
            throw new ConflictException(null, "feedback.rectification.notCompleted");
        }
        String text = Texts.multiline("reason", reason, 4000);
        if (!accept && text == null) {
            throw new InvalidInputException("reason", "feedback.rectification.rejectReason");
        }
        Instant now = time.now();
        FeedbackStore.Rectification next = accept
                ? with(r, "CLOSED", r.escalation(), now, user.username())
                : with(r, "IN_PROGRESS", r.escalation(), null, null);
        store.updateRectification(next, now);
        store.event(
                id,
                accept ? "ACCEPTED" : "REJECTED",
                text == null ? "核验通过，予以销号" : text,
                user.username(),
                user.displayName(),
                now);
        audit(accept ? "feedback.rectification.accept" : "feedback.rectification.reject", r, next);
        notifyTarget(
                campaignId,
                r.targetId(),
                id,
                accept ? "【整改销号】整改事项已核验销号" : "【整改退回】整改完成情况未通过核验",
                text == null ? "" : text);
        return view(campaignId, id, user);
    }

    /** 约谈 / 挂牌督办 / 通报批评, decided by the office for an item not closed. */
    public RectificationView escalate(long campaignId, long id, String measure, String note, CurrentUser user) {
        access.office(campaignId, user, "feedback.rectification.escalate");
        FeedbackStore.Rectification r = store.lockRectification(id)
                .filter(x -> x.campaignId() == campaignId)
                .orElseThrow(() -> access.denied("feedback.rectification.escalate", id, "no such item"));
        if ("CLOSED".equals(r.status())) {
            throw new ConflictException(null, "feedback.rectification.closed");
        }
        if (measure == null || !ESCALATIONS.contains(measure)) {
            throw new InvalidInputException("measure", "feedback.rectification.measure");
        }
        String text = Texts.requiredMultiline("note", note, 4000);
        Instant now = time.now();
        FeedbackStore.Rectification next = with(r, r.status(), measure, r.closedAt(), r.closedBy());
        store.updateRectification(next, now);
        store.event(id, "ESCALATED", label(measure) + "：" + text, user.username(), user.displayName(), now);
        audit("feedback.rectification.escalate", r, next);
        notifyTarget(campaignId, r.targetId(), id, "【" + label(measure) + "】整改事项", text);
        return view(campaignId, id, user);
    }

    static String label(String measure) {
        return switch (measure) {
            case "TALK" -> "约谈";
            case "SUPERVISE" -> "挂牌督办";
            case "CRITICISM" -> "通报批评";
            default -> measure;
        };
    }

    private static void requireWorkable(FeedbackStore.Rectification r) {
        if ("CLOSED".equals(r.status())) {
            throw new ConflictException(null, "feedback.rectification.closed");
        }
        if ("COMPLETED".equals(r.status())) {
            throw new ConflictException(null, "feedback.rectification.awaitingVerification");
        }
    }

    private static FeedbackStore.Rectification with(
            FeedbackStore.Rectification r, String status, String escalation, Instant closedAt, String closedBy) {
        return new FeedbackStore.Rectification(
                r.id(),
                r.campaignId(),
                r.targetId(),
                r.problemId(),
                status,
                r.measures(),
                r.responsiblePerson(),
                r.deadline(),
                escalation,
                r.createdAt(),
                r.updatedAt(),
                closedAt,
                closedBy,
                r.rowVersion());
    }

    private void audit(String action, FeedbackStore.Rectification before, FeedbackStore.Rectification after) {
        events.publishEvent(
                AuditEvent.success(action, FeedbackAccess.TYPE, "rectification/" + before.id(), before, after));
    }

    private void notifyTarget(long campaignId, long targetId, long id, String title, String body) {
        TargetView t = campaigns.target(targetId).orElseThrow();
        events.publishEvent(
                Notice.toUnits("RECTIFICATION", title, body, link(campaignId, id), Set.of(t.unitId()), "TARGET"));
    }

    private String targetName(long targetId) {
        return campaigns.target(targetId).map(TargetView::name).orElse("#" + targetId);
    }

    static String link(long campaignId, long id) {
        return "/campaigns/" + campaignId + "/rectifications/" + id;
    }
}
