package org.dudao.report.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.report.jobs.JobStore.JobRow;
import org.dudao.report.jobs.JobStore.StoredFile;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.DudaoException;
import org.dudao.shared.notice.Notice;
import org.dudao.shared.time.ClockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued jobs on a small pool of this node's threads ({@code dudao.report.jobs.threads}). Every node polls the
 * queue ({@code poll-interval}) and takes a job only when it has a free thread, so that a busy node leaves the queue to
 * the others; a job submitted to this node starts at once (the submit wakes the poller after its commit). A running
 * job reports its progress to its row — which is also the node's sign of life — and ends DONE with its file, hash and
 * expiry, or FAILED with the reason; either way its requester gets a notice in the same transaction.
 */
@Component
public class JobRunner implements SchedulingConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    static final String NOTICE_KIND = "REPORT_JOB";
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockConfiguration.ZONE);
    /** Progress is written at most this often (a new percentage) ... */
    private static final long WRITE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** ... and at least this often while the work goes on (the node's sign of life). */
    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final JobStore store;
    private final JobFiles files;
    private final Map<String, JobHandler> handlers;
    private final CampaignApi campaigns;
    private final JobProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final TransactionTemplate progressTx;
    private final ThreadPoolExecutor executor;
    /** Polls on behalf of a request that just queued a job (never on the request's thread, whose connection may still be bound). */
    private final ThreadPoolExecutor waker;

    private final AtomicInteger running = new AtomicInteger();
    private final String node;
    private volatile boolean stopping;

    JobRunner(
            JobStore store,
            JobFiles files,
            List<JobHandler> handlers,
            CampaignApi campaigns,
            JobProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            MessageSource messages,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.files = files;
        this.handlers = new HashMap<>();
        for (JobHandler h : handlers) {
            if (this.handlers.put(h.kind(), h) != null) {
                throw new IllegalStateException("two job handlers of kind " + h.kind());
            }
        }
        this.campaigns = campaigns;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.messages = messages;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setName("report.job.finish");
        // progress is written from inside the job's own work, which may hold a read-only snapshot transaction
        this.progressTx = new TransactionTemplate(transactions);
        this.progressTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.progressTx.setName("report.job.progress");
        AtomicInteger threadNo = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                properties.threads(), properties.threads(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "report-job-" + threadNo.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.waker = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1), r -> {
            Thread t = new Thread(r, "report-job-poll");
            t.setDaemon(true);
            return t;
        });
        this.waker.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        this.node = nodeName();
        log.info(
                "后台任务 / background jobs: node {}, {} thread(s), kinds {}, poll every {}, kept {}",
                node,
                properties.threads(),
                this.handlers.keySet(),
                properties.pollInterval(),
                properties.retention());
    }

    /** The kinds this node can run. */
    public boolean knows(String kind) {
        return handlers.containsKey(kind);
    }

    String node() {
        return node;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::poll, properties.pollInterval());
    }

    /**
     * Looks for queued jobs soon, on a thread of its own: called after the commit of a submission, so that the job
     * starts at once on this node when it has a free thread (a wake-up already waiting covers later ones).
     */
    public void wakeUp() {
        if (!stopping) {
            waker.execute(this::poll);
        }
    }

    /** Takes queued jobs while this node has free threads. Safe to call from any thread, any time. */
    public synchronized void poll() {
        try {
            while (!stopping && running.get() < properties.threads()) {
                Optional<JobRow> job = store.claim(node, clock.instant());
                if (job.isEmpty()) {
                    return;
                }
                running.incrementAndGet();
                JobRow row = job.get();
                try {
                    executor.execute(() -> run(row));
                } catch (RuntimeException e) {
                    running.decrementAndGet();
                    fail(row, "report.job.interrupted", List.of());
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            // the database may be briefly away; the next poll tries again
            log.warn("background jobs: could not take a queued job: {}", e.toString());
        }
    }

    private void run(JobRow job) {
        try {
            execute(job);
        } catch (Throwable e) {
            log.error("background job {} ({}) of campaign {} failed", job.id(), job.kind(), job.campaignId(), e);
            String key = "report.job.failed";
            List<String> args = List.of();
            if (e instanceof JobInterrupted) {
                key = "report.job.interrupted";
            } else if (e instanceof DudaoException d) {
                key = d.messageKey();
                args = Arrays.stream(d.args()).map(String::valueOf).toList();
            }
            if (!(e instanceof JobLost)) {
                fail(job, key, args);
            }
        } finally {
            running.decrementAndGet();
        }
        if (!stopping) {
            poll();
        }
    }

    private void execute(JobRow job) throws Exception {
        JobHandler handler = handlers.get(job.kind());
        if (handler == null) {
            fail(job, "report.job.unknownKind", List.of(job.kind()));
            return;
        }
        CampaignView campaign = campaigns.campaign(job.campaignId());
        Progress progress = new Progress(job.id());
        StoredFile stored = files.write(
                job.id(),
                handler.fileName(campaign),
                handler.contentType(),
                out -> handler.write(campaign, out, progress));
        Instant now = clock.instant();
        Instant expires = now.plus(properties.retention());
        Boolean recorded = tx.execute(status -> {
            if (!store.done(job.id(), node, stored, now, expires)) {
                return false;
            }
            String what = kindLabel(job.kind());
            events.publishEvent(Notice.toAccount(
                    NOTICE_KIND,
                    zh("report.job.notice.done", campaign.name(), what),
                    zh("report.job.notice.doneBody", MINUTE.format(expires)),
                    "/campaigns/" + campaign.id() + "/reports",
                    job.requestedByAccount()));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("campaignId", job.campaignId());
            after.put("kind", job.kind());
            after.put("file", stored.fileName());
            after.put("size", stored.size());
            after.put("sha256", stored.sha256());
            events.publishEvent(AuditEvent.success("report.job.done", "report-job", job.id(), null, after)
                    .withActor(actor(job)));
            return true;
        });
        if (!Boolean.TRUE.equals(recorded)) {
            // the sweep gave the job up meanwhile (this node looked stopped): the file belongs to no one
            files.delete(stored.path());
            log.warn("background job {} finished after it was given up; its file was removed", job.id());
        }
    }

    private void fail(JobRow job, String key, List<String> args) {
        try {
            Instant now = clock.instant();
            tx.executeWithoutResult(status -> {
                if (!store.failed(job.id(), node, key, args, now, now.plus(properties.retention()))) {
                    return;
                }
                CampaignView campaign = campaigns.campaign(job.campaignId());
                events.publishEvent(Notice.toAccount(
                        NOTICE_KIND,
                        zh("report.job.notice.failed", campaign.name(), kindLabel(job.kind())),
                        messages.getMessage(key, args.toArray(), key, Locale.SIMPLIFIED_CHINESE),
                        "/campaigns/" + campaign.id() + "/reports",
                        job.requestedByAccount()));
                events.publishEvent(new AuditEvent(
                                "report.job.failed",
                                "report-job",
                                String.valueOf(job.id()),
                                AuditEvent.Outcome.FAILURE,
                                null,
                                Map.of("campaignId", job.campaignId(), "kind", job.kind()),
                                key,
                                null)
                        .withActor(actor(job)));
            });
        } catch (RuntimeException e) {
            log.error("background job {}: could not record the failure", job.id(), e);
        }
    }

    private static AuditEvent.Actor actor(JobRow job) {
        return new AuditEvent.Actor(
                job.requestedByAccount(), job.requestedBy(), job.requestedUnitId(), job.requestedRoles());
    }

    private String kindLabel(String kind) {
        return messages.getMessage("report.job.kind." + kind, null, kind, Locale.SIMPLIFIED_CHINESE);
    }

    /** Notices are stored as written: Chinese first (see {@link Notice}). */
    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        waker.shutdownNow();
        executor.shutdown();
        if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        String name = host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** The job is no longer this node's (the sweep gave it up): stop without recording anything. */
    static final class JobLost extends RuntimeException {
        JobLost(long id) {
            super("job " + id + " is no longer run by this node");
        }
    }

    /** The node is stopping. */
    static final class JobInterrupted extends RuntimeException {
        JobInterrupted() {
            super("the node is stopping");
        }
    }

    /** Writes a job's progress to its row, throttled; stops the work when the node stops or loses the job. */
    private final class Progress implements JobProgress {
        private final long id;
        private long lastWrite = System.nanoTime();
        private int lastPercent = -1;

        Progress(long id) {
            this.id = id;
        }

        @Override
        public void report(int percent, String messageKey, Object... args) {
            if (stopping) {
                throw new JobInterrupted();
            }
            long t = System.nanoTime();
            long since = t - lastWrite;
            if (since < WRITE_EVERY_NANOS || (percent == lastPercent && since < HEARTBEAT_NANOS)) {
                return;
            }
            lastWrite = t;
            lastPercent = percent;
            List<String> strings = Arrays.stream(args)
                    .map(a -> a instanceof Number n
                            ? String.format(Locale.ROOT, "%,d", n.longValue())
                            : String.valueOf(a))
                    .toList();
            Boolean mine = progressTx.execute(
                    status -> store.progress(id, node, percent, messageKey, strings, clock.instant()));
            if (!Boolean.TRUE.equals(mine)) {
                throw new JobLost(id);
            }
        }
    }
}
