package org.dudao.report.jobs;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.report.jobs.JobStore.Expired;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.time.ClockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Retention of background jobs ({@code dudao.report.jobs.retention}, default 7 days), every hour on every node (each
 * row is deleted once, by whichever node's {@code delete … returning} gets it): running jobs whose node stopped
 * reporting are marked failed, finished jobs past their expiry are deleted with their files, and files no job names
 * any more are removed. Audited when anything went.
 */
@Component
public class JobSweep implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(JobSweep.class);

    /** What one sweep did. */
    public record Report(List<Long> interrupted, List<Long> deleted, int orphanFiles) {}

    private final JobStore store;
    private final JobFiles files;
    private final JobProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    JobSweep(JobStore store, JobFiles files, JobProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.files = files;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!"-".equals(properties.sweepCron())) {
            registrar.addCronTask(
                    new CronTask(this::scheduled, new CronTrigger(properties.sweepCron(), ClockConfiguration.ZONE)));
        }
    }

    void scheduled() {
        try {
            Report r = sweep(clock.instant());
            if (!r.deleted().isEmpty() || !r.interrupted().isEmpty() || r.orphanFiles() > 0) {
                log.info("后台任务清理 / background job sweep: {}", r);
            }
        } catch (RuntimeException e) {
            log.warn("background job sweep failed; the next one tries again", e);
        }
    }

    /** Sweeps as if it were {@code now} (tests pass a later time). */
    public Report sweep(Instant now) {
        Instant expires = now.plus(properties.retention());
        List<Long> interrupted = store.failStale(now.minus(properties.staleAfter()), now, expires);
        List<Expired> expired = store.deleteExpired(now);
        for (Expired e : expired) {
            files.delete(e.filePath());
        }
        int orphans;
        try {
            orphans = files.deleteOrphans(store::existing, now.minus(properties.staleAfter()));
        } catch (IOException e) {
            log.warn("background job sweep: could not list {}", files.root(), e);
            orphans = 0;
        }
        List<Long> deleted = expired.stream().map(Expired::id).toList();
        if (!deleted.isEmpty() || !interrupted.isEmpty() || orphans > 0) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("deleted", deleted);
            after.put("interrupted", interrupted);
            after.put("orphanFiles", orphans);
            events.publishEvent(AuditEvent.success("report.job.sweep", "report-job", null, null, after));
        }
        return new Report(interrupted, deleted, orphans);
    }
}
