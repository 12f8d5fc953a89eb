package org.dudao.creation;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.dudao.campaign.CampaignView;
import org.dudao.creation.domain.CreationService;
import org.dudao.evidence.AttachmentView;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The creation module's facade for other modules (e.g. a report building the progress bulletin from
 * the figures): the campaigns a user sees and their progress with the lagging rule applied.
 */
@Service
@Transactional(readOnly = true)
public class CreationApi {

    private final CreationService service;

    CreationApi(CreationService service) {
        this.service = service;
    }

    public List<CampaignView> campaigns(CurrentUser user) {
        return service.list(user);
    }

    /** Progress as the user may see it (every unit for the office and leaders, its own for a unit). */
    public CreationProgress progress(long campaignId, CurrentUser user) {
        return service.progress(campaignId, user);
    }

    /** Progress of every unit on a given day, without a scope check: the caller checks who may read it. */
    public CreationProgress progressOn(long campaignId, LocalDate day) {
        return service.progress(campaignId, day, u -> true);
    }

    // ------------------------------------------------------------------ actions (e.g. for demo data)

    /** Creates a creation campaign from a template (LS-2021, PDS-2019) and expands its responsible units. */
    @Transactional
    public CampaignView create(String template, String name, int year, CurrentUser user) {
        return service.create(template, name, year, user);
    }

    /** The user's unit's lines (任务台账). */
    public List<AssignmentView> myLines(long campaignId, CurrentUser user) {
        return service.myLines(campaignId, user);
    }

    @Transactional
    public AttachmentView upload(long campaignId, long taskId, String fileName, InputStream in, CurrentUser user) {
        return service.upload(campaignId, taskId, fileName, in, user);
    }

    @Transactional
    public AssignmentView explain(long campaignId, long taskId, String text, CurrentUser user) {
        return service.explain(campaignId, taskId, text, user);
    }

    @Transactional
    public void consolidate(
            long campaignId, long taskId, Collection<Long> includedLineIds, String text, CurrentUser user) {
        service.consolidate(campaignId, taskId, includedLineIds, text, user);
    }

    @Transactional
    public SelfReportView saveSelfReport(long campaignId, String body, CurrentUser user) {
        return service.saveSelfReport(campaignId, body, user);
    }

    @Transactional
    public SelfReportView seal(long campaignId, CurrentUser user) {
        return service.seal(campaignId, user);
    }

    @Transactional
    public CreationProblemView addProblem(
            long campaignId,
            Long unitId,
            Long taskId,
            String source,
            String description,
            String measures,
            LocalDate dueOn,
            CurrentUser user) {
        return service.addProblem(campaignId, unitId, taskId, source, description, measures, dueOn, user);
    }

    @Transactional
    public CreationProblemView rectify(long campaignId, long problemId, String note, CurrentUser user) {
        return service.rectify(campaignId, problemId, note, user);
    }
}
