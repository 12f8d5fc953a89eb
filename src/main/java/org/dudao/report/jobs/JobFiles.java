package org.dudao.report.jobs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dudao.report.jobs.JobStore.StoredFile;
import org.dudao.shared.DudaoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The jobs' files under {@code <data-dir>/reports/jobs}: {@code <job id>-<random>.<ext>}, written as {@code .part}
 * and renamed when complete, hashed (SHA-256) while written and checked again before each download. On a cluster the
 * data directory must be shared by the nodes (as for the local evidence store), since any node may answer a download.
 */
@Component
class JobFiles {

    private static final Logger log = LoggerFactory.getLogger(JobFiles.class);
    static final String PART = ".part";

    /** Writes a job's file. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private final Path root;

    JobFiles(DudaoProperties properties) {
        this.root = properties
                .dataDir()
                .resolve("reports")
                .resolve("jobs")
                .toAbsolutePath()
                .normalize();
    }

    Path root() {
        return root;
    }

    /** Writes the file completely (or not at all: a failure leaves nothing behind) and returns what was stored. */
    StoredFile write(long jobId, String fileName, String contentType, Writer writer) throws IOException {
        Files.createDirectories(root);
        String stem =
                jobId + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path part = root.resolve(stem + PART);
        Path done = root.resolve(stem + extension(fileName));
        MessageDigest sha = sha256();
        long[] size = {0};
        try {
            try (OutputStream file = Files.newOutputStream(part);
                    OutputStream counting = new CountingStream(new BufferedOutputStream(file, 1 << 16), size);
                    DigestOutputStream out = new DigestOutputStream(counting, sha)) {
                writer.write(out);
            }
            Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(part);
            throw e;
        }
        return new StoredFile(
                fileName,
                done.getFileName().toString(),
                contentType,
                size[0],
                HexFormat.of().formatHex(sha.digest()));
    }

    /** The file of a job, if it is still on the disk. */
    Path resolve(String stored) throws NoSuchFileException {
        Path p = root.resolve(stored).normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) {
            throw new NoSuchFileException(stored);
        }
        return p;
    }

    /** Whether the file's bytes still hash to what was recorded when it was written. */
    boolean intact(Path file, String sha256) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(sha256);
    }

    void delete(String stored) {
        if (stored == null) {
            return;
        }
        try {
            Path p = root.resolve(stored).normalize();
            if (p.startsWith(root)) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("could not delete the job file {}; the sweep will try again", stored, e);
        }
    }

    /**
     * Deletes files no job names any more (a node stopped between writing and recording, or a row deleted while its
     * file could not be): those last modified before {@code before} whose job id is not among the rows.
     */
    int deleteOrphans(Function<Set<Long>, Set<Long>> existing, Instant before) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Map<Long, List<Path>> byJob = new java.util.HashMap<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                int dash = name.indexOf('-');
                FileTime modified = Files.getLastModifiedTime(p);
                if (dash <= 0 || !modified.toInstant().isBefore(before)) {
                    continue;
                }
                try {
                    byJob.computeIfAbsent(Long.parseLong(name.substring(0, dash)), k -> new ArrayList<>())
                            .add(p);
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        }
        Set<Long> kept = existing.apply(byJob.keySet());
        int deleted = 0;
        for (Map.Entry<Long, List<Path>> e : byJob.entrySet()) {
            if (!kept.contains(e.getKey())) {
                for (Path p : e.getValue()) {
                    if (Files.deleteIfExists(p)) {
                        deleted++;
                    }
                }
            }
        }
        return deleted;
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot).toLowerCase(java.util.Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,8}") ? ext : ".bin";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the bytes written. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        private final long[] count;

        CountingStream(OutputStream out, long[] count) {
            super(out);
            this.count = count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count[0]++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count[0] += len;
        }
    }
}
