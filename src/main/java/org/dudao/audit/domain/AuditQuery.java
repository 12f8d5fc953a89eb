package org.dudao.audit.domain;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Searching the audit log: newest first (by sequence), 50 per page, or all matches for an export. */
@Service
public class AuditQuery {

    public static final int PAGE_SIZE = 50;
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;

    public AuditQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page (0-based) of the records that match, newest first. */
    public Page<AuditRecord> search(AuditFilter filter, int page) {
        int number = Math.max(0, page);
        Where where = Where.of(filter);
        long total = count(where);
        List<AuditRecord> rows = total == 0
                ? List.of()
                : jdbc.sql("select " + AuditRows.COLUMNS + " from audit_record" + where.sql
                                + " order by seq desc limit :limit offset :offset")
                        .params(where.params)
                        .param("limit", PAGE_SIZE)
                        .param("offset", (long) number * PAGE_SIZE)
                        .query(AuditRows.MAPPER)
                        .list();
        return new PageImpl<>(rows, PageRequest.of(number, PAGE_SIZE), total);
    }

    /** How many records match. */
    public long count(AuditFilter filter) {
        return count(Where.of(filter));
    }

    /** Hands every matching record to {@code each}, newest first, reading {@value #BATCH} at a time. */
    public void forEach(AuditFilter filter, Consumer<AuditRecord> each) {
        Where where = Where.of(filter);
        long before = Long.MAX_VALUE;
        while (true) {
            List<AuditRecord> batch = jdbc.sql("select " + AuditRows.COLUMNS + " from audit_record"
                            + where.and("seq < :before") + " order by seq desc limit :limit")
                    .params(where.params)
                    .param("before", before)
                    .param("limit", BATCH)
                    .query(AuditRows.MAPPER)
                    .list();
            batch.forEach(each);
            if (batch.size() < BATCH) {
                return;
            }
            before = batch.get(batch.size() - 1).seq();
        }
    }

    private long count(Where where) {
        return jdbc.sql("select count(*) from audit_record" + where.sql)
                .params(where.params)
                .query(Long.class)
                .single();
    }

    /** The where clause of a filter, with named parameters; user text only ever goes into parameters. */
    private record Where(String sql, Map<String, Object> params) {

        static Where of(AuditFilter f) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> params = new LinkedHashMap<>();
            if (f.fromInstant() != null) {
                conditions.add("occurred_at >= :from");
                params.put("from", f.fromInstant().atOffset(ZoneOffset.UTC));
            }
            if (f.toExclusive() != null) {
                conditions.add("occurred_at < :to");
                params.put("to", f.toExclusive().atOffset(ZoneOffset.UTC));
            }
            if (f.actor() != null) {
                conditions.add("actor_username ilike :actor escape '\\'");
                params.put("actor", "%" + escapeLike(f.actor()) + "%");
            }
            if (f.actionPrefix() != null) {
                conditions.add("action like :action escape '\\'");
                params.put("action", escapeLike(f.actionPrefix()) + "%");
            }
            if (f.objectType() != null) {
                conditions.add("object_type = :objectType");
                params.put("objectType", f.objectType());
            }
            if (f.objectId() != null) {
                conditions.add("object_id = :objectId");
                params.put("objectId", f.objectId());
            }
            if (f.outcome() != null) {
                conditions.add("outcome = :outcome");
                params.put("outcome", f.outcome().name());
            }
            String sql = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
            return new Where(sql, params);
        }

        String and(String condition) {
            return sql.isEmpty() ? " where " + condition : sql + " and " + condition;
        }

        private static String escapeLike(String s) {
            return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
