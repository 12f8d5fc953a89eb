package org.dudao.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    static final Instant AT = Instant.parse("2026-03-01T02:03:04.123456Z");

    static AuditRecord base() {
        return new AuditRecord(
                7,
                AT,
                11L,
                "张三",
                3L,
                "OFFICE_ADMIN",
                "organization.unit.update",
                "unit",
                "42",
                "SUCCESS",
                "10.0.0.1",
                "req-12345678",
                "{\"name\":\"旧\"}",
                "{\"name\":\"新\"}",
                "detail",
                "a".repeat(64),
                null);
    }

    @Test
    void sameInput_givesTheSameHash() {
        assertThat(AuditHash.of(base()))
                .isEqualTo(AuditHash.of(base()))
                .hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void theStoredHashFieldIsNotPartOfTheHash() {
        assertThat(AuditHash.of(base().withHash("f".repeat(64)))).isEqualTo(AuditHash.of(base()));
    }

    @Test
    void changingAnyField_changesTheHash() {
        AuditRecord b = base();
        List<AuditRecord> variants = List.of(
                b,
                rec(b, "b".repeat(64), b.seq(), b.occurredAt(), b.actorAccountId(), b.actorUsername()),
                rec(b, b.prevHash(), 8, b.occurredAt(), b.actorAccountId(), b.actorUsername()),
                rec(b, b.prevHash(), b.seq(), AT.plusNanos(1_000), b.actorAccountId(), b.actorUsername()),
                rec(b, b.prevHash(), b.seq(), b.occurredAt(), 12L, b.actorUsername()),
                rec(b, b.prevHash(), b.seq(), b.occurredAt(), b.actorAccountId(), "李四"),
                with(b, 4L, b.actorRoles(), b.action(), b.objectType(), b.objectId(), b.outcome()),
                with(b, b.actorUnitId(), "TARGET", b.action(), b.objectType(), b.objectId(), b.outcome()),
                with(
                        b,
                        b.actorUnitId(),
                        b.actorRoles(),
                        "organization.unit.delete",
                        b.objectType(),
                        b.objectId(),
                        b.outcome()),
                with(b, b.actorUnitId(), b.actorRoles(), b.action(), "account", b.objectId(), b.outcome()),
                with(b, b.actorUnitId(), b.actorRoles(), b.action(), b.objectType(), "43", b.outcome()),
                with(b, b.actorUnitId(), b.actorRoles(), b.action(), b.objectType(), b.objectId(), "DENIED"),
                tail(b, "10.0.0.2", b.requestId(), b.beforeData(), b.afterData(), b.detail()),
                tail(b, b.clientAddress(), "req-87654321", b.beforeData(), b.afterData(), b.detail()),
                tail(b, b.clientAddress(), b.requestId(), "{\"name\":\"旧 \"}", b.afterData(), b.detail()),
                tail(b, b.clientAddress(), b.requestId(), b.beforeData(), "{\"name\":\"新新\"}", b.detail()),
                tail(b, b.clientAddress(), b.requestId(), b.beforeData(), b.afterData(), "detail."));
        Set<String> hashes = new HashSet<>();
        variants.forEach(v -> hashes.add(AuditHash.of(v)));
        assertThat(hashes).hasSize(variants.size());
    }

    @Test
    void nullAndEmptyDiffer() {
        AuditRecord b = base();
        AuditRecord nullDetail = tail(b, b.clientAddress(), b.requestId(), b.beforeData(), b.afterData(), null);
        AuditRecord emptyDetail = tail(b, b.clientAddress(), b.requestId(), b.beforeData(), b.afterData(), "");
        assertThat(AuditHash.of(nullDetail)).isNotEqualTo(AuditHash.of(emptyDetail));
        AuditRecord nullObject =
                with(b, b.actorUnitId(), b.actorRoles(), b.action(), b.objectType(), null, b.outcome());
        AuditRecord emptyObject = with(b, b.actorUnitId(), b.actorRoles(), b.action(), b.objectType(), "", b.outcome());
        assertThat(AuditHash.of(nullObject)).isNotEqualTo(AuditHash.of(emptyObject));
        // "null" the text is not null the value
        AuditRecord textNull =
                with(b, b.actorUnitId(), b.actorRoles(), b.action(), b.objectType(), "null", b.outcome());
        assertThat(AuditHash.of(textNull)).isNotEqualTo(AuditHash.of(nullObject));
    }

    @Test
    void movingTextBetweenNeighbouringFields_changesTheHash() {
        AuditRecord b = base();
        AuditRecord left = with(b, b.actorUnitId(), b.actorRoles(), b.action(), "ab", "c", b.outcome());
        AuditRecord right = with(b, b.actorUnitId(), b.actorRoles(), b.action(), "a", "bc", b.outcome());
        AuditRecord separatorInside = with(b, b.actorUnitId(), b.actorRoles(), b.action(), "a;S1:b", null, b.outcome());
        AuditRecord separatorOutside = with(b, b.actorUnitId(), b.actorRoles(), b.action(), "a", "b", b.outcome());
        assertThat(AuditHash.of(left)).isNotEqualTo(AuditHash.of(right));
        assertThat(AuditHash.of(separatorInside)).isNotEqualTo(AuditHash.of(separatorOutside));
    }

    /**
     * Pins canonical form version 1: records already stored must verify with every later version of
     * the code. If this fails, the hash format changed — do not update the value, add a new version.
     */
    @Test
    void canonicalFormVersion1_isStable() {
        AuditRecord first = new AuditRecord(
                1,
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                "system",
                null,
                null,
                "identity.setup",
                null,
                null,
                "SUCCESS",
                null,
                null,
                null,
                null,
                "",
                AuditRecord.GENESIS,
                null);
        assertThat(AuditHash.of(first)).isEqualTo(PINNED);
    }

    /** Computed independently from the canonical form described in {@link AuditHash} (Python hashlib). */
    static final String PINNED = "4a9fcbfb9a73490fcc1b1e976d926506e0ca62948b3ebcf3e6fde48aa7b5b086";

    @Test
    void microsecondsSinceTheEpoch() {
        assertThat(AuditHash.epochMicros(Instant.parse("1970-01-01T00:00:01.000002Z")))
                .isEqualTo(1_000_002L);
        assertThat(AuditHash.epochMicros(Instant.parse("1969-12-31T23:59:59.999999Z")))
                .isEqualTo(-1L);
    }

    @Test
    void valuesAreClippedToTheColumn_countingCharactersNotBytes() {
        assertThat(AuditRecord.clip("审".repeat(2000), 2000)).hasSize(2000);
        String clipped = AuditRecord.clip("审".repeat(2001), 2000);
        assertThat(clipped.codePointCount(0, clipped.length())).isEqualTo(2000);
        assertThat(clipped).endsWith("…");
        String emoji = "😀".repeat(70); // two chars each, one code point
        String cut = AuditRecord.clip(emoji, 64);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(64);
        assertThat(cut).doesNotContain("\uFFFD");
        assertThat(AuditRecord.clip(null, 10)).isNull();
        assertThat(AuditRecord.clip("", 10)).isEmpty();
    }

    @Test
    void textThatPostgresCannotStore_isReplacedBeforeHashing() {
        assertThat(AuditRecord.storable("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(AuditRecord.storable("x\uD83D")).isEqualTo("x\uFFFD");
        assertThat(AuditRecord.storable("\uDE00y")).isEqualTo("\uFFFDy");
        assertThat(AuditRecord.storable("好😀")).isEqualTo("好😀");
    }

    @Test
    void aDraftPlacedInTheChain_carriesItsOwnHash() {
        AuditRecord draft = AuditRecord.draft(
                AT, 1L, "u", 2L, "R", "a.b", "t", "1", "SUCCESS", null, null, null, null, "x".repeat(2500));
        AuditRecord chained = draft.chained(5, AuditRecord.GENESIS);
        assertThat(chained.seq()).isEqualTo(5);
        assertThat(chained.prevHash()).isEqualTo(AuditRecord.GENESIS);
        assertThat(chained.detail()).hasSize(2000);
        assertThat(chained.hash()).isEqualTo(AuditHash.of(chained));
    }

    private static AuditRecord rec(
            AuditRecord b, String prevHash, long seq, Instant at, Long accountId, String username) {
        return new AuditRecord(
                seq,
                at,
                accountId,
                username,
                b.actorUnitId(),
                b.actorRoles(),
                b.action(),
                b.objectType(),
                b.objectId(),
                b.outcome(),
                b.clientAddress(),
                b.requestId(),
                b.beforeData(),
                b.afterData(),
                b.detail(),
                prevHash,
                null);
    }

    private static AuditRecord with(
            AuditRecord b,
            Long unitId,
            String roles,
            String action,
            String objectType,
            String objectId,
            String outcome) {
        return new AuditRecord(
                b.seq(),
                b.occurredAt(),
                b.actorAccountId(),
                b.actorUsername(),
                unitId,
                roles,
                action,
                objectType,
                objectId,
                outcome,
                b.clientAddress(),
                b.requestId(),
                b.beforeData(),
                b.afterData(),
                b.detail(),
                b.prevHash(),
                null);
    }

    private static AuditRecord tail(
            AuditRecord b, String clientAddress, String requestId, String before, String after, String detail) {
        return new AuditRecord(
                b.seq(),
                b.occurredAt(),
                b.actorAccountId(),
                b.actorUsername(),
                b.actorUnitId(),
                b.actorRoles(),
                b.action(),
                b.objectType(),
                b.objectId(),
                b.outcome(),
                clientAddress,
                requestId,
                before,
                after,
                detail,
                b.prevHash(),
                null);
    }
}
