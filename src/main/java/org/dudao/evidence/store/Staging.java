package org.dudao.evidence.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * The local staging directory every store receives uploads into: bytes are streamed to a temporary file
 * ({@code blob-*.part}) while their SHA-256 and size are computed, and fsynced before the caller sees them. Shared by
 * {@link LocalBlobStore} and {@link S3BlobStore}.
 */
final class Staging {

    static final int BUFFER_BYTES = 64 * 1024;
    private static final String PREFIX = "blob-";
    private static final String SUFFIX = ".part";

    private final Path dir;

    Staging(Path dir) {
        Objects.requireNonNull(dir, "staging");
        try {
            this.dir = Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the staging directory " + dir, e);
        }
    }

    Path dir() {
        return dir;
    }

    /** Streams {@code in} into a new temporary file; see {@link BlobStore#stage}. */
    StagedBlob stage(InputStream in, long maxBytes) throws IOException {
        requirePositive(maxBytes);
        Path temp = Files.createTempFile(dir, PREFIX, SUFFIX);
        boolean kept = false;
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            MessageDigest digest = Sha256.newDigest();
            byte[] buffer = new byte[BUFFER_BYTES];
            long size = 0;
            while (true) {
                // never ask for more than one byte past the limit: an endless stream costs at most maxBytes + 1
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - size));
                if (n < 0) {
                    break;
                }
                size += n;
                if (size > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                digest.update(buffer, 0, n);
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
            if (size == 0) {
                throw new EmptyFileException();
            }
            out.force(true);
            kept = true;
            return new StagedBlob(temp, Sha256.hex(digest.digest()), size);
        } finally {
            if (!kept) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * Moves a file already on local disk into staging and hashes it; see {@link BlobStore#stageFile}. A file refused
     * before the move (empty, too large) stays where it was; once moved, a refused file is deleted.
     */
    StagedBlob stageFile(Path existing, long maxBytes) throws IOException {
        requirePositive(maxBytes);
        long declared = Files.size(existing);
        if (declared == 0) {
            throw new EmptyFileException();
        }
        if (declared > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
        Path temp = Files.createTempFile(dir, PREFIX, SUFFIX);
        boolean kept = false;
        try {
            try {
                Files.move(existing, temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException otherFileSystem) {
                Files.move(existing, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            MessageDigest digest = Sha256.newDigest();
            long size = 0;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
                while (channel.read(buffer) >= 0) {
                    buffer.flip();
                    size += buffer.remaining();
                    if (size > maxBytes) {
                        throw new TooLargeException(maxBytes);
                    }
                    digest.update(buffer);
                    buffer.clear();
                }
                if (size == 0) {
                    throw new EmptyFileException();
                }
                channel.force(true);
            }
            kept = true;
            return new StagedBlob(temp, Sha256.hex(digest.digest()), size);
        } finally {
            if (!kept) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * The staged blob, when its temporary file is one of this directory's: a commit moves nothing else into the store
     * (a {@link StagedBlob} is a plain record anybody could make up).
     */
    StagedBlob requireOwn(StagedBlob staged) {
        Path file = staged.tempFile().toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        if (!dir.toAbsolutePath().normalize().equals(file.getParent())
                || !name.startsWith(PREFIX)
                || !name.endsWith(SUFFIX)) {
            throw new IllegalArgumentException("Not a file of this store's staging directory: " + file);
        }
        return staged;
    }

    /** Deletes staging files last modified before {@code cutoff} (abandoned uploads); returns how many. */
    long sweep(Instant cutoff) throws IOException {
        long deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    FileTime modified = Files.getLastModifiedTime(file);
                    if (modified.toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                        deleted++;
                    }
                } catch (NoSuchFileException committedMeanwhile) {
                    // moved into the store or closed while we looked
                }
            }
        }
        return deleted;
    }

    /**
     * Makes a directory's entries (a file just renamed into it) durable. Some platforms refuse to open or force a
     * directory; there the rename is as durable as the platform allows.
     */
    static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException platformRefuses) {
            // e.g. Windows cannot open a directory as a channel
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left to the sweep
        }
    }

    private static void requirePositive(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
        }
    }
}
