package org.dudao.report.dashboard;

import org.dudao.campaign.CampaignApi;
import org.dudao.evaluation.EvaluationApi;
import org.dudao.evidence.EvidenceApi;
import org.dudao.organization.OrganizationApi;
import org.dudao.report.dashboard.DashboardAccess.Seat;
import org.dudao.scoring.ScoringApi;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards (驾驶舱) of a campaign, one per role, computed on request from the other modules'
 * facades: nothing is stored and no number is typed in. Scores are shown to the office and leaders once
 * computed (leaders' own dashboard: once published) and to a target once published, as on the results
 * pages.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    private final DashboardAccess access;
    private final OfficeDashboard office;
    private final LeaderDashboard leader;
    private final TargetDashboard target;
    private final AssessorDashboard assessor;
    private final CampaignApi campaigns;
    private final EvidenceApi evidence;
    private final EvaluationApi evaluations;
    private final ScoringApi scoring;
    private final OrganizationApi organization;
    private final DatabaseTime time;

    DashboardService(
            DashboardAccess access,
            OfficeDashboard office,
            LeaderDashboard leader,
            TargetDashboard target,
            AssessorDashboard assessor,
            CampaignApi campaigns,
            EvidenceApi evidence,
            EvaluationApi evaluations,
            ScoringApi scoring,
            OrganizationApi organization,
            DatabaseTime time) {
        this.access = access;
        this.office = office;
        this.leader = leader;
        this.target = target;
        this.assessor = assessor;
        this.campaigns = campaigns;
        this.evidence = evidence;
        this.evaluations = evaluations;
        this.scoring = scoring;
        this.organization = organization;
        this.time = time;
    }

    /**
     * The caller's dashboard of the campaign: the one of {@code role} (office, leader, target,
     * assessor) when given, else the caller's first. 404 (audited) for a campaign or role not the
     * caller's.
     */
    public Dashboard dashboard(long campaignId, String role, CurrentUser user) {
        Seat seat = access.seat(campaignId, user);
        DashboardRole asked = DashboardRole.parseOrNull(role);
        if (asked == null && role != null && !role.isBlank()) {
            throw access.denied("report.dashboard.read", campaignId + "/" + role, "unknown role");
        }
        DashboardData d = data(seat);
        return switch (access.role(seat, asked)) {
            case OFFICE -> office.dashboard(d);
            case LEADER -> leader.dashboard(d);
            case TARGET -> target.dashboard(d, seat.ownTarget());
            case ASSESSOR -> assessor.dashboard(d);
        };
    }

    /** One target's dashboard: the office and leaders for any target of the campaign, a target its own. */
    public Dashboard targetDashboard(long campaignId, long targetId, CurrentUser user) {
        Seat seat = access.seat(campaignId, user);
        return target.dashboard(data(seat), access.target(seat, targetId));
    }

    private DashboardData data(Seat seat) {
        return new DashboardData(seat, time.now(), campaigns, evidence, evaluations, scoring, organization);
    }
}
