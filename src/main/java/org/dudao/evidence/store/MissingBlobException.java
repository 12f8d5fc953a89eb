package org.dudao.evidence.store;

import java.io.IOException;

/** Nothing is stored under the hash. */
public class MissingBlobException extends IOException {

    private final String sha256;

    public MissingBlobException(String sha256) {
        super("Blob " + sha256 + " is not stored");
        this.sha256 = sha256;
    }

    public String sha256() {
        return sha256;
    }
}
