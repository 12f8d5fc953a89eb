package org.dudao.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dudao.support.ApiClient.json;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.dudao.evidence.domain.EvidenceAccess;
import org.dudao.evidence.domain.EvidenceAccess.TargetTask;
import org.dudao.evidence.domain.EvidenceMaintenance;
import org.dudao.evidence.domain.SubmissionService;
import org.dudao.evidence.store.BlobStore;
import org.dudao.evidence.store.StagedBlob;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.security.CurrentUser;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deadlines, extensions, access, bad input, duplicates, the crash path, scrub, chunks and packages. */
@DudaoIntegrationTest
class SubmissionRulesIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatabaseTime time;

    @Autowired
    BlobStore store;

    @Autowired
    EvidenceMaintenance maintenance;

    @Autowired
    EvidenceAccess access;

    @Autowired
    SubmissionService submissions;

    @Autowired
    DudaoProperties properties;

    private int files() {
        return jdbc.sql("select count(*) from evidence_file")
                .query(Integer.class)
                .single();
    }

    @Test
    void theDeadlineHoldsOnTheDatabaseClockUntilTheOfficeExtendsIt() throws Exception {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        // (pds-xq-06 is locked by the lockout test)
        ApiClient county = ApiClient.as(port, demo, "pds-xq-10");
        SubmissionLifecycleIT.Demo d = SubmissionLifecycleIT.demo(county);
        long task = d.task(5);
        String base = "/api/v1/campaigns/" + d.campaign() + "/tasks/" + task;
        Instant due = time.now().plusSeconds(4);
        ok(office.put("/api/v1/campaigns/" + d.campaign() + "/tasks/" + task, "{\"dueAt\":\"" + due + "\"}"));
        try {
            while (time.now().isBefore(due.minusSeconds(1))) {
                Thread.sleep(50);
            }
            // T − 1 s: accepted
            assertThat(ok(county.upload(base + "/files", "材料.pdf", EvidenceFixtures.pdf(), null))
                            .get("fileId"))
                    .isNotNull();
            while (time.now().isBefore(due.plusSeconds(1))) {
                Thread.sleep(100);
            }
            // T + 1 s: refused, nothing stored
            int before = files();
            HttpResponse<String> late = county.upload(base + "/files", "迟到.pdf", EvidenceFixtures.pdf(), null);
            assertThat(late.statusCode()).isEqualTo(409);
            assertThat(json(late).get("detail").asText()).contains("已过截止时间");
            assertThat(county.post(base + "/submit", null).statusCode()).isEqualTo(409);
            assertThat(files()).isEqualTo(before);

            // the office extends it for this target only, and it is recorded
            long target = SubmissionLifecycleIT.targetId(office, d.campaign(), "城乡一体化示范区管委会");
            Instant until = time.now().plusSeconds(60);
            ok(office.post(
                    "/api/v1/campaigns/" + d.campaign() + "/extensions",
                    "{\"targetId\":" + target + ",\"taskId\":" + task + ",\"until\":\"" + until
                            + "\",\"reason\":\"系统故障补报\"}"));
            assertThat(ok(county.upload(base + "/files", "补报.pdf", EvidenceFixtures.pdf(), null))
                            .get("fileId"))
                    .isNotNull();
            assertThat(ok(county.post(base + "/submit", null)).get("status").asText())
                    .isEqualTo("SUBMITTED");
            // another county still may not
            ApiClient other = ApiClient.as(port, demo, "pds-xq-07");
            assertThat(other.upload(base + "/files", "x.pdf", EvidenceFixtures.pdf(), null)
                            .statusCode())
                    .isEqualTo(409);
            assertThat(jdbc.sql("select count(*) from audit_record where action = 'campaign.extension.grant'")
                            .query(Integer.class)
                            .single())
                    .isPositive();
        } finally {
            ok(office.put(
                    "/api/v1/campaigns/" + d.campaign() + "/tasks/" + task,
                    "{\"deadline\":\"" + d.countyTasks().get(5).get("deadline").asText() + "\"}"));
        }
    }

    @Test
    void outsidersGet404AndEveryAttemptIsAudited() {
        ApiClient county = ApiClient.as(port, demo, "pds-xq-09");
        SubmissionLifecycleIT.Demo d = SubmissionLifecycleIT.demo(county);
        String base = "/api/v1/campaigns/" + d.campaign() + "/tasks/" + d.task(1);
        long fileId = ok(county.upload(base + "/files", "报告.pdf", EvidenceFixtures.pdf(), null))
                .get("fileId")
                .asLong();

        // another county, an unrelated assessor, the county office of 鲁山: 404
        for (String outsider : List.of("pds-xq-10", "pdssstjjddzt", "ls-office")) {
            assertThat(ApiClient.as(port, demo, outsider)
                            .getBytes("/api/v1/files/" + fileId)
                            .statusCode())
                    .as(outsider)
                    .isEqualTo(404);
        }
        assertThat(ApiClient.as(port, demo, "pds-office")
                        .getBytes("/api/v1/files/" + fileId)
                        .statusCode())
                .isEqualTo(200);

        // a department task is not the county's: 404 and nothing stored
        long deptTask = -1;
        for (JsonNode t : ok(county.get("/api/v1/campaigns/" + d.campaign() + "/tasks"))) {
            if (t.get("category").asText().equals("部门2")
                    && t.get("needsMaterial").asBoolean()) {
                deptTask = t.get("id").asLong();
                break;
            }
        }
        int before = files();
        HttpResponse<String> wrongTask = county.upload(
                "/api/v1/campaigns/" + d.campaign() + "/tasks/" + deptTask + "/files",
                "a.pdf",
                EvidenceFixtures.pdf(),
                null);
        assertThat(wrongTask.statusCode()).isEqualTo(404);
        assertThat(files()).isEqualTo(before);
        assertThat(jdbc.sql(
                                "select count(*) from audit_record where action = 'evidence.file.upload' and outcome = 'DENIED'")
                        .query(Integer.class)
                        .single())
                .isPositive();
        // an assessor account cannot upload at all
        assertThat(ApiClient.as(port, demo, "pdssssfjyfxzzdk")
                        .upload(base + "/files", "a.pdf", EvidenceFixtures.pdf(), null)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void badFilesAreRefusedInChineseAndNothingIsStored() throws Exception {
        ApiClient county = ApiClient.as(port, demo, "pds-xq-11");
        SubmissionLifecycleIT.Demo d = SubmissionLifecycleIT.demo(county);
        String base = "/api/v1/campaigns/" + d.campaign() + "/tasks/" + d.task(2) + "/files";
        int before = files();
        long blobsBefore = storedBlobs();

        record Bad(String name, byte[] content, String sha, String expect) {}
        byte[] max = new byte[(int) properties.evidence().maxFileBytes() + 1];
        byte[] pdf = EvidenceFixtures.pdf();
        byte[] truncated = java.util.Arrays.copyOf(pdf, pdf.length - 10);
        List<Bad> bad = List.of(
                new Bad("通知.pdf", EvidenceFixtures.exe(), null, "不是允许的类型"),
                new Bad("空.pdf", new byte[0], null, "空的"),
                new Bad("残缺.pdf", truncated, null, "不完整"),
                new Bad("报告.exe.pdf", pdf, null, "扩展名"),
                new Bad("报告.pdf\u202Eexe", EvidenceFixtures.pdf(), null, "扩展名"),
                new Bad("../../etc/通知.pdf", pdf, null, ""),
                new Bad("校验.pdf", EvidenceFixtures.pdf(), "0".repeat(64), "传输中发生了变化"),
                new Bad("太大.pdf", max, null, "超过大小上限"),
                new Bad("炸弹.zip", zipBomb(), null, "压缩"),
                new Bad("穿越.zip", zipSlip(), null, "不安全的路径"));
        for (Bad b : bad) {
            HttpResponse<String> r = county.upload(base, b.name(), b.content(), b.sha());
            if (b.expect().isEmpty()) {
                assertThat(r.statusCode()).as(b.name() + " " + r.body()).isEqualTo(200);
                continue; // stored under a clean name, checked below
            }
            assertThat(r.statusCode()).as(b.name() + " " + r.body()).isIn(400, 413);
            assertThat(json(r).get("detail").asText()).as(b.name()).contains(b.expect());
        }
        assertThat(files()).isEqualTo(before + 1);
        String cleanName = jdbc.sql("select display_name from evidence_file order by id desc limit 1")
                .query(String.class)
                .single();
        assertThat(cleanName).isEqualTo("通知.pdf");
        // refused bytes leave no stored blob behind (staging is cleaned at once)
        assertThat(storedBlobs()).isEqualTo(blobsBefore + 1);
    }

    @Test
    void theSameFileFromTwoTargetsIsFlaggedToTheAssessor() {
        byte[] same = EvidenceFixtures.pdf("同一份材料");
        long campaign = 0;
        for (String user : List.of("pds-xq-04", "pds-xq-05")) {
            ApiClient county = ApiClient.as(port, demo, user);
            SubmissionLifecycleIT.Demo d = SubmissionLifecycleIT.demo(county);
            campaign = d.campaign();
            String base = "/api/v1/campaigns/" + d.campaign() + "/tasks/" + d.task(0);
            ok(county.upload(base + "/files", "清理报告.pdf", same, null));
            ok(county.post(base + "/submit", null));
        }
        ApiClient assessor = ApiClient.as(port, demo, "pdssszfbgsznzbxtk");
        SubmissionLifecycleIT.Demo d = SubmissionLifecycleIT.demo(assessor);
        long target = SubmissionLifecycleIT.targetId(assessor, campaign, "鲁山县人民政府");
        JsonNode history = ok(assessor.get(
                "/api/v1/campaigns/" + campaign + "/targets/" + target + "/tasks/" + d.task(0) + "/submission"));
        assertThat(history.get("duplicates").toString()).contains("叶县人民政府");
    }

    @Test
    void aFailureBetweenFileWriteAndCommitLeavesNoRowAndTheSweepRemovesTheBytes() throws Exception {
        SubmissionLifecycleIT.Demo d = SubmissionLifecycleIT.demo(ApiClient.as(port, demo, "pds-xq-02"));
        long unit = jdbc.sql("select id from organization_unit where name = '宝丰县人民政府'")
                .query(Long.class)
                .single();
        // the database refuses the row after the bytes are durable: a name longer than created_by allows
        CurrentUser failing =
                new CurrentUser(0, "x".repeat(80), "测试", unit, "宝丰县人民政府", unit, Set.of("TARGET"), Set.of(), false);
        TargetTask tt = access.asTarget(d.campaign(), d.task(4), failing, "test");
        byte[] bytes = EvidenceFixtures.pdf();
        String sha = EvidenceFixtures.sha256(bytes);
        try (StagedBlob staged = submissions.stage(new ByteArrayInputStream(bytes))) {
            assertThatThrownBy(() -> submissions.finishUpload(tt, staged, "报告.pdf", null, failing))
                    .isInstanceOf(DataAccessException.class);
        }
        assertThat(store.exists(sha)).isTrue();
        assertThat(jdbc.sql("select count(*) from evidence_file where sha256 = ?")
                        .param(sha)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from evidence_blob where sha256 = ?")
                        .param(sha)
                        .query(Integer.class)
                        .single())
                .isZero();
        // no row points at a missing file, whatever happened before
        assertThat(maintenance.scrub().missing()).isEmpty();
        // the orphan goes with the sweep once older than the grace period
        maintenance.sweep(java.time.Duration.ZERO);
        assertThat(store.exists(sha)).isFalse();
    }

    @Test
    void scrubFindsAFlippedByteAndTheDownloadIsCutShort() throws Exception {
        ApiClient county = ApiClient.as(port, demo, "pds-bm2-05");
        long campaign = SubmissionLifecycleIT.demo(county).campaign();
        long task = -1;
        for (JsonNode t : ok(county.get("/api/v1/campaigns/" + campaign + "/tasks"))) {
            if (t.get("category").asText().equals("部门2")
                    && t.get("needsMaterial").asBoolean()) {
                task = t.get("id").asLong();
                break;
            }
        }
        byte[] bytes = EvidenceFixtures.pdf("将被损坏的文件 " + "x".repeat(200_000));
        JsonNode up =
                ok(county.upload("/api/v1/campaigns/" + campaign + "/tasks/" + task + "/files", "报告.pdf", bytes, null));
        String sha = up.get("sha256").asText();
        assertThat(maintenance.scrub().corrupt()).doesNotContain(sha);

        Path file = properties
                .dataDir()
                .resolve("files")
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4))
                .resolve(sha);
        byte[] stored = Files.readAllBytes(file);
        stored[stored.length / 2] ^= 0x01;
        Files.write(file, stored);

        assertThat(maintenance.scrub().corrupt()).contains(sha);
        HttpResponse<byte[]> download = null;
        try {
            download = county.sendBytes(
                    county.request("/api/v1/files/" + up.get("fileId").asLong()).GET());
        } catch (RuntimeException expected) {
            // the connection is cut before the last block: the client cannot mistake it for the file
        }
        if (download != null) {
            assertThat(download.body()).isNotEqualTo(bytes);
            assertThat(download.body().length).isLessThan(bytes.length);
        }
        Files.write(file, bytes); // repair for the other tests
    }

    @Test
    void aLargeFileGoesInChunksThatResumeAndNeverExceedTheDeclaredSize() {
        ApiClient county = ApiClient.as(port, demo, "pds-bm2-06");
        long campaign = SubmissionLifecycleIT.demo(county).campaign();
        long task = -1;
        for (JsonNode t : ok(county.get("/api/v1/campaigns/" + campaign + "/tasks"))) {
            if (t.get("category").asText().equals("部门2")
                    && t.get("needsMaterial").asBoolean()) {
                task = t.get("id").asLong();
                break;
            }
        }
        byte[] bytes = EvidenceFixtures.pdf("分片 " + "y".repeat(2_500_000));
        JsonNode started = ok(county.post(
                "/api/v1/campaigns/" + campaign + "/tasks/" + task + "/uploads",
                "{\"name\":\"大文件.pdf\",\"size\":" + bytes.length + ",\"sha256\":\"" + EvidenceFixtures.sha256(bytes)
                        + "\"}"));
        String id = started.get("uploadId").asText();
        int half = bytes.length / 2;
        assertThat(ok(chunk(county, id, 0, java.util.Arrays.copyOfRange(bytes, 0, half)))
                        .get("received")
                        .asLong())
                .isEqualTo(half);
        // a chunk that does not continue where the server is: 409 with the count to resume from
        HttpResponse<String> gap = chunk(county, id, half + 10, new byte[] {1});
        assertThat(gap.statusCode()).isEqualTo(409);
        assertThat(json(gap).get("detail").asText()).contains(String.valueOf(half));
        assertThat(ok(county.get("/api/v1/uploads/" + id)).get("received").asLong())
                .isEqualTo(half);
        // more than declared: refused, nothing appended
        byte[] tooMuch = java.util.Arrays.copyOfRange(bytes, half, bytes.length + 5);
        assertThat(chunk(county, id, half, tooMuch).statusCode()).isEqualTo(400);
        assertThat(ok(county.get("/api/v1/uploads/" + id)).get("received").asLong())
                .isEqualTo(half);
        ok(chunk(county, id, half, java.util.Arrays.copyOfRange(bytes, half, bytes.length)));
        JsonNode done = ok(county.post("/api/v1/uploads/" + id + "/complete", null));
        assertThat(done.get("sha256").asText()).isEqualTo(EvidenceFixtures.sha256(bytes));
        assertThat(county.getBytes("/api/v1/files/" + done.get("fileId").asLong())
                        .body())
                .isEqualTo(bytes);

        // declaring more than the limit is refused before any byte
        HttpResponse<String> huge = county.post(
                "/api/v1/campaigns/" + campaign + "/tasks/" + task + "/uploads",
                "{\"name\":\"巨大.mp4\",\"size\":" + (properties.evidence().maxFileBytes() + 1) + "}");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(json(huge).get("detail").asText()).contains("超过大小上限");
    }

    @Test
    void theTargetPackageIsOrganisedByIndicatorWithAManifestOfHashes() throws Exception {
        ApiClient county = ApiClient.as(port, demo, "pds-xq-03");
        SubmissionLifecycleIT.Demo d = SubmissionLifecycleIT.demo(county);
        byte[] a = EvidenceFixtures.pdf();
        String base = "/api/v1/campaigns/" + d.campaign() + "/tasks/" + d.task(3);
        ok(county.upload(base + "/files", "制度文件.pdf", a, null));
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        long target = SubmissionLifecycleIT.targetId(office, d.campaign(), "郏县人民政府");
        HttpResponse<byte[]> zip =
                office.getBytes("/api/v1/campaigns/" + d.campaign() + "/targets/" + target + "/package.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        List<String> names = new ArrayList<>();
        String manifest = null;
        byte[] found = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                byte[] content = in.readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    manifest = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                }
                if (e.getName().endsWith("制度文件.pdf")) {
                    found = content;
                }
            }
        }
        String path = d.countyTasks().get(3).get("path").get(0).asText();
        assertThat(names).anyMatch(n -> n.startsWith("郏县人民政府/" + path + "/") && n.endsWith("制度文件.pdf"));
        assertThat(names).contains("manifest.json", "清单.xlsx");
        assertThat(found).isEqualTo(a);
        assertThat(manifest).contains(EvidenceFixtures.sha256(a), "pds-xq-03");
        // another county may not fetch it
        assertThat(ApiClient.as(port, demo, "pds-xq-02")
                        .getBytes("/api/v1/campaigns/" + d.campaign() + "/targets/" + target + "/package.zip")
                        .statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> chunk(ApiClient api, String id, long offset, byte[] body) {
        return api.send(api.request("/api/v1/uploads/" + id + "?offset=" + offset)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private long storedBlobs() throws Exception {
        long[] n = {0};
        store.forEachBlob(h -> n[0]++);
        return n[0];
    }

    static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] zipSlip() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("../../etc/passwd"));
            zip.write("x".getBytes());
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
