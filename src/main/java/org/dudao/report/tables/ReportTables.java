package org.dudao.report.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitView;
import org.dudao.report.jobs.JobProgress;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Who may download which table, written once: the result summary and the progress tables are the campaign's office's
 * (anyone else gets 404, audited by {@link CampaignApi#managed}); an assessor's evaluation detail is the office's for
 * any assessor unit, and the assessor unit's own for itself (its unit comes from the signed-in user, never from the
 * request). Every download is audited.
 */
@Service
public class ReportTables {

    /** What a download needs once the reader's right is checked. */
    public record Download(CampaignView campaign, String fileName, Long unitId, String unitName) {}

    static final String TYPE = "campaign";

    private final CampaignApi campaigns;
    private final OrganizationApi organization;
    private final ResultSummaryTable summary;
    private final AssessorDetailTable detail;
    private final ProgressTable progress;
    private final DatabaseTime databaseTime;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReportTables(
            CampaignApi campaigns,
            OrganizationApi organization,
            ResultSummaryTable summary,
            AssessorDetailTable detail,
            ProgressTable progress,
            DatabaseTime databaseTime,
            Clock clock,
            ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.organization = organization;
        this.summary = summary;
        this.detail = detail;
        this.progress = progress;
        this.databaseTime = databaseTime;
        this.clock = clock;
        this.events = events;
    }

    /** 汇总表: the office only. */
    public Download summary(long campaignId, CurrentUser user) {
        CampaignView c = campaigns.managed(campaignId, user);
        exported("report.table.summary", c, null);
        return new Download(c, ResultSummaryTable.fileName(c), null, null);
    }

    public void writeSummary(Download d, OutputStream out) throws IOException {
        summary.write(d.campaign(), out, JobProgress.NONE, clock.instant());
    }

    /** 进度表: the office only. */
    public Download progress(long campaignId, CurrentUser user) {
        CampaignView c = campaigns.managed(campaignId, user);
        exported("report.table.progress", c, null);
        return new Download(c, ProgressTable.fileName(c), null, null);
    }

    public void writeProgress(Download d, OutputStream out) throws IOException {
        progress.write(d.campaign(), databaseTime.now(), out);
    }

    /**
     * 评分明细: the office names the assessor unit; an assessor unit gets its own (naming another unit is refused as
     * not found, audited). A unit that assesses no task of the campaign has no detail (404).
     */
    public Download assessorDetail(long campaignId, Long unitId, CurrentUser user) {
        CampaignView c = campaigns.visible(campaignId, user);
        long unit;
        if (campaigns.isOffice(c, user)) {
            if (unitId == null) {
                throw new InvalidInputException("unitId", "report.tables.unitRequired");
            }
            unit = unitId;
        } else {
            if (unitId != null && unitId != user.unitId()) {
                events.publishEvent(AuditEvent.denied(
                        "report.table.assessorDetail", TYPE, campaignId, "another unit's detail: " + unitId));
                throw new NotFoundException("assessor", unitId);
            }
            unit = user.unitId();
        }
        if (campaigns.tasksAssessedBy(campaignId, unit).isEmpty()) {
            events.publishEvent(AuditEvent.denied(
                    "report.table.assessorDetail", TYPE, campaignId, "unit " + unit + " assesses no task"));
            throw new NotFoundException("assessor", unit);
        }
        String name = organization.find(unit).map(UnitView::name).orElse(String.valueOf(unit));
        exported("report.table.assessorDetail", c, unit);
        return new Download(c, AssessorDetailTable.fileName(c, name), unit, name);
    }

    public void writeAssessorDetail(Download d, OutputStream out) throws IOException {
        detail.write(d.campaign(), d.unitId(), d.unitName(), out);
    }

    private void exported(String action, CampaignView c, Long unitId) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("campaign", c.name());
        if (unitId != null) {
            what.put("unitId", unitId);
        }
        events.publishEvent(AuditEvent.success(action, TYPE, c.id(), null, what));
    }
}
