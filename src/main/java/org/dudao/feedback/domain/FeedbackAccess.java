package org.dudao.feedback.domain;

import java.util.Optional;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in a campaign's feedback, written once: the office (everything), the
 * jurisdiction's leaders (read everything), assessors and inspectors (raise problems, read those their
 * unit raised), and a target (its own problems, reviews and rectification items). Anything else is a
 * 404 with a DENIED audit record, so that the existence of another target's records is not revealed.
 */
@Component
public class FeedbackAccess {

    static final String TYPE = "feedback";

    /** No target: a list that shows nothing. */
    public static final long NONE = -1;

    private final CampaignApi campaigns;
    private final ApplicationEventPublisher events;

    FeedbackAccess(CampaignApi campaigns, ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.events = events;
    }

    /** The caller's seat in a campaign. */
    public record Caller(
            CampaignView campaign, CurrentUser user, boolean office, boolean leader, TargetView ownTarget) {

        public boolean readsAll() {
            return office || leader;
        }

        public boolean raises() {
            return office || user.hasRole("ASSESSOR") || user.hasRole("INSPECTOR");
        }

        /**
         * Whose records the caller's lists show: empty for everyone's (the office, leaders), the own
         * target's id, or {@link #NONE} when the caller has no list of its own.
         */
        public Optional<Long> listedTarget() {
            if (readsAll()) {
                return Optional.empty();
            }
            return Optional.of(ownTarget == null ? NONE : ownTarget.id());
        }

        public boolean isTarget(long targetId) {
            return ownTarget != null && ownTarget.id() == targetId;
        }
    }

    public Caller caller(long campaignId, CurrentUser user) {
        CampaignView c = campaigns.visible(campaignId, user);
        boolean office = campaigns.isOffice(c, user);
        boolean leader = user.hasRole("LEADER") && c.ownerUnitId() == user.jurisdictionUnitId();
        TargetView own = user.hasRole("TARGET")
                ? campaigns.targetOfUnit(campaignId, user.unitId()).orElse(null)
                : null;
        return new Caller(c, user, office, leader, own);
    }

    public Caller office(long campaignId, CurrentUser user, String action) {
        Caller c = caller(campaignId, user);
        if (!c.office()) {
            throw denied(action, campaignId, "not the campaign's office");
        }
        return c;
    }

    /** The caller must be the given target (its own records only). */
    public Caller target(long campaignId, long targetId, CurrentUser user, String action, Object object) {
        Caller c = caller(campaignId, user);
        if (!c.isTarget(targetId)) {
            throw denied(action, object, "not the caller's own target");
        }
        return c;
    }

    public NotFoundException denied(String action, Object object, String why) {
        events.publishEvent(AuditEvent.denied(action, TYPE, object, why));
        return new NotFoundException(TYPE, object);
    }
}
