package org.dudao.report.jobs;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.report.jobs.JobStore.JobRow;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 后台任务 as users see them: the campaign's office queues a job, follows its progress and downloads its file; anyone
 * else gets 404 (audited by {@link CampaignApi#managed}). Submitting the same job again while it is queued or running
 * returns the one already there.
 */
@Service
@Transactional(readOnly = true)
public class JobService {

    static final String TYPE = "report-job";
    /** How many of a campaign's jobs its page lists. */
    static final int LISTED = 20;

    private final JobStore store;
    private final JobFiles files;
    private final JobRunner runner;
    private final CampaignApi campaigns;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    JobService(
            JobStore store,
            JobFiles files,
            JobRunner runner,
            CampaignApi campaigns,
            Clock clock,
            ApplicationEventPublisher events,
            MessageSource messages) {
        this.store = store;
        this.files = files;
        this.runner = runner;
        this.campaigns = campaigns;
        this.clock = clock;
        this.events = events;
        this.messages = messages;
    }

    /** A job's file, checked against its SHA-256, ready to send. */
    public record JobFile(JobView job, Path path, String contentType) {}

    /** Queues a job of the campaign (office only); the same job already queued or running is returned instead. */
    @Transactional
    public JobView submit(long campaignId, String kind, CurrentUser user) {
        CampaignView campaign = campaigns.managed(campaignId, user);
        String k = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        if (!runner.knows(k)) {
            throw new InvalidInputException("kind", "report.job.kind.unknown", kind == null ? "" : kind);
        }
        String params = "";
        long id = store.insert(campaign.id(), k, params, user, clock.instant())
                .orElseGet(() -> store.active(campaign.id(), k, params)
                        .map(JobRow::id)
                        // finished between the insert and this read: queue it once more
                        .orElseGet(() -> store.insert(campaign.id(), k, params, user, clock.instant())
                                .orElseThrow()));
        events.publishEvent(AuditEvent.success(
                "report.job.submit", TYPE, id, null, Map.of("campaignId", campaign.id(), "kind", k)));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runner.wakeUp();
                }
            });
        }
        return view(store.find(id).orElseThrow());
    }

    /** A job of a campaign the caller runs. */
    public JobView job(long id, CurrentUser user) {
        return view(readable(id, user));
    }

    /** The campaign's latest jobs, newest first (office only). */
    public List<JobView> ofCampaign(long campaignId, CurrentUser user) {
        campaigns.managed(campaignId, user);
        return store.ofCampaign(campaignId, LISTED).stream().map(this::view).toList();
    }

    /**
     * The file of a done job, its bytes checked against the SHA-256 recorded when it was written: 409 while the job
     * runs or when it failed, 404 once it has expired and been swept, 409 if the bytes changed on the disk.
     */
    public JobFile file(long id, CurrentUser user) {
        JobRow row = readable(id, user);
        if (row.status() != JobStatus.DONE || row.filePath() == null) {
            throw new ConflictException(null, "report.job.notReady");
        }
        Path path;
        try {
            path = files.resolve(row.filePath());
            if (!files.intact(path, row.sha256())) {
                events.publishEvent(new AuditEvent(
                        "report.job.download",
                        TYPE,
                        String.valueOf(id),
                        AuditEvent.Outcome.FAILURE,
                        null,
                        null,
                        "SHA-256 mismatch",
                        null));
                throw new ConflictException(null, "report.job.corrupt");
            }
        } catch (NoSuchFileException e) {
            throw new NotFoundException(TYPE, id);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        events.publishEvent(AuditEvent.success(
                "report.job.download",
                TYPE,
                id,
                null,
                Map.of("campaignId", row.campaignId(), "file", row.fileName(), "sha256", row.sha256())));
        return new JobFile(view(row), path, row.contentType());
    }

    private JobRow readable(long id, CurrentUser user) {
        JobRow row = store.find(id).orElseThrow(() -> new NotFoundException(TYPE, id));
        campaigns.managed(row.campaignId(), user);
        return row;
    }

    JobView view(JobRow r) {
        Locale locale = LocaleContextHolder.getLocale();
        String message = r.messageKey() == null
                ? null
                : messages.getMessage(r.messageKey(), r.messageArgs().toArray(), r.messageKey(), locale);
        return new JobView(
                r.id(),
                r.campaignId(),
                r.kind(),
                r.status(),
                r.progress(),
                message,
                r.status() == JobStatus.DONE ? "/api/v1/jobs/" + r.id() + "/file" : null,
                r.expiresAt(),
                r.createdAt(),
                r.startedAt(),
                r.finishedAt(),
                r.requestedBy(),
                r.requestedByName(),
                r.status() == JobStatus.DONE ? r.fileName() : null,
                r.fileSize(),
                r.sha256());
    }
}
