package org.dudao.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.dudao.audit.domain.ChainVerification.Problem;
import org.dudao.shared.audit.AuditEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tampering is found. Each test breaks the chain behind the application's back (as a database
 * superuser would, with triggers off) and repairs it afterwards, so the shared database stays valid.
 */
@SpringBootTest
@ActiveProfiles("test")
class ChainVerifierIT {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ChainVerifier verifier;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    JdbcClient jdbc;

    final String prefix = "test." + UUID.randomUUID().toString().substring(0, 8) + ".";

    @Test
    void anIntactChain_verifies() {
        threeRecords();
        ChainVerification result = verifier.verify();
        assertThat(result.isOk()).as("verification %s", result).isTrue();
        assertThat(result.brokenSeq()).isNull();
        assertThat(result.checked()).isEqualTo(result.lastSeq()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aChangedRecord_isNamedAsTheFirstBrokenOne() {
        List<AuditRecord> three = threeRecords();
        AuditRecord middle = three.get(1);
        withoutTriggers("update audit_record set detail = 'x' where seq = " + middle.seq());
        try {
            ChainVerification result = verifier.verify();
            assertThat(result.isOk()).isFalse();
            assertThat(result.brokenSeq()).isEqualTo(middle.seq());
            assertThat(result.problem()).isEqualTo(Problem.HASH_MISMATCH);
            assertThat(result.checked()).isEqualTo(middle.seq() - 1);
            assertThat(lastRecord().action()).isEqualTo("audit.chain.verify");
            assertThat(lastRecord().outcome()).isEqualTo("FAILURE");
            assertThat(lastRecord().detail()).contains("first broken seq " + middle.seq());
        } finally {
            withoutTriggers("update audit_record set detail = "
                    + (middle.detail() == null ? "null" : "'" + middle.detail() + "'") + " where seq = "
                    + middle.seq());
        }
        assertThat(verifier.verify().isOk()).isTrue();
    }

    @Test
    void aChangedRecordWithARecomputedHash_breaksTheNextLink() {
        List<AuditRecord> three = threeRecords();
        AuditRecord middle = three.get(1);
        AuditRecord forged = new AuditRecord(
                middle.seq(),
                middle.occurredAt(),
                middle.actorAccountId(),
                middle.actorUsername(),
                middle.actorUnitId(),
                middle.actorRoles(),
                middle.action(),
                middle.objectType(),
                middle.objectId(),
                "SUCCESS",
                middle.clientAddress(),
                middle.requestId(),
                middle.beforeData(),
                middle.afterData(),
                "forged",
                middle.prevHash(),
                null);
        String forgedHash = AuditHash.of(forged);
        withoutTriggers(
                "update audit_record set detail = 'forged', hash = '" + forgedHash + "' where seq = " + middle.seq());
        try {
            ChainVerification result = verifier.verify();
            assertThat(result.brokenSeq()).isEqualTo(three.get(2).seq());
            assertThat(result.problem()).isEqualTo(Problem.BROKEN_LINK);
        } finally {
            withoutTriggers("update audit_record set detail = '" + middle.detail() + "', hash = '" + middle.hash()
                    + "' where seq = " + middle.seq());
        }
        assertThat(verifier.verify().isOk()).isTrue();
    }

    @Test
    void aDeletedMiddleRecord_isReportedMissing() {
        List<AuditRecord> three = threeRecords();
        AuditRecord middle = three.get(1);
        withoutTriggers("delete from audit_record where seq = " + middle.seq());
        try {
            ChainVerification result = verifier.verify();
            assertThat(result.isOk()).isFalse();
            assertThat(result.brokenSeq()).isEqualTo(middle.seq());
            assertThat(result.problem()).isEqualTo(Problem.MISSING_RECORD);
        } finally {
            restore(middle);
        }
        assertThat(verifier.verify().isOk()).isTrue();
    }

    @Test
    void theRecordsCannotBeChangedOrDeleted_byTheApplication() {
        long seq = threeRecords().get(0).seq();
        assertThatThrownBy(() -> jdbcTemplate.update("update audit_record set detail = 'x' where seq = ?", seq))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbcTemplate.update("delete from audit_record where seq = ?", seq))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbcTemplate.execute("truncate audit_record"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(verifier.verify().isOk()).isTrue();
    }

    private List<AuditRecord> threeRecords() {
        for (int i = 1; i <= 3; i++) {
            events.publishEvent(new AuditEvent(
                    prefix + "event",
                    "thing",
                    String.valueOf(i),
                    AuditEvent.Outcome.SUCCESS,
                    null,
                    null,
                    "d" + i,
                    null));
        }
        List<AuditRecord> rows = jdbc.sql(
                        "select " + AuditRows.COLUMNS + " from audit_record where action = :a order by seq")
                .param("a", prefix + "event")
                .query(AuditRows.MAPPER)
                .list();
        assertThat(rows).hasSize(3);
        return rows;
    }

    private AuditRecord lastRecord() {
        return jdbc.sql("select " + AuditRows.COLUMNS + " from audit_record order by seq desc limit 1")
                .query(AuditRows.MAPPER)
                .single();
    }

    /** Runs one statement with the append-only triggers off, on a single connection. */
    private void withoutTriggers(String sql) {
        jdbcTemplate.execute((ConnectionCallback<Void>) c -> {
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = replica");
                s.executeUpdate(sql);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("set session_replication_role = origin");
                }
            }
            return null;
        });
    }

    private void restore(AuditRecord r) {
        jdbcTemplate.execute((ConnectionCallback<Void>) c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into audit_record (" + AuditRows.COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 1;
                ps.setLong(i++, r.seq());
                ps.setObject(i++, r.occurredAt().atOffset(ZoneOffset.UTC));
                ps.setObject(i++, r.actorAccountId());
                ps.setString(i++, r.actorUsername());
                ps.setObject(i++, r.actorUnitId());
                ps.setString(i++, r.actorRoles());
                ps.setString(i++, r.action());
                ps.setString(i++, r.objectType());
                ps.setString(i++, r.objectId());
                ps.setString(i++, r.outcome());
                ps.setString(i++, r.clientAddress());
                ps.setString(i++, r.requestId());
                ps.setString(i++, r.beforeData());
                ps.setString(i++, r.afterData());
                ps.setString(i++, r.detail());
                ps.setString(i++, r.prevHash());
                ps.setString(i, r.hash());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
