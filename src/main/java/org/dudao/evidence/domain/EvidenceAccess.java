package org.dudao.evidence.domain;

import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.campaign.TaskView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who may touch which submission. The target is always the caller's own unit (never a request
 * parameter); an assessor reads the tasks assigned to its unit; the office reads its campaigns. Anything
 * else answers 404 and leaves a DENIED audit record.
 */
@Component
public class EvidenceAccess {

    static final String TYPE = "evidence-submission";

    private final CampaignApi campaigns;
    private final ApplicationEventPublisher events;

    EvidenceAccess(CampaignApi campaigns, ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.events = events;
    }

    /** A task of a campaign as the caller's own unit works on it. */
    public record TargetTask(CampaignView campaign, TargetView target, TaskView task) {}

    /** The caller's unit as the target of a material task of the campaign; 404 (audited) otherwise. */
    public TargetTask asTarget(long campaignId, long taskId, CurrentUser user, String action) {
        CampaignView campaign = campaigns.campaign(campaignId);
        TargetView target = campaigns.targetOfUnit(campaignId, user.unitId()).orElse(null);
        TaskView task = campaigns.task(taskId).orElse(null);
        if (target == null
                || task == null
                || task.campaignId() != campaignId
                || task.categoryId() != target.categoryId()
                || !task.needsMaterial()) {
            events.publishEvent(AuditEvent.denied(
                    action,
                    TYPE,
                    campaignId + "/" + taskId,
                    target == null ? "caller's unit is no target of the campaign" : "task not assigned to the target"));
            throw new NotFoundException("campaign-task", taskId);
        }
        return new TargetTask(campaign, target, task);
    }

    /** The caller's unit as a target of the campaign; 404 (audited) otherwise. */
    public TargetView targetOf(long campaignId, CurrentUser user) {
        campaigns.campaign(campaignId);
        return campaigns.targetOfUnit(campaignId, user.unitId()).orElseThrow(() -> {
            events.publishEvent(AuditEvent.denied("evidence.read", TYPE, campaignId, "not a target"));
            return new NotFoundException("campaign", campaignId);
        });
    }

    /** What the caller is to the submission of (target, task), if anything. */
    public enum Role {
        TARGET,
        ASSESSOR,
        OFFICE
    }

    public Role roleFor(CampaignView campaign, TargetView target, TaskView task, CurrentUser user) {
        if (target.unitId() == user.unitId()) {
            return Role.TARGET;
        }
        if (task.assessorUnitId() != null && task.assessorUnitId() == user.unitId()) {
            return Role.ASSESSOR;
        }
        if (campaigns.isOffice(campaign, user)) {
            return Role.OFFICE;
        }
        return null;
    }

    /** The submission's place if the caller is its target, its task's assessor or the office; 404 (audited) otherwise. */
    public TargetTask readable(long campaignId, long targetId, long taskId, CurrentUser user, String action) {
        CampaignView campaign = campaigns.campaign(campaignId);
        TargetView target = campaigns
                .target(targetId)
                .filter(t -> t.campaignId() == campaignId)
                .orElse(null);
        TaskView task =
                campaigns.task(taskId).filter(t -> t.campaignId() == campaignId).orElse(null);
        if (target == null || task == null || roleFor(campaign, target, task, user) == null) {
            events.publishEvent(
                    AuditEvent.denied(action, TYPE, targetId + "/" + taskId, "not target, assessor or office"));
            throw new NotFoundException(TYPE, targetId + "/" + taskId);
        }
        return new TargetTask(campaign, target, task);
    }

    /** As {@link #readable} for the assessor of the task only (returning, locking). */
    public TargetTask asAssessor(long campaignId, long targetId, long taskId, CurrentUser user, String action) {
        TargetTask tt = readable(campaignId, targetId, taskId, user, action);
        if (roleFor(tt.campaign(), tt.target(), tt.task(), user) != Role.ASSESSOR) {
            events.publishEvent(AuditEvent.denied(action, TYPE, targetId + "/" + taskId, "not the task's assessor"));
            throw new NotFoundException(TYPE, targetId + "/" + taskId);
        }
        return tt;
    }

    public void denied(String action, Object id, String why) {
        events.publishEvent(AuditEvent.denied(action, TYPE, id, why));
    }
}
