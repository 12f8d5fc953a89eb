package org.dudao.calendar.domain;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar in memory, so that a working-day question costs no query.
 *
 * <p>Freshness, with several application nodes: a change made on this node drops the picture when its
 * transaction commits (the next question reloads, so the office sees its own change at once). Changes made on
 * another node are noticed through the one-row {@code calendar_revision} that every change bumps: at most
 * every {@link #CHECK_INTERVAL} one caller reads that number (a primary-key lookup) and the calendar reloads
 * only when it moved. So another node answers with the new calendar at most 10 seconds after the change;
 * meanwhile callers never wait for the check (one thread checks, the others keep the current picture).
 *
 * <p>Reads run in their own read-only, repeatable-read transaction: the picture is consistent and never holds
 * a caller's uncommitted work.
 */
@Component
public class CalendarCache {

    static final Duration CHECK_INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(CalendarCache.class);

    private record Snapshot(long revision, WorkingCalendar calendar, long checkedAt) {}

    private final CalendarStore store;
    private final TransactionTemplate readTransaction;
    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Snapshot snapshot;

    @Autowired
    CalendarCache(CalendarStore store, PlatformTransactionManager transactions) {
        this(store, transactions, System::nanoTime);
    }

    /** With a clock of its own, for tests. */
    CalendarCache(CalendarStore store, PlatformTransactionManager transactions, LongSupplier nanoTime) {
        this.store = store;
        this.nanoTime = nanoTime;
        this.readTransaction = new TransactionTemplate(transactions);
        readTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        readTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        readTransaction.setReadOnly(true);
        readTransaction.setName("calendar.read");
    }

    /** The current calendar: from memory, checked against the database at most every 10 seconds. */
    public WorkingCalendar current() {
        Snapshot s = snapshot;
        long now = nanoTime.getAsLong();
        if (s != null && now - s.checkedAt() < CHECK_INTERVAL.toNanos()) {
            return s.calendar();
        }
        if (s != null) {
            if (!lock.tryLock()) {
                return s.calendar(); // another caller is checking right now
            }
        } else {
            lock.lock();
        }
        try {
            return refresh().calendar();
        } finally {
            lock.unlock();
        }
    }

    /** Drops the picture when the current transaction commits (at once without a transaction). */
    public void invalidateAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidate();
                }
            });
        } else {
            invalidate();
        }
    }

    void invalidate() {
        lock.lock();
        try {
            snapshot = null;
        } finally {
            lock.unlock();
        }
    }

    private Snapshot refresh() {
        Snapshot s = snapshot;
        long now = nanoTime.getAsLong();
        if (s != null && now - s.checkedAt() < CHECK_INTERVAL.toNanos()) {
            return s; // refreshed by the caller that held the lock before us
        }
        Snapshot fresh = readTransaction.execute(tx -> {
            long revision = store.revision();
            if (s != null && s.revision() == revision) {
                return new Snapshot(revision, s.calendar(), now);
            }
            WorkingCalendar calendar = store.read();
            log.debug("calendar loaded: revision {}, {}–{}", revision, calendar.firstYear(), calendar.lastYear());
            return new Snapshot(revision, calendar, now);
        });
        snapshot = fresh;
        return fresh;
    }
}
