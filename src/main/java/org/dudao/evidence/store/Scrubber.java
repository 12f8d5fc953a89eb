package org.dudao.evidence.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** The scrub every store shares: each listed blob is opened and read to the end, where the stream verifies it. */
final class Scrubber {

    private Scrubber() {}

    static ScrubReport scrub(BlobStore store, Collection<String> expected) throws IOException {
        LinkedHashSet<String> wanted = new LinkedHashSet<>();
        for (String sha256 : expected) {
            wanted.add(Sha256.requireValid(sha256));
        }
        List<String> corrupt = new ArrayList<>();
        long[] checked = {0};
        long[] bytes = {0};
        byte[] buffer = new byte[Staging.BUFFER_BYTES];
        try {
            store.forEachBlob(sha256 -> {
                try (InputStream in = store.open(sha256)) {
                    long n = 0;
                    try {
                        for (int r; (r = in.read(buffer)) >= 0; ) {
                            n += r;
                        }
                    } catch (CorruptBlobException e) {
                        corrupt.add(sha256);
                    }
                    checked[0]++;
                    bytes[0] += n;
                } catch (MissingBlobException deletedMeanwhile) {
                    // removed between listing and opening: nothing to check
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> missing = new ArrayList<>();
        for (String sha256 : wanted) {
            if (!store.exists(sha256)) {
                missing.add(sha256);
            }
        }
        return new ScrubReport(checked[0], bytes[0], corrupt, missing);
    }
}
