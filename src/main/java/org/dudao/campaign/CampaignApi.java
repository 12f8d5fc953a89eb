package org.dudao.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dudao.campaign.domain.CampaignService;
import org.dudao.campaign.domain.CampaignStore;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The campaign module's facade for other modules. */
@Service
@Transactional(readOnly = true)
public class CampaignApi {

    private final CampaignStore store;
    private final CampaignService service;

    CampaignApi(CampaignStore store, CampaignService service) {
        this.store = store;
        this.service = service;
    }

    /** Instantiates a campaign template for a year as the given office user (e.g. for demo data). */
    @Transactional
    public CampaignView createFromTemplate(String template, String name, int year, CurrentUser user) {
        return service.createFromTemplate(template, name, year, user);
    }

    /** The office adds a unit of its jurisdiction as a target of one of the campaign's categories. */
    @Transactional
    public TargetView addTarget(long campaignId, long categoryId, long unitId, CurrentUser user) {
        return service.addTarget(campaignId, categoryId, unitId, user);
    }

    /** 延期: the office lets one target change its work (one task, or all when taskId is null) until a time. */
    @Transactional
    public ExtensionView grantExtension(
            long campaignId, long targetId, Long taskId, Instant until, String reason, CurrentUser user) {
        return service.grantExtension(campaignId, targetId, taskId, until, reason, user);
    }

    public List<CampaignView> list(CurrentUser user) {
        return service.list(user);
    }

    /** The campaign if the user may see it; 404 (audited) otherwise. */
    public CampaignView visible(long id, CurrentUser user) {
        return service.visible(id, user);
    }

    /** The campaign if the user is its office; 404 (audited) otherwise. */
    public CampaignView managed(long id, CurrentUser user) {
        return service.managed(id, user);
    }

    /** Whether the user is the office that runs the campaign. */
    public boolean isOffice(CampaignView campaign, CurrentUser user) {
        return CampaignService.isOfficeOf(campaign, user);
    }

    public CampaignView campaign(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("campaign", id));
    }

    /** The campaign's rule settings as stored (JSON object text). */
    public String settings(long campaignId) {
        return store.settings(campaignId);
    }

    /** Every campaign the jurisdiction's office runs. */
    public List<CampaignView> ownedBy(long ownerUnitId) {
        return store.listOwnedBy(ownerUnitId);
    }

    public List<CategoryView> categories(long campaignId) {
        return store.categories(campaignId);
    }

    public List<TargetView> targets(long campaignId) {
        return store.targets(campaignId);
    }

    public Optional<TargetView> target(long targetId) {
        return store.target(targetId);
    }

    public Optional<TargetView> targetOfUnit(long campaignId, long unitId) {
        return store.targetOfUnit(campaignId, unitId);
    }

    public List<TaskView> tasks(long campaignId) {
        return store.tasks(campaignId);
    }

    /** Every task of the campaign, only its category, points and methods (a full score computation). */
    public List<TaskPoints> taskPoints(long campaignId) {
        return store.taskPoints(campaignId);
    }

    /** The tasks of one category, only their points and methods (keeping one target's score current). */
    public List<TaskPoints> taskPointsOfCategory(long categoryId) {
        return store.taskPointsOfCategory(categoryId);
    }

    public List<TaskView> tasksOfCategory(long categoryId) {
        return store.tasksOfCategory(categoryId);
    }

    public List<TaskView> tasksAssessedBy(long campaignId, long unitId) {
        return store.tasksAssessedBy(campaignId, unitId);
    }

    public Optional<TaskView> task(long taskId) {
        return store.task(taskId);
    }

    public List<PhaseView> phases(long campaignId) {
        return store.phases(campaignId);
    }

    public List<ExtensionView> extensions(long targetId) {
        return store.extensions(targetId);
    }

    /** The extensions in force of every target of the campaign, in one query. */
    public List<ExtensionView> extensionsOfCampaign(long campaignId) {
        return store.extensionsOfCampaign(campaignId);
    }

    /**
     * Until when the target may change its submission of the task: the task's deadline, or later when
     * the office granted the target an extension; null when the task has no deadline.
     */
    public Instant effectiveDue(TaskView task, long targetId) {
        return effectiveDue(task, store.extensions(targetId));
    }

    /** As {@link #effectiveDue(TaskView, long)} with the target's extensions already loaded. */
    public static Instant effectiveDue(TaskView task, List<ExtensionView> extensions) {
        Instant due = task.dueAt();
        if (due == null) {
            return null;
        }
        for (ExtensionView e : extensions) {
            if ((e.taskId() == null || e.taskId() == task.id()) && e.until().isAfter(due)) {
                due = e.until();
            }
        }
        return due;
    }
}
