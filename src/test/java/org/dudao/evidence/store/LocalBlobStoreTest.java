package org.dudao.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest {

    @TempDir
    Path dir;

    Path root;
    Path staging;
    LocalBlobStore store;

    @BeforeEach
    void setUp() {
        root = dir.resolve("blobs");
        staging = dir.resolve("staging");
        store = new LocalBlobStore(root, staging);
    }

    @Test
    void stagedAndCommittedBytes_areStoredUnderTheirSha256_andReadBackIntact() throws Exception {
        byte[] bytes = randomBytes(200_000, 1);
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        StagedBlob staged = store.stage(new ByteArrayInputStream(bytes), 1_000_000);
        assertThat(staged.sha256()).isEqualTo(expected);
        assertThat(staged.size()).isEqualTo(bytes.length);
        assertThat(staged.tempFile()).startsWith(staging).exists();

        store.commit(staged);

        assertThat(staged.tempFile()).doesNotExist();
        assertThat(root.resolve(expected.substring(0, 2))
                        .resolve(expected.substring(2, 4))
                        .resolve(expected))
                .hasBinaryContent(bytes);
        assertThat(store.exists(expected)).isTrue();
        assertThat(store.size(expected)).isEqualTo(bytes.length);
        try (InputStream in = store.open(expected)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(listStaging()).isEmpty();
    }

    @Test
    void exactlyTheLimitIsAccepted_oneByteMoreIsRefused_andLeavesNothingBehind() throws Exception {
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(new byte[1000]), 1000)) {
            assertThat(staged.size()).isEqualTo(1000);
        }
        assertThat(listStaging()).isEmpty();

        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(new byte[1001]), 1000))
                .isInstanceOf(TooLargeException.class)
                .satisfies(e -> {
                    TooLargeException tooLarge = (TooLargeException) e;
                    assertThat(tooLarge.messageKey()).isEqualTo("evidence.file.tooLarge");
                    assertThat(tooLarge.field()).isEqualTo("file");
                    assertThat(tooLarge.maxBytes()).isEqualTo(1000);
                });
        assertThat(listStaging()).isEmpty();
    }

    @Test
    void anEndlessStream_isCutOffJustPastTheLimit() {
        long max = 1024 * 1024;
        CountingZeros gigabyte = new CountingZeros(1024L * 1024 * 1024);

        assertThatThrownBy(() -> store.stage(gigabyte, max)).isInstanceOf(TooLargeException.class);

        assertThat(gigabyte.supplied).isLessThanOrEqualTo(max + 64 * 1024);
        assertThat(listStaging()).isEmpty();
    }

    @Test
    void theLimitIsShownInMegabytes() {
        assertThat(new TooLargeException(200L * 1024 * 1024).args()).containsExactly("200 MB");
        assertThat(TooLargeException.formatLimit(1536L * 1024)).isEqualTo("1.5 MB");
        assertThat(TooLargeException.formatLimit(512L * 1024)).isEqualTo("512 KB");
        assertThat(TooLargeException.formatLimit(100)).isEqualTo("100 B");
    }

    @Test
    void zeroBytes_areRefusedAsEmpty() {
        assertThatThrownBy(() -> store.stage(InputStream.nullInputStream(), 1000))
                .isInstanceOf(EmptyFileException.class)
                .extracting(e -> ((EmptyFileException) e).messageKey())
                .isEqualTo("evidence.file.empty");
        assertThat(listStaging()).isEmpty();
    }

    @Test
    void theSameBytesTwice_areStoredOnce() throws Exception {
        byte[] bytes = "关于2020年度依法行政工作的报告".getBytes(StandardCharsets.UTF_8);
        StagedBlob first = store.stage(new ByteArrayInputStream(bytes), 1000);
        StagedBlob second = store.stage(new ByteArrayInputStream(bytes), 1000);
        assertThat(first.tempFile()).isNotEqualTo(second.tempFile());

        store.commit(first);
        store.commit(second);
        store.commit(second); // again: nothing happens

        assertThat(storedFiles()).hasSize(1);
        assertThat(listStaging()).isEmpty();
        List<String> listed = new ArrayList<>();
        store.forEachBlob(listed::add);
        assertThat(listed).containsExactly(first.sha256());
    }

    @Test
    void aFileOnDisk_isMovedIntoStaging_andHashed() throws Exception {
        byte[] bytes = randomBytes(70_000, 2);
        Path assembled = Files.write(dir.resolve("chunks.bin"), bytes);

        StagedBlob staged = store.stageFile(assembled, 100_000);

        assertThat(assembled).doesNotExist();
        assertThat(staged.sha256()).isEqualTo(Sha256.of(bytes));
        store.commit(staged);
        try (InputStream in = store.open(staged.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void aFileOnDiskThatIsTooLarge_staysWhereItWas() throws Exception {
        Path assembled = Files.write(dir.resolve("chunks.bin"), new byte[101]);

        assertThatThrownBy(() -> store.stageFile(assembled, 100)).isInstanceOf(TooLargeException.class);
        assertThatThrownBy(() -> store.stageFile(Files.write(dir.resolve("empty.bin"), new byte[0]), 100))
                .isInstanceOf(EmptyFileException.class);

        assertThat(assembled).exists();
        assertThat(listStaging()).isEmpty();
    }

    @Test
    void closingAnUncommittedStagedBlob_deletesItsTemporaryFile() throws Exception {
        StagedBlob staged = store.stage(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10);
        staged.close();
        assertThat(staged.tempFile()).doesNotExist();
        assertThat(store.exists(staged.sha256())).isFalse();
    }

    @Test
    void aFlippedByte_isFoundWhenReading_andByTheScrub() throws Exception {
        byte[] bytes = randomBytes(100_000, 3);
        String damaged = commit(bytes);
        String intact = commit(randomBytes(10, 4));
        String lost = Sha256.of("never stored".getBytes(StandardCharsets.UTF_8));
        Path file = store.path(damaged);
        bytes[50_000] ^= 0x01;
        Files.write(file, bytes);

        assertThatThrownBy(() -> {
                    try (InputStream in = store.open(damaged)) {
                        in.readAllBytes();
                    }
                })
                .isInstanceOf(CorruptBlobException.class)
                .satisfies(e -> assertThat(((CorruptBlobException) e).sha256()).isEqualTo(damaged));

        ScrubReport report = store.scrub(List.of(damaged, intact, lost));
        assertThat(report.corrupt()).containsExactly(damaged);
        assertThat(report.missing()).containsExactly(lost);
        assertThat(report.checked()).isEqualTo(2);
        assertThat(report.bytes()).isEqualTo(100_010);
        assertThat(report.clean()).isFalse();
    }

    @Test
    void aMissingBlob_isReportedAsMissing() {
        String absent = Sha256.of(new byte[] {42});
        assertThatThrownBy(() -> store.open(absent)).isInstanceOf(MissingBlobException.class);
        assertThatThrownBy(() -> store.size(absent)).isInstanceOf(MissingBlobException.class);
        assertThat(store.exists(absent)).isFalse();
    }

    @Test
    void theSweep_deletesOnlyOldUnreferencedBlobs_andAbandonedStagingFiles() throws Exception {
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        FileTime old = FileTime.from(now.minus(Duration.ofDays(2)));
        String orphan = commit(new byte[] {1});
        String referenced = commit(new byte[] {2});
        String young = commit(new byte[] {3});
        Files.setLastModifiedTime(store.path(orphan), old);
        Files.setLastModifiedTime(store.path(referenced), old);
        Files.setLastModifiedTime(store.path(young), FileTime.from(now.minus(Duration.ofHours(1))));
        StagedBlob abandoned = store.stage(new ByteArrayInputStream(new byte[] {4}), 10);
        Files.setLastModifiedTime(abandoned.tempFile(), old);
        StagedBlob uploading = store.stage(new ByteArrayInputStream(new byte[] {5}), 10);
        Files.setLastModifiedTime(uploading.tempFile(), FileTime.from(now));
        Path notOurs = Files.write(staging.resolve("notes.txt"), new byte[] {6});
        Files.setLastModifiedTime(notOurs, old);

        SweepReport report = store.sweep(Set.of(referenced)::contains, Duration.ofDays(1), now);

        assertThat(report).isEqualTo(new SweepReport(3, 1, 1, 1));
        assertThat(store.exists(orphan)).isFalse();
        assertThat(store.exists(referenced)).isTrue();
        assertThat(store.exists(young)).isTrue();
        assertThat(abandoned.tempFile()).doesNotExist();
        assertThat(uploading.tempFile()).exists();
        assertThat(notOurs).exists();
    }

    @Test
    void committingBytesAlreadyStored_makesThemYoungAgain_soTheSweepSparesThem() throws Exception {
        byte[] bytes = {7, 7, 7};
        String sha256 = commit(bytes);
        Files.setLastModifiedTime(
                store.path(sha256), FileTime.from(Instant.now().minus(Duration.ofDays(30))));

        commit(bytes);

        SweepReport report = store.sweep(h -> false, Duration.ofDays(1), Instant.now());
        assertThat(report.deleted()).isZero();
        assertThat(store.exists(sha256)).isTrue();
    }

    @Test
    void onlyFilesOfItsOwnStagingDirectory_areCommitted() throws Exception {
        byte[] bytes = {11};
        Path elsewhere = Files.write(dir.resolve("blob-1.part"), bytes);
        StagedBlob forged = new StagedBlob(elsewhere, Sha256.of(bytes), 1);

        assertThatThrownBy(() -> store.commit(forged)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.exists(forged.sha256())).isFalse();
        assertThat(elsewhere).exists();
    }

    @Test
    void deleteRemovesTheBlob_andIgnoresAnAbsentOne() throws Exception {
        String sha256 = commit(new byte[] {8});
        store.delete(sha256);
        store.delete(sha256);
        assertThat(store.exists(sha256)).isFalse();
    }

    @Test
    void onlyBlobFilesAreListed() throws Exception {
        String sha256 = commit(new byte[] {9});
        Files.writeString(root.resolve("README"), "x");
        Files.writeString(store.path(sha256).resolveSibling("notahash"), "x");
        Files.createDirectories(root.resolve("zz/yy"));
        String other = Sha256.of(new byte[] {10});
        Files.createDirectories(root.resolve("00/00"));
        Files.writeString(root.resolve("00/00").resolve(other), "in the wrong shard");

        List<String> listed = new ArrayList<>();
        store.forEachBlob(listed::add);

        assertThat(listed).containsExactly(sha256);
    }

    @Test
    void anythingButSixtyFourLowercaseHexDigits_isRejectedAsAHash() {
        String valid = Sha256.of(new byte[] {1});
        for (String bad : new String[] {
            "../../etc/passwd",
            valid.toUpperCase(),
            valid.substring(1),
            valid + "0",
            "../" + valid.substring(3),
            valid.substring(0, 63) + "g",
            "",
            null
        }) {
            assertThatThrownBy(() -> store.open(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.exists(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.size(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.scrub(java.util.Collections.singletonList(bad)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void keysAreShardedByTheFirstFourHexDigits() {
        String sha256 = Sha256.of(new byte[] {1});
        String key = Sha256.key(sha256);
        assertThat(key).isEqualTo(sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256);
        assertThat(Sha256.fromKey(key)).isEqualTo(sha256);
        assertThat(Sha256.fromKey("00/00/" + sha256)).isNull();
        assertThat(Sha256.fromKey(sha256)).isNull();
        assertThat(Sha256.fromKey(null)).isNull();
    }

    @Test
    void skippingThroughAVerifyingStream_stillVerifies() throws Exception {
        byte[] bytes = randomBytes(300_000, 5);
        String sha256 = commit(bytes);
        bytes[299_999] ^= 0x10;
        Files.write(store.path(sha256), bytes);

        try (InputStream in = store.open(sha256)) {
            assertThat(in.skip(200_000)).isEqualTo(200_000);
            assertThatThrownBy(in::readAllBytes).isInstanceOf(CorruptBlobException.class);
        }
    }

    private String commit(byte[] bytes) throws IOException {
        StagedBlob staged = store.stage(new ByteArrayInputStream(bytes), 10_000_000);
        store.commit(staged);
        return staged.sha256();
    }

    private List<Path> listStaging() {
        try (Stream<Path> files = Files.list(staging)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Supplies up to {@code total} zero bytes without holding them, counting what was read. */
    private static final class CountingZeros extends InputStream {
        private final long total;
        long supplied;

        CountingZeros(long total) {
            this.total = total;
        }

        @Override
        public int read() {
            return read(new byte[1], 0, 1) < 0 ? -1 : 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (supplied >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - supplied);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            supplied += n;
            return n;
        }
    }
}
