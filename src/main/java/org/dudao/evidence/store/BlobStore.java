package org.dudao.evidence.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Where the bytes of evidence files live, content-addressed: a blob's name is the lowercase hex SHA-256 of its bytes,
 * so equal files are stored once and damage is detectable. Every method that takes a hash rejects anything but 64
 * lowercase hex digits with {@link IllegalArgumentException}.
 *
 * <p>An upload goes: {@link #stage} (bytes to a local temporary file, hashed and fsynced) → {@link #commit} (durable
 * under its hash) → the caller commits its database row naming the hash. A crash between the two leaves an
 * unreferenced blob that {@link #sweep} removes after the grace period; never the other way round (a row naming a blob
 * that is not there).
 */
public interface BlobStore {

    /**
     * Streams {@code in} (not closed) into a new temporary file in the local staging directory, 64 KB at a time,
     * computing its SHA-256 and size on the way, and fsyncs it.
     *
     * @throws TooLargeException as soon as more than {@code maxBytes} arrive (nothing further is read; the temporary
     *     file is deleted)
     * @throws EmptyFileException when {@code in} supplies no byte at all
     */
    StagedBlob stage(InputStream in, long maxBytes) throws IOException;

    /**
     * Like {@link #stage} for a file already on local disk (e.g. assembled upload chunks): moves it into staging and
     * hashes it. When refused as empty or too large before the move, the file stays where it was.
     */
    StagedBlob stageFile(Path existing, long maxBytes) throws IOException;

    /**
     * Makes the staged bytes durable under their hash; call it before committing the database row that names the hash.
     * When the blob is already stored (same hash and size) the temporary file is just deleted. Committing the same
     * staged blob again does nothing.
     */
    void commit(StagedBlob staged) throws IOException;

    /**
     * The blob's bytes. The stream re-hashes what it reads and, at the end, throws {@link CorruptBlobException} instead
     * of reporting the end when the bytes no longer hash to the name.
     *
     * @throws MissingBlobException when nothing is stored under the hash
     */
    InputStream open(String sha256) throws IOException;

    boolean exists(String sha256) throws IOException;

    /**
     * @throws MissingBlobException when nothing is stored under the hash
     */
    long size(String sha256) throws IOException;

    /** Removes the blob; nothing happens when it is not stored. */
    void delete(String sha256) throws IOException;

    /** Calls {@code action} with the hash of every stored blob, one at a time, without collecting them in memory. */
    void forEachBlob(Consumer<String> action) throws IOException;

    /**
     * Re-hashes every stored blob. Reports those whose bytes no longer hash to their name, and the {@code expected}
     * hashes (e.g. all hashes the database names) that are not stored.
     */
    ScrubReport scrub(Collection<String> expected) throws IOException;

    /**
     * Deletes stored blobs that are not referenced and were last modified before {@code now - grace}, and staging files
     * older than that (abandoned uploads). The grace period protects blobs whose database row is not committed yet:
     * {@link #commit} refreshes the modification time of a blob it finds already stored.
     */
    SweepReport sweep(Predicate<String> isReferenced, Duration grace, Instant now) throws IOException;
}
