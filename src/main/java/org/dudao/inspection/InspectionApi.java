package org.dudao.inspection;

import java.time.LocalDate;
import java.util.List;
import org.dudao.inspection.domain.Onsite;
import org.dudao.inspection.domain.SelfReports;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspection module's facade (demo data, reports): self-inspection reports, teams, the schedule and
 * the scoring sheets, each call with the module's access rules.
 */
@Service
@Transactional(readOnly = true)
public class InspectionApi {

    private final SelfReports reports;
    private final Onsite onsite;

    InspectionApi(SelfReports reports, Onsite onsite) {
        this.reports = reports;
        this.onsite = onsite;
    }

    /** The caller's own self-inspection report (a target). */
    public SelfReportView ownReport(long campaignId, CurrentUser user) {
        return reports.own(campaignId, user);
    }

    @Transactional
    public SelfReportView saveReport(long campaignId, SelfReportCommand command, CurrentUser user) {
        return reports.save(campaignId, command, user);
    }

    @Transactional
    public SelfReportView submitReport(long campaignId, CurrentUser user) {
        return reports.submit(campaignId, user);
    }

    public List<TeamView> teams(long campaignId, CurrentUser user) {
        return onsite.teams(campaignId, user);
    }

    @Transactional
    public TeamView createTeam(long campaignId, TeamCommand command, CurrentUser user) {
        return onsite.createTeam(campaignId, command, user);
    }

    @Transactional
    public VisitView schedule(long campaignId, long targetId, long teamId, LocalDate day, CurrentUser user) {
        return onsite.schedule(campaignId, targetId, teamId, day, user);
    }

    public List<SheetView> sheets(long campaignId, long targetId, CurrentUser user) {
        return onsite.sheets(campaignId, targetId, user);
    }

    @Transactional
    public SheetView.Item deduct(long campaignId, long targetId, DeductionCommand command, CurrentUser user) {
        return onsite.deduct(campaignId, targetId, command, user);
    }

    @Transactional
    public NoteView addNote(long campaignId, long targetId, String body, CurrentUser user) {
        return onsite.addNote(campaignId, targetId, body, user);
    }
}
