package org.dudao.report.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import org.dudao.shared.DudaoProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class JobFilesTest {

    @TempDir
    Path dataDir;

    JobFiles files() {
        DudaoProperties p = new Binder(
                        new MapConfigurationPropertySource(java.util.Map.of("dudao.data-dir", dataDir.toString())))
                .bind("dudao", DudaoProperties.class)
                .get();
        return new JobFiles(p);
    }

    @Test
    void aWrittenFileIsHashedSizedAndRenamed_andItsHashChecksItsBytes() throws Exception {
        JobFiles files = files();
        byte[] content = "汇总表".getBytes(StandardCharsets.UTF_8);
        JobStore.StoredFile f = files.write(12, "考核结果汇总表-2026.xlsx", "application/x", out -> out.write(content));
        assertThat(f.path()).startsWith("12-").endsWith(".xlsx");
        assertThat(f.size()).isEqualTo(content.length);
        assertThat(f.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        Path p = files.resolve(f.path());
        assertThat(Files.readAllBytes(p)).isEqualTo(content);
        assertThat(files.intact(p, f.sha256())).isTrue();
        Files.write(p, "changed".getBytes(StandardCharsets.UTF_8));
        assertThat(files.intact(p, f.sha256())).isFalse();
    }

    @Test
    void aFailedWriteLeavesNothing() throws IOException {
        JobFiles files = files();
        assertThatThrownBy(() -> files.write(13, "a.xlsx", "x", out -> {
                    out.write(1);
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        try (var list = Files.list(files.root())) {
            assertThat(list).isEmpty();
        }
    }

    @Test
    void namesCannotLeaveTheDirectory() {
        JobFiles files = files();
        assertThatThrownBy(() -> files.resolve("../../etc/passwd")).isInstanceOf(NoSuchFileException.class);
        assertThat(JobFiles.extension("a.XLSX")).isEqualTo(".xlsx");
        assertThat(JobFiles.extension("a.x/../y")).isEqualTo(".bin");
    }

    @Test
    void orphansAreFilesOfNoJobOlderThanTheCutoff() throws Exception {
        JobFiles files = files();
        JobStore.StoredFile kept = files.write(1, "a.xlsx", "x", out -> out.write(1));
        JobStore.StoredFile orphan = files.write(2, "b.xlsx", "x", out -> out.write(2));
        JobStore.StoredFile young = files.write(3, "c.xlsx", "x", out -> out.write(3));
        Instant old = Instant.now().minusSeconds(7200);
        Files.setLastModifiedTime(files.root().resolve(kept.path()), FileTime.from(old));
        Files.setLastModifiedTime(files.root().resolve(orphan.path()), FileTime.from(old));
        int deleted = files.deleteOrphans(ids -> Set.of(1L), Instant.now().minusSeconds(3600));
        assertThat(deleted).isEqualTo(1);
        assertThat(files.root().resolve(kept.path())).exists();
        assertThat(files.root().resolve(orphan.path())).doesNotExist();
        assertThat(files.root().resolve(young.path())).exists();
    }
}
