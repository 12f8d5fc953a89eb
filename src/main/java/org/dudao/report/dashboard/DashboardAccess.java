package org.dudao.report.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.TargetView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who may open which dashboard of a campaign, written once: the campaign's office (考核办), the leaders
 * of its jurisdiction, a target (its own figures only) and an assessor unit with tasks in it (its tasks
 * only). Anything else answers 404 with a DENIED audit record, so that nobody learns what exists outside
 * their scope.
 */
@Component
class DashboardAccess {

    static final String TYPE = "dashboard";

    private final CampaignApi campaigns;
    private final ApplicationEventPublisher events;

    DashboardAccess(CampaignApi campaigns, ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.events = events;
    }

    /** The caller's seats in a campaign, best first (office, leader, target, assessor). */
    record Seat(CampaignView campaign, CurrentUser user, List<DashboardRole> roles, TargetView ownTarget) {

        boolean has(DashboardRole role) {
            return roles.contains(role);
        }

        /** Office and leaders read every target's figures. */
        boolean readsAll() {
            return has(DashboardRole.OFFICE) || has(DashboardRole.LEADER);
        }
    }

    Seat seat(long campaignId, CurrentUser user) {
        CampaignView c = campaigns.visible(campaignId, user); // 404, audited, when not involved at all
        List<DashboardRole> roles = new ArrayList<>();
        if (campaigns.isOffice(c, user)) {
            roles.add(DashboardRole.OFFICE);
        }
        if (user.hasRole("LEADER") && c.ownerUnitId() == user.jurisdictionUnitId()) {
            roles.add(DashboardRole.LEADER);
        }
        TargetView own = user.hasRole("TARGET")
                ? campaigns.targetOfUnit(campaignId, user.unitId()).orElse(null)
                : null;
        if (own != null) {
            roles.add(DashboardRole.TARGET);
        }
        if (user.hasRole("ASSESSOR")
                && !campaigns.tasksAssessedBy(campaignId, user.unitId()).isEmpty()) {
            roles.add(DashboardRole.ASSESSOR);
        }
        Seat seat = new Seat(c, user, List.copyOf(roles), own);
        if (roles.isEmpty()) {
            throw denied("report.dashboard.read", campaignId, "no dashboard for the caller's roles");
        }
        return seat;
    }

    /** The dashboard asked for (or the caller's first); 404 when the caller does not hold that seat. */
    DashboardRole role(Seat seat, DashboardRole asked) {
        if (asked == null) {
            return seat.roles().get(0);
        }
        if (!seat.has(asked)) {
            throw denied("report.dashboard.read", seat.campaign().id() + "/" + asked, "not the caller's role");
        }
        return asked;
    }

    /** A target's dashboard: the office and leaders any target of the campaign, a target only its own. */
    TargetView target(Seat seat, long targetId) {
        TargetView t = campaigns
                .target(targetId)
                .filter(x -> x.campaignId() == seat.campaign().id())
                .orElse(null);
        if (t == null) {
            throw denied("report.dashboard.read", seat.campaign().id() + "/target/" + targetId, "no such target");
        }
        if (seat.readsAll() || (seat.ownTarget() != null && seat.ownTarget().id() == targetId)) {
            return t;
        }
        throw denied("report.dashboard.read", seat.campaign().id() + "/target/" + targetId, "not the caller's own");
    }

    NotFoundException denied(String action, Object object, String why) {
        events.publishEvent(AuditEvent.denied(action, TYPE, object, why));
        return new NotFoundException(TYPE, object);
    }
}
