package org.dudao.audit.domain;

import java.util.List;
import java.util.Map;
import org.dudao.audit.domain.ChainVerification.Problem;
import org.dudao.shared.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 完整性校验: walks the whole chain in sequence order, {@value #BATCH} records at a time, recomputes every
 * hash, checks that each record follows the previous one's hash and that no sequence number is
 * missing, and names the first broken record. The walk stops at the head as it was when the walk
 * began (records appended meanwhile are checked next time); the head itself must name the last
 * record. Every run is itself audited ({@code audit.chain.verify}).
 */
@Service
public class ChainVerifier {

    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public ChainVerifier(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public ChainVerification verify() {
        ChainVerification result = walk();
        events.publishEvent(new AuditEvent(
                "audit.chain.verify",
                "audit_chain",
                null,
                result.isOk() ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE,
                null,
                null,
                result.isOk()
                        ? "checked " + result.checked() + " records up to seq " + result.lastSeq() + ": OK"
                        : "first broken seq " + result.brokenSeq() + ": " + result.problem() + " (" + result.checked()
                                + " records intact before it, head seq " + result.lastSeq() + ")",
                null));
        return result;
    }

    private ChainVerification walk() {
        // the head is updated in the transaction that appends, so every record up to it is committed
        Map<String, Object> head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
                .query()
                .singleRow();
        long lastSeq = ((Number) head.get("last_seq")).longValue();
        String lastHash = (String) head.get("last_hash");

        long expected = 1;
        String prevHash = AuditRecord.GENESIS;
        long checked = 0;
        while (expected <= lastSeq) {
            List<AuditRecord> batch = jdbc.sql("select " + AuditRows.COLUMNS
                            + " from audit_record where seq >= :from and seq <= :last order by seq limit :limit")
                    .param("from", expected)
                    .param("last", lastSeq)
                    .param("limit", BATCH)
                    .query(AuditRows.MAPPER)
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            for (AuditRecord r : batch) {
                if (r.seq() != expected) {
                    return ChainVerification.broken(checked, lastSeq, expected, Problem.MISSING_RECORD);
                }
                if (!prevHash.equals(r.prevHash())) {
                    return ChainVerification.broken(checked, lastSeq, r.seq(), Problem.BROKEN_LINK);
                }
                if (!AuditHash.of(r).equals(r.hash())) {
                    return ChainVerification.broken(checked, lastSeq, r.seq(), Problem.HASH_MISMATCH);
                }
                prevHash = r.hash();
                expected++;
                checked++;
            }
        }
        if (expected <= lastSeq) {
            return ChainVerification.broken(checked, lastSeq, expected, Problem.MISSING_RECORD);
        }
        if (!prevHash.equals(lastHash)) {
            return ChainVerification.broken(checked, lastSeq, lastSeq, Problem.HEAD_MISMATCH);
        }
        return ChainVerification.ok(checked, lastSeq);
    }
}
