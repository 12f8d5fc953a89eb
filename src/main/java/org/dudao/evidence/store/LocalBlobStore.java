package org.dudao.evidence.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Blobs as files {@code root/ab/cd/<sha256>} on a local (or mounted) file system. Uploads are staged in a separate
 * directory, which should be on the same file system as {@code root} so that a commit is one atomic rename (otherwise
 * the bytes are copied next to the target first and then renamed).
 */
public final class LocalBlobStore implements BlobStore {

    private final Path root;
    private final Staging staging;

    /** Creates both directories if they are absent. */
    public LocalBlobStore(Path root, Path staging) {
        Objects.requireNonNull(root, "root");
        try {
            this.root = Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob directory " + root, e);
        }
        this.staging = new Staging(staging);
    }

    @Override
    public StagedBlob stage(InputStream in, long maxBytes) throws IOException {
        return staging.stage(in, maxBytes);
    }

    @Override
    public StagedBlob stageFile(Path existing, long maxBytes) throws IOException {
        return staging.stageFile(existing, maxBytes);
    }

    @Override
    public void commit(StagedBlob staged) throws IOException {
        staging.requireOwn(staged);
        Path target = path(staged.sha256());
        Path temp = staged.tempFile();
        if (Files.isRegularFile(target) && Files.size(target) == staged.size()) {
            // already stored: keep it young so that a sweep running now does not take it from the row being written
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            Files.deleteIfExists(temp);
            return;
        }
        if (!Files.exists(temp)) {
            throw new NoSuchFileException(temp.toString(), null, "the staged file is gone (closed or swept)");
        }
        Path shard = target.getParent();
        boolean newShard = !Files.isDirectory(shard);
        Files.createDirectories(shard);
        try {
            // replaces a stored copy of the wrong size (damaged) as well
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException otherFileSystem) {
            Path copy = shard.resolve("." + staged.sha256() + ".part");
            Files.copy(temp, copy, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(temp);
        }
        Staging.fsyncDirectory(shard);
        if (newShard) {
            Staging.fsyncDirectory(shard.getParent());
            Staging.fsyncDirectory(root);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return new VerifyingInputStream(Files.newInputStream(path(sha256)), sha256);
        } catch (NoSuchFileException e) {
            throw new MissingBlobException(sha256);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    @Override
    public long size(String sha256) throws IOException {
        try {
            return Files.size(path(sha256));
        } catch (NoSuchFileException e) {
            throw new MissingBlobException(sha256);
        }
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
    }

    @Override
    public void forEachBlob(Consumer<String> action) throws IOException {
        Objects.requireNonNull(action, "action");
        walk((sha256, file) -> action.accept(sha256));
    }

    @Override
    public ScrubReport scrub(Collection<String> expected) throws IOException {
        return Scrubber.scrub(this, expected);
    }

    @Override
    public SweepReport sweep(Predicate<String> isReferenced, Duration grace, Instant now) throws IOException {
        Instant cutoff = now.minus(grace);
        long[] counts = new long[3]; // examined, deleted, deleted bytes
        walk((sha256, file) -> {
            counts[0]++;
            BasicFileAttributes attributes = attributes(file);
            if (attributes == null || !attributes.lastModifiedTime().toInstant().isBefore(cutoff)) {
                return;
            }
            if (isReferenced.test(sha256)) {
                return;
            }
            // look again right before deleting: a commit may have just found and refreshed it
            BasicFileAttributes again = attributes(file);
            if (again != null && again.lastModifiedTime().toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                counts[1]++;
                counts[2] += again.size();
            }
        });
        return new SweepReport(counts[0], counts[1], counts[2], staging.sweep(cutoff));
    }

    /** The file of a blob; the hash is validated first, so the path never leaves {@code root}. */
    Path path(String sha256) {
        Sha256.requireValid(sha256);
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    private interface BlobVisitor {
        void visit(String sha256, Path file) throws IOException;
    }

    /**
     * Visits {@code root/ab/cd/<sha256>} one directory at a time (lazily, like {@code Files.walk}, but tolerant of
     * shards and blobs that disappear while it runs). Anything else under the root is ignored.
     */
    private void walk(BlobVisitor visitor) throws IOException {
        DirectoryStream.Filter<Path> shardName =
                p -> isShardName(p.getFileName().toString());
        try (DirectoryStream<Path> first = Files.newDirectoryStream(root, shardName)) {
            for (Path ab : first) {
                try (DirectoryStream<Path> second = Files.newDirectoryStream(ab, shardName)) {
                    for (Path cd : second) {
                        String prefix = ab.getFileName().toString() + cd.getFileName();
                        try (DirectoryStream<Path> blobs = Files.newDirectoryStream(cd)) {
                            for (Path file : blobs) {
                                String name = file.getFileName().toString();
                                if (Sha256.isValid(name) && name.startsWith(prefix) && Files.isRegularFile(file)) {
                                    visitor.visit(name, file);
                                }
                            }
                        } catch (NoSuchFileException | NotDirectoryException gone) {
                            // not a shard directory (any more)
                        }
                    }
                } catch (NoSuchFileException | NotDirectoryException gone) {
                    // not a shard directory (any more)
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
    }

    private static boolean isShardName(String name) {
        return name.length() == 2 && Sha256.isValid(name.repeat(32));
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException deleted) {
            return null;
        }
    }
}
