package org.dudao.evidence.store;

import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.Directive;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Blobs as objects {@code ab/cd/<sha256>} in a bucket of an S3-compatible store (MinIO and the like), for a cluster
 * whose nodes share no disk. Uploads are staged on local disk exactly as in {@link LocalBlobStore} and uploaded on
 * {@link #commit}; {@link #open} verifies the hash while the object is read. The bucket must exist.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Set<String> ABSENT = Set.of("NoSuchKey", "NoSuchObject", "NotFound");

    private final MinioClient client;
    private final String bucket;
    private final Staging staging;

    /**
     * @param endpoint e.g. {@code https://minio.example.gov.cn:9000}
     * @param region the bucket's region; blank lets the client ask the server
     * @param staging local directory uploads are received into before they are sent to the bucket
     */
    public S3BlobStore(
            String endpoint, String region, String bucket, String accessKey, String secretKey, Path staging) {
        this(client(endpoint, region, accessKey, secretKey), bucket, staging);
    }

    S3BlobStore(MinioClient client, String bucket, Path staging) {
        this.client = Objects.requireNonNull(client, "client");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("An S3 blob store needs a bucket");
        }
        this.bucket = bucket;
        this.staging = new Staging(staging);
    }

    private static MinioClient client(String endpoint, String region, String accessKey, String secretKey) {
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("An S3 blob store needs an endpoint");
        }
        MinioClient.Builder builder = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey);
        if (region != null && !region.isBlank()) {
            builder.region(region);
        }
        return builder.build();
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
        String key = Sha256.key(staged.sha256());
        StatObjectResponse stored = stat(key);
        if (stored != null && stored.size() == staged.size()) {
            refresh(key);
            Files.deleteIfExists(staged.tempFile());
            return;
        }
        Path temp = staged.tempFile();
        if (!Files.exists(temp)) {
            throw new NoSuchFileException(temp.toString(), null, "the staged file is gone (closed or swept)");
        }
        call(() -> client.uploadObject(UploadObjectArgs.builder()
                .bucket(bucket)
                .object(key)
                .filename(temp.toString())
                .contentType("application/octet-stream")
                .build()));
        Files.deleteIfExists(temp);
    }

    /**
     * Copies an object onto itself so that its last-modified time is now: a sweep running meanwhile then leaves it to
     * the row being committed. If the server refuses, the blob is still stored; only that protection is lost.
     */
    private void refresh(String key) {
        try {
            call(() -> client.copyObject(CopyObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .source(CopySource.builder().bucket(bucket).object(key).build())
                    .metadataDirective(Directive.REPLACE)
                    .build()));
        } catch (IOException e) {
            // the object is there; see above
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        String key = Sha256.key(sha256);
        InputStream in = call(
                () -> client.getObject(
                        GetObjectArgs.builder().bucket(bucket).object(key).build()),
                sha256);
        return new VerifyingInputStream(in, sha256);
    }

    @Override
    public boolean exists(String sha256) throws IOException {
        return stat(Sha256.key(sha256)) != null;
    }

    @Override
    public long size(String sha256) throws IOException {
        StatObjectResponse stored = stat(Sha256.key(sha256));
        if (stored == null) {
            throw new MissingBlobException(sha256);
        }
        return stored.size();
    }

    @Override
    public void delete(String sha256) throws IOException {
        String key = Sha256.key(sha256);
        call(() -> {
            client.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    @Override
    public void forEachBlob(Consumer<String> action) throws IOException {
        Objects.requireNonNull(action, "action");
        try {
            for (Item item : items()) {
                action.accept(Sha256.fromKey(item.objectName()));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public ScrubReport scrub(Collection<String> expected) throws IOException {
        return Scrubber.scrub(this, expected);
    }

    @Override
    public SweepReport sweep(Predicate<String> isReferenced, Duration grace, Instant now) throws IOException {
        Instant cutoff = now.minus(grace);
        long examined = 0;
        long deleted = 0;
        long deletedBytes = 0;
        try {
            for (Item item : items()) {
                examined++;
                String sha256 = Sha256.fromKey(item.objectName());
                if (!item.lastModified().toInstant().isBefore(cutoff) || isReferenced.test(sha256)) {
                    continue;
                }
                // look again right before deleting: a commit may have just found and refreshed it
                StatObjectResponse again = stat(item.objectName());
                if (again != null && again.lastModified().toInstant().isBefore(cutoff)) {
                    delete(sha256);
                    deleted++;
                    deletedBytes += again.size();
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new SweepReport(examined, deleted, deletedBytes, staging.sweep(cutoff));
    }

    @Override
    public void close() throws Exception {
        client.close();
    }

    /** The bucket's blobs (objects named exactly {@code ab/cd/<sha256>}), listed page by page as they are iterated. */
    private Iterable<Item> items() {
        Iterable<Result<Item>> listing = client.listObjects(
                ListObjectsArgs.builder().bucket(bucket).recursive(true).build());
        return () -> new Iterator<>() {
            private final Iterator<Result<Item>> results = listing.iterator();
            private Item next;

            @Override
            public boolean hasNext() {
                while (next == null && results.hasNext()) {
                    Item item = unchecked(results.next());
                    if (!item.isDir() && Sha256.fromKey(item.objectName()) != null) {
                        next = item;
                    }
                }
                return next != null;
            }

            @Override
            public Item next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Item item = next;
                next = null;
                return item;
            }
        };
    }

    private static Item unchecked(Result<Item> result) {
        try {
            return call(result::get);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StatObjectResponse stat(String key) throws IOException {
        try {
            return call(() -> client.statObject(
                    StatObjectArgs.builder().bucket(bucket).object(key).build()));
        } catch (MissingBlobException e) {
            return null;
        }
    }

    private interface S3Call<T> {
        T run() throws MinioException, GeneralSecurityException, IOException;
    }

    private static <T> T call(S3Call<T> call) throws IOException {
        return call(call, null);
    }

    /** Runs a client call; "no such key" becomes {@link MissingBlobException}, other failures {@link IOException}. */
    private static <T> T call(S3Call<T> call, String sha256) throws IOException {
        try {
            return call.run();
        } catch (ErrorResponseException e) {
            if (e.errorResponse() != null && ABSENT.contains(e.errorResponse().code())) {
                throw new MissingBlobException(sha256);
            }
            throw new IOException("S3: " + e.getMessage(), e);
        } catch (MinioException | GeneralSecurityException e) {
            throw new IOException("S3: " + e.getMessage(), e);
        }
    }
}
