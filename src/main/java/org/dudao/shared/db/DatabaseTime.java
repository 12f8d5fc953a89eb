package org.dudao.shared.db;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The database's clock. Deadlines that decide whether a target may still change its evidence are
 * checked against it, so that every application node agrees on the time and a node's wrong clock
 * cannot reopen a closed submission.
 */
@Component
public class DatabaseTime {

    private final JdbcClient jdbc;

    public DatabaseTime(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Instant now() {
        return jdbc.sql("select clock_timestamp()")
                .query(Timestamp.class)
                .single()
                .toInstant();
    }
}
