package org.dudao.evidence.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.dudao.evidence.store.BlobStore;
import org.dudao.evidence.store.ScrubReport;
import org.dudao.evidence.store.SweepReport;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeping the store and the database in step. {@link #sweep} removes bytes no row names (left by a
 * crash between writing a file and committing its row, or by a refused upload) once they are older
 * than the grace period, and abandoned chunked uploads; {@link #scrub} re-hashes every stored file and
 * reports those whose bytes changed and those the database names but the store lacks.
 */
@Service
public class EvidenceMaintenance {

    private static final Logger log = LoggerFactory.getLogger(EvidenceMaintenance.class);
    static final Duration GRACE = Duration.ofHours(6);

    private final BlobStore store;
    private final EvidenceRepository repo;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Path uploads;

    EvidenceMaintenance(
            BlobStore store,
            EvidenceRepository repo,
            ApplicationEventPublisher events,
            Clock clock,
            DudaoProperties properties) {
        this.store = store;
        this.repo = repo;
        this.events = events;
        this.clock = clock;
        this.uploads = properties.dataDir().resolve("uploads");
    }

    /** Every night at 03:17 (Asia/Shanghai). */
    @Scheduled(cron = "0 17 3 * * *", zone = "Asia/Shanghai")
    public void nightly() {
        SweepReport r = sweep(GRACE);
        log.info("证据文件清理 / evidence sweep: {}", r);
    }

    public SweepReport sweep(Duration grace) {
        Instant now = clock.instant();
        try {
            int abandoned = 0;
            for (UUID id : repo.staleUploads(now.minus(Duration.ofDays(1)))) {
                Files.deleteIfExists(uploads.resolve(id + ".part"));
                repo.deleteUpload(id);
                abandoned++;
            }
            SweepReport report = store.sweep(repo::blobReferenced, grace, now);
            if (abandoned > 0 || report.deleted() > 0 || report.stagingDeleted() > 0) {
                // files leave the store: say so in the audit log, with what was removed
                events.publishEvent(AuditEvent.success(
                        "evidence.sweep",
                        "evidence-store",
                        null,
                        null,
                        java.util.Map.of("report", report, "abandonedUploads", abandoned)));
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ScrubReport scrub() {
        try {
            ScrubReport report = store.scrub(repo.allBlobHashes());
            events.publishEvent(new AuditEvent(
                    "evidence.scrub",
                    "evidence-store",
                    null,
                    report.corrupt().isEmpty() && report.missing().isEmpty()
                            ? AuditEvent.Outcome.SUCCESS
                            : AuditEvent.Outcome.FAILURE,
                    null,
                    report,
                    null,
                    null));
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
