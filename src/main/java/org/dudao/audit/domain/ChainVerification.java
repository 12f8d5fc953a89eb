package org.dudao.audit.domain;

import java.io.Serializable;

/**
 * 校验结果: the outcome of walking the hash chain.
 *
 * @param checked how many records were found intact (all of them when OK; those before the broken
 *     one otherwise)
 * @param lastSeq the sequence number of the chain head when the walk started
 * @param brokenSeq the first broken (or missing) record's sequence number, or null when OK
 * @param problem why it is broken, or null when OK
 */
public record ChainVerification(long checked, long lastSeq, Long brokenSeq, Problem problem) implements Serializable {

    /** Why a record breaks the chain. */
    public enum Problem {
        /** The record's content does not give its stored hash: it was changed. */
        HASH_MISMATCH,
        /** The record does not follow the previous record's hash. */
        BROKEN_LINK,
        /** A sequence number is missing: a record was deleted. */
        MISSING_RECORD,
        /** The last record is not the one the chain head names: the tail was rewritten. */
        HEAD_MISMATCH
    }

    static ChainVerification ok(long checked, long lastSeq) {
        return new ChainVerification(checked, lastSeq, null, null);
    }

    static ChainVerification broken(long checked, long lastSeq, long seq, Problem problem) {
        return new ChainVerification(checked, lastSeq, seq, problem);
    }

    public boolean isOk() {
        return problem == null;
    }
}
