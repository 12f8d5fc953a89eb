package org.dudao.evidence.store;

import java.io.IOException;

/** The bytes stored under a hash no longer hash to it: the blob was damaged at rest or in transit. */
public class CorruptBlobException extends IOException {

    private final String sha256;
    private final String actual;

    public CorruptBlobException(String sha256, String actual) {
        super("Blob " + sha256 + " is corrupt: its content hashes to " + actual);
        this.sha256 = sha256;
        this.actual = actual;
    }

    /** The name (expected hash) of the blob. */
    public String sha256() {
        return sha256;
    }

    /** The hash of the bytes actually read. */
    public String actual() {
        return actual;
    }
}
