package org.dudao.support;

import java.time.Duration;
import java.time.Instant;
import org.dudao.shared.db.DatabaseTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database clock, movable by tests: windows that Dudao checks on the database's time (deadlines,
 * review windows) can be tested on a chosen day. Offset zero unless a test sets it; tests reset it.
 */
public class MutableDatabaseTime extends DatabaseTime {

    private volatile Duration offset = Duration.ZERO;

    public MutableDatabaseTime(JdbcClient jdbc) {
        super(jdbc);
    }

    /** From now on the database clock reads {@code at} (and runs on from there). */
    public void setTo(Instant at) {
        offset = Duration.between(super.now(), at);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant now() {
        return super.now().plus(offset);
    }
}
