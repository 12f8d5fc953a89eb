package org.dudao.evidence.store;

import java.io.InputStream;

/**
 * A blob's bytes, re-hashed while they are read: at the end of the stream, bytes that no longer hash to the blob's name
 * raise {@link CorruptBlobException} instead of a normal end. A reader that stops before the end gets no verdict.
 */
final class VerifyingInputStream extends HashingInputStream {

    private final String sha256;

    VerifyingInputStream(InputStream in, String sha256) {
        super(in);
        this.sha256 = Sha256.requireValid(sha256);
    }

    @Override
    protected void atEnd() throws CorruptBlobException {
        String actual = hex();
        if (!actual.equals(sha256)) {
            throw new CorruptBlobException(sha256, actual);
        }
    }
}
