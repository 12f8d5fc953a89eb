package org.dudao.audit.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeSet;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * 审计日志: writes every {@link AuditEvent} to the hash chain.
 *
 * <p>The listener is synchronous. In a read-write transaction the record is written in that
 * transaction, so a change that rolls back leaves no record. Without a transaction, or in a read-only
 * one (denials while reading), the record is written in a transaction of its own. A {@code DENIED} or
 * {@code FAILURE} record must survive the rollback of the request that caused it (ADR 6): it is
 * written in the current transaction and, if that transaction rolls back, written again in a new one
 * after the rollback.
 *
 * <p>Appending locks the chain head ({@code audit_chain_head}) until the transaction ends, so that
 * records form one gap-free sequence.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /** The actor of work that no user started (start-up, schedules). */
    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public AuditLog(JdbcClient jdbc, ObjectMapper json, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction.setName("audit.append");
    }

    @EventListener
    public void on(AuditEvent event) {
        AuditRecord draft = draftOf(event);
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            appendInOwnTransaction(draft);
            return;
        }
        append(draft);
        if (!AuditEvent.Outcome.SUCCESS.name().equals(draft.outcome())
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        try {
                            appendInOwnTransaction(draft);
                        } catch (RuntimeException e) {
                            log.error("could not keep audit record {} after rollback", draft.action(), e);
                        }
                    }
                }
            });
        }
    }

    private void appendInOwnTransaction(AuditRecord draft) {
        ownTransaction.executeWithoutResult(status -> {
            // never wait forever for the chain head (e.g. held by a suspended transaction of this thread)
            jdbc.sql("set local lock_timeout = '30s'").update();
            append(draft);
        });
    }

    /** Appends to the chain in the current transaction; returns the stored record. */
    AuditRecord append(AuditRecord draft) {
        Map<String, Object> head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
                .query()
                .singleRow();
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        AuditRecord r = draft.chained(seq, (String) head.get("last_hash"));
        jdbc.sql("insert into audit_record (" + AuditRows.COLUMNS + ") values (:seq, :occurredAt, :actorAccountId,"
                        + " :actorUsername, :actorUnitId, :actorRoles, :action, :objectType, :objectId, :outcome,"
                        + " :clientAddress, :requestId, :beforeData, :afterData, :detail, :prevHash, :hash)")
                .param("seq", r.seq())
                .param("occurredAt", r.occurredAt().atOffset(ZoneOffset.UTC))
                .param("actorAccountId", r.actorAccountId())
                .param("actorUsername", r.actorUsername())
                .param("actorUnitId", r.actorUnitId())
                .param("actorRoles", r.actorRoles())
                .param("action", r.action())
                .param("objectType", r.objectType())
                .param("objectId", r.objectId())
                .param("outcome", r.outcome())
                .param("clientAddress", r.clientAddress())
                .param("requestId", r.requestId())
                .param("beforeData", r.beforeData())
                .param("afterData", r.afterData())
                .param("detail", r.detail())
                .param("prevHash", r.prevHash())
                .param("hash", r.hash())
                .update();
        jdbc.sql("update audit_chain_head set last_seq = :seq, last_hash = :hash where id = 1")
                .param("seq", r.seq())
                .param("hash", r.hash())
                .update();
        return r;
    }

    /** Who, when and from where, taken in the publishing thread. */
    AuditRecord draftOf(AuditEvent e) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Long accountId = null;
        String username;
        Long unitId = null;
        String roles = null;
        if (e.actor() != null) {
            accountId = e.actor().accountId();
            username = e.actor().username();
            unitId = e.actor().unitId();
            roles = e.actor().roles();
        } else {
            CurrentUser user = CurrentUser.current().orElse(null);
            if (user != null) {
                accountId = user.accountId();
                username = user.username();
                unitId = user.unitId();
                roles = user.roles() == null ? null : String.join(",", new TreeSet<>(user.roles()));
            } else {
                username = SYSTEM;
            }
        }
        return AuditRecord.draft(
                now,
                accountId,
                username,
                unitId,
                roles,
                e.action(),
                e.objectType(),
                e.objectId(),
                e.outcome() == null
                        ? AuditEvent.Outcome.SUCCESS.name()
                        : e.outcome().name(),
                clientAddress(),
                RequestIdFilter.currentRequestId(),
                toJson(e.before()),
                toJson(e.after()),
                e.detail());
    }

    private String toJson(Object snapshot) {
        if (snapshot == null) {
            return null;
        }
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            // a snapshot that cannot be serialised is a programming error; keep the record anyway
            log.warn("audit snapshot of type {} is not serialisable: {}", snapshot.getClass(), e.getMessage());
            return "{\"unserialisable\":\"" + snapshot.getClass().getSimpleName() + "\"}";
        }
    }

    private static String clientAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
