package org.dudao.report.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dudao.report.jobs.*}.
 *
 * @param threads how many jobs one node runs at once (the rest wait in the queue, for this node or another)
 * @param pollInterval how often each node looks for queued jobs (a job submitted to a node starts there at once
 *     when a thread is free)
 * @param retention how long a finished job and its file are kept (default 7 days)
 * @param staleAfter a running job whose node has not reported for this long is marked failed (its node stopped)
 * @param sweepCron when finished jobs past their retention are deleted with their files (Spring cron, Asia/Shanghai;
 *     default every hour at minute 23)
 */
@ConfigurationProperties("dudao.report.jobs")
public record JobProperties(
        @DefaultValue("2") int threads,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("10m") Duration staleAfter,
        @DefaultValue(JobProperties.DEFAULT_SWEEP_CRON) String sweepCron) {

    public static final String DEFAULT_SWEEP_CRON = "0 23 * * * *";

    public JobProperties {
        if (threads < 1) {
            throw new IllegalArgumentException("dudao.report.jobs.threads must be at least 1");
        }
    }
}
