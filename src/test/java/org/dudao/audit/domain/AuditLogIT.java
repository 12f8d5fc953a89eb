package org.dudao.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dudao.audit.AuditTestUsers;
import org.dudao.shared.audit.AuditEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles("test")
class AuditLogIT {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ChainVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    final String prefix = "test." + UUID.randomUUID().toString().substring(0, 8) + ".";

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void publishedEvents_areAppendedInOrder_withTheirActor_andTheChainVerifies() {
        AuditTestUsers.signIn(AuditTestUsers.authentication(AuditTestUsers.user(
                501, "张三", 12, Set.of("OFFICE_ADMIN", "ASSESSOR"), Set.of("organization:unit:write"), false)));
        events.publishEvent(
                AuditEvent.success(prefix + "update", "unit", 42, Map.of("name", "旧名"), new Snapshot("新名", 3)));
        events.publishEvent(AuditEvent.denied(prefix + "read", "unit", 43, "outside data scope"));
        events.publishEvent(new AuditEvent(
                        prefix + "login", "account", null, AuditEvent.Outcome.FAILURE, null, null, "unknown user", null)
                .withActor(new AuditEvent.Actor(null, "typed-name", null, null)));
        SecurityContextHolder.clearContext();
        events.publishEvent(AuditEvent.success(prefix + "startup", null, null, null, null));

        List<AuditRecord> rows = records(prefix);
        assertThat(rows)
                .extracting(AuditRecord::action)
                .containsExactly(prefix + "update", prefix + "read", prefix + "login", prefix + "startup");

        AuditRecord update = rows.get(0);
        assertThat(update.actorAccountId()).isEqualTo(501L);
        assertThat(update.actorUsername()).isEqualTo("张三");
        assertThat(update.actorUnitId()).isEqualTo(12L);
        assertThat(update.actorRoles()).isEqualTo("ASSESSOR,OFFICE_ADMIN");
        assertThat(update.objectType()).isEqualTo("unit");
        assertThat(update.objectId()).isEqualTo("42");
        assertThat(update.outcome()).isEqualTo("SUCCESS");
        assertThat(update.beforeData()).isEqualTo("{\"name\":\"旧名\"}");
        assertThat(update.afterData()).isEqualTo("{\"name\":\"新名\",\"level\":3}");
        assertThat(update.occurredAt().getNano() % 1_000).isZero();

        assertThat(rows.get(1).outcome()).isEqualTo("DENIED");
        assertThat(rows.get(1).detail()).isEqualTo("outside data scope");

        AuditRecord login = rows.get(2);
        assertThat(login.actorUsername()).isEqualTo("typed-name");
        assertThat(login.actorAccountId()).isNull();
        assertThat(login.outcome()).isEqualTo("FAILURE");

        AuditRecord startup = rows.get(3);
        assertThat(startup.actorUsername()).isEqualTo("system");
        assertThat(startup.actorAccountId()).isNull();
        assertThat(startup.actorRoles()).isNull();

        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).prevHash()).isNotEqualTo(AuditRecord.GENESIS);
            assertThat(rows.get(i).seq()).isGreaterThan(rows.get(i - 1).seq());
        }
        rows.forEach(r -> assertThat(AuditHash.of(r)).isEqualTo(r.hash()));
        assertThat(headSeq()).isGreaterThanOrEqualTo(rows.get(3).seq());

        ChainVerification result = verifier.verify();
        assertThat(result.isOk()).as("verification %s", result).isTrue();
        assertThat(result.checked()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aRecordWrittenInATransactionThatRollsBack_isNotKept() {
        long head = headSeq();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(AuditEvent.success(prefix + "change", "unit", 1, null, null));
            assertThat(records(prefix)).hasSize(1); // visible inside the transaction
            status.setRollbackOnly();
        });
        assertThat(records(prefix)).isEmpty();
        assertThat(headSeq()).isEqualTo(head);
        assertThat(verifier.verify().isOk()).isTrue();
    }

    @Test
    void aRecordWrittenInATransactionThatCommits_isKept() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(AuditEvent.success(prefix + "change", "unit", 1, null, null));
            events.publishEvent(AuditEvent.success(prefix + "change", "unit", 2, null, null));
        });
        assertThat(records(prefix)).extracting(AuditRecord::objectId).containsExactly("1", "2");
    }

    @Test
    void anEventPublishedInAReadOnlyTransaction_isStillRecorded() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> {
            assertThat(TransactionSynchronizationManager.isCurrentTransactionReadOnly())
                    .isTrue();
            events.publishEvent(AuditEvent.denied(prefix + "read", "unit", 9, "outside data scope"));
        });
        assertThat(records(prefix)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("DENIED");
            assertThat(r.objectId()).isEqualTo("9");
        });
    }

    @Test
    void aDenialSurvivesTheRollbackOfTheRequestThatCausedIt() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    events.publishEvent(AuditEvent.success(prefix + "partial", "unit", 1, null, null));
                    events.publishEvent(AuditEvent.denied(prefix + "denied", "unit", 2, "outside data scope"));
                    throw new IllegalStateException("404 for the out-of-scope unit");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(records(prefix)).extracting(AuditRecord::action).containsExactly(prefix + "denied");
        assertThat(verifier.verify().isOk()).isTrue();
    }

    @Test
    void concurrentAppends_formAGapFreeChainThatVerifies() throws Exception {
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    TransactionTemplate tx = new TransactionTemplate(transactions);
                    for (int i = 0; i < perThread; i++) {
                        int n = i;
                        AuditEvent event = AuditEvent.success(prefix + "concurrent", "thread", thread, null, n);
                        if (n % 2 == 0) {
                            tx.executeWithoutResult(s -> events.publishEvent(event)); // joins a transaction
                        } else {
                            events.publishEvent(event); // its own transaction
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        List<AuditRecord> rows = records(prefix);
        assertThat(rows).hasSize(threads * perThread);
        assertThat(rows).extracting(AuditRecord::seq).doesNotHaveDuplicates();
        long gaps = jdbc.sql("select count(*) from (select seq - lag(seq) over (order by seq) as step"
                        + " from audit_record) s where step <> 1")
                .query(Long.class)
                .single();
        assertThat(gaps).isZero();
        ChainVerification result = verifier.verify();
        assertThat(result.isOk()).as("verification %s", result).isTrue();
        assertThat(result.checked()).isEqualTo(result.lastSeq());
    }

    @Test
    void overLongValues_areStoredClipped_andStillVerify() {
        events.publishEvent(new AuditEvent(
                prefix + "long",
                "t".repeat(100),
                "i".repeat(100),
                AuditEvent.Outcome.SUCCESS,
                null,
                null,
                "说".repeat(3000) + "\u0000",
                new AuditEvent.Actor(1L, "u".repeat(100), 2L, "R".repeat(300))));
        AuditRecord r = records(prefix).get(0);
        assertThat(r.detail()).hasSize(2000).endsWith("…");
        assertThat(r.objectType()).hasSize(64);
        assertThat(r.objectId()).hasSize(64);
        assertThat(r.actorUsername()).hasSize(64);
        assertThat(r.actorRoles()).hasSize(200);
        assertThat(AuditHash.of(r)).isEqualTo(r.hash());
        assertThat(verifier.verify().isOk()).isTrue();
    }

    @Test
    void verifyingTheChain_isItselfAudited() {
        ChainVerification result = verifier.verify();
        AuditRecord last = jdbc.sql("select " + AuditRows.COLUMNS + " from audit_record order by seq desc limit 1")
                .query(AuditRows.MAPPER)
                .single();
        assertThat(last.action()).isEqualTo("audit.chain.verify");
        assertThat(last.outcome()).isEqualTo("SUCCESS");
        assertThat(last.seq()).isEqualTo(result.lastSeq() + 1);
        assertThat(last.detail()).contains("checked " + result.checked());
    }

    private List<AuditRecord> records(String actionPrefix) {
        return jdbc.sql("select " + AuditRows.COLUMNS + " from audit_record where action like :p order by seq")
                .param("p", actionPrefix + "%")
                .query(AuditRows.MAPPER)
                .list();
    }

    private long headSeq() {
        return jdbc.sql("select last_seq from audit_chain_head where id = 1")
                .query(Long.class)
                .single();
    }

    record Snapshot(String name, int level) {}
}
