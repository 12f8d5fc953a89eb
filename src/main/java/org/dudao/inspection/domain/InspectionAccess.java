package org.dudao.inspection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignKind;
import org.dudao.campaign.CampaignView;
import org.dudao.campaign.PhaseView;
import org.dudao.campaign.TargetView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in an inspection, written once: the office (everything), the jurisdiction's
 * leaders (read), the members of a team (the targets their team visits), a target (its own report and
 * sheets). Anything else is a 404 with a DENIED audit record.
 */
@Component
public class InspectionAccess {

    static final String TYPE = "inspection";

    private final CampaignApi campaigns;
    private final InspectionStore store;
    private final ApplicationEventPublisher events;

    InspectionAccess(CampaignApi campaigns, InspectionStore store, ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.store = store;
        this.events = events;
    }

    /** The caller's seat in an inspection. */
    public record Caller(
            CampaignView campaign,
            CurrentUser user,
            boolean office,
            boolean leader,
            TargetView ownTarget,
            Set<Long> teamIds) {

        public boolean readsAll() {
            return office || leader;
        }

        public boolean inTeam() {
            return !teamIds.isEmpty();
        }
    }

    public Caller caller(long campaignId, CurrentUser user) {
        CampaignView c = campaigns.visible(campaignId, user);
        if (c.kind() != CampaignKind.INSPECTION) {
            throw denied("inspection.read", campaignId, "not an inspection");
        }
        boolean office = campaigns.isOffice(c, user);
        boolean leader = user.hasRole("LEADER") && c.ownerUnitId() == user.jurisdictionUnitId();
        TargetView own = user.hasRole("TARGET")
                ? campaigns.targetOfUnit(campaignId, user.unitId()).orElse(null)
                : null;
        Set<Long> teams = store.members(campaignId).stream()
                .filter(m -> m.username() != null && m.username().equalsIgnoreCase(user.username()))
                .map(InspectionStore.Member::teamId)
                .collect(Collectors.toSet());
        return new Caller(c, user, office, leader, own, teams);
    }

    public Caller office(long campaignId, CurrentUser user, String action) {
        Caller c = caller(campaignId, user);
        if (!c.office()) {
            throw denied(action, campaignId, "not the inspection's office");
        }
        return c;
    }

    /** A target of the campaign the caller may read (office, leader, the target itself, its visiting team). */
    public TargetView readableTarget(Caller c, long targetId, String action) {
        TargetView t = targetOf(c, targetId, action);
        if (c.readsAll() || (c.ownTarget() != null && c.ownTarget().id() == targetId) || visitedByCaller(c, targetId)) {
            return t;
        }
        throw denied(action, targetId, "not the caller's target");
    }

    /** A target the caller may score: the office, or a member of the team scheduled to visit it. */
    public TargetView scorableTarget(Caller c, long targetId, String action) {
        TargetView t = targetOf(c, targetId, action);
        if (c.office() || visitedByCaller(c, targetId)) {
            return t;
        }
        throw denied(action, targetId, "not scheduled for the caller's team");
    }

    boolean visitedByCaller(Caller c, long targetId) {
        return c.inTeam()
                && store.visits(c.campaign().id()).stream()
                        .anyMatch(v -> v.targetId() == targetId && c.teamIds().contains(v.teamId()));
    }

    TargetView targetOf(Caller c, long targetId, String action) {
        return campaigns
                .target(targetId)
                .filter(t -> t.campaignId() == c.campaign().id())
                .orElseThrow(() -> denied(action, targetId, "no such target"));
    }

    public NotFoundException denied(String action, long id, String detail) {
        events.publishEvent(AuditEvent.denied(action, TYPE, id, detail));
        return new NotFoundException(TYPE, id);
    }

    /** A phase's dates (null when the campaign has no such phase). */
    PhaseView phase(long campaignId, String code) {
        List<PhaseView> phases = campaigns.phases(campaignId);
        return phases.stream().filter(p -> p.code().equals(code)).findFirst().orElse(null);
    }

    static Instant endOfDay(LocalDate day) {
        return day == null
                ? null
                : day.plusDays(1).atStartOfDay(ClockConfiguration.ZONE).toInstant();
    }
}
