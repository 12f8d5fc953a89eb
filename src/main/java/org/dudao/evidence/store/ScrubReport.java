package org.dudao.evidence.store;

import java.util.List;

/**
 * What a {@link BlobStore#scrub scrub} found.
 *
 * @param checked number of stored blobs re-hashed
 * @param bytes number of bytes re-hashed
 * @param corrupt hashes whose stored bytes no longer hash to the name
 * @param missing expected hashes that are not stored
 */
public record ScrubReport(long checked, long bytes, List<String> corrupt, List<String> missing) {

    public ScrubReport {
        corrupt = List.copyOf(corrupt);
        missing = List.copyOf(missing);
    }

    /** Whether every stored blob is intact and every expected blob is there. */
    public boolean clean() {
        return corrupt.isEmpty() && missing.isEmpty();
    }
}
