package org.dudao.audit.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.RowMapper;

/** Reading {@code audit_record} rows. */
final class AuditRows {

    static final String COLUMNS = "seq, occurred_at, actor_account_id, actor_username, actor_unit_id, actor_roles,"
            + " action, object_type, object_id, outcome, client_address, request_id, before_data, after_data,"
            + " detail, prev_hash, hash";

    static final RowMapper<AuditRecord> MAPPER = AuditRows::map;

    private AuditRows() {}

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(
                rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("actor_account_id", Long.class),
                rs.getString("actor_username"),
                rs.getObject("actor_unit_id", Long.class),
                rs.getString("actor_roles"),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                rs.getString("outcome"),
                rs.getString("client_address"),
                rs.getString("request_id"),
                rs.getString("before_data"),
                rs.getString("after_data"),
                rs.getString("detail"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
