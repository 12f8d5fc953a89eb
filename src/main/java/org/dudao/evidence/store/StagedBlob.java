package org.dudao.evidence.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes received and fsynced in the store's local staging directory, not yet stored under their hash. Pass it to
 * {@link BlobStore#commit}; {@link #close} removes the temporary file if it is still there (after a commit it is gone,
 * so closing is always safe — use try-with-resources).
 *
 * @param tempFile the temporary file in the staging directory
 * @param sha256 lowercase hex SHA-256 of the content
 * @param size number of bytes, at least 1
 */
public record StagedBlob(Path tempFile, String sha256, long size) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StagedBlob.class);

    public StagedBlob {
        Objects.requireNonNull(tempFile, "tempFile");
        Sha256.requireValid(sha256);
        if (size < 1) {
            throw new IllegalArgumentException("A staged blob has at least one byte");
        }
    }

    /** Deletes the temporary file if it still exists; a file that cannot be deleted is left to the sweep. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(tempFile);
        } catch (IOException e) {
            log.warn("Could not delete staged file {}; the sweep will remove it", tempFile, e);
        }
    }
}
