package org.dudao.creation.domain;

import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignKind;
import org.dudao.campaign.CampaignView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.DudaoException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in a creation campaign: its office (everything), the jurisdiction's leaders
 * (read everything), a responsible unit (its own lines, and as lead unit its co-units' lines of the
 * tasks it leads). Anything else is a 404 with a DENIED audit record.
 */
@Component
public class CreationAccess {

    static final String TYPE = "creation";

    private final CampaignApi campaigns;
    private final CreationStore store;
    private final ApplicationEventPublisher events;

    CreationAccess(CampaignApi campaigns, CreationStore store, ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.store = store;
        this.events = events;
    }

    public record Caller(CampaignView campaign, CurrentUser user, boolean office, boolean leader, boolean unit) {

        public boolean readsAll() {
            return office || leader;
        }
    }

    public Caller caller(long campaignId, CurrentUser user) {
        CampaignView c;
        try {
            c = campaigns.campaign(campaignId);
        } catch (NotFoundException e) {
            throw denied("creation.read", campaignId, "no such campaign");
        }
        if (c.kind() != CampaignKind.CREATION) {
            throw denied("creation.read", campaignId, "not a creation campaign");
        }
        boolean office = campaigns.isOffice(c, user);
        boolean leader = user.hasRole("LEADER") && c.ownerUnitId() == user.jurisdictionUnitId();
        boolean unit = store.involved(campaignId, user.unitId());
        if (!office && !leader && !unit) {
            throw denied("creation.read", campaignId, "not involved");
        }
        return new Caller(c, user, office, leader, unit);
    }

    public Caller office(long campaignId, CurrentUser user, String action) {
        Caller c = caller(campaignId, user);
        if (!c.office()) {
            throw denied(action, campaignId, "not the campaign's office");
        }
        return c;
    }

    public NotFoundException denied(String action, Object object, String why) {
        events.publishEvent(AuditEvent.denied(action, TYPE, object, why));
        return new NotFoundException(TYPE, object);
    }

    /** 403: the unit takes part in the campaign but is not responsible for this task (audited). */
    public DudaoException notResponsible(String action, long taskId, CurrentUser user) {
        events.publishEvent(AuditEvent.denied(action, TYPE, taskId, "unit " + user.unitId() + " not responsible"));
        return new DudaoException(HttpStatus.FORBIDDEN, null, "creation.notResponsible", user.unitName());
    }
}
