package org.dudao.creation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.json;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.dudao.evidence.EvidenceFixtures;
import org.dudao.shared.text.CsvReader;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Lushan creation (seed 003) through its phases as the county office, a lead department and towns
 * see it, and the Pingdingshan supplement (seed 001) for its word limits and unprinted units.
 */
@DudaoIntegrationTest
class CreationIT {

    static final String BASE = "/api/v1/creation/campaigns";

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Test
    void lushanCreationThroughItsPhases() throws Exception {
        ApiClient office = ApiClient.as(port, demo, "ls-office");
        ApiClient zhangliang = ApiClient.as(port, demo, "ls-xz-03");
        ApiClient luyang = ApiClient.as(port, demo, "ls-xz-01");
        ApiClient bianban = ApiClient.as(port, demo, "ls-bm-01");

        // 动员部署: the office creates the campaign; responsible units are expanded
        long id = ok(office.post(BASE, "{\"template\":\"LS-2021\",\"year\":2021,\"name\":\"鲁山县创建测试\"}"))
                .get("id")
                .asLong();
        JsonNode phases = ok(office.get("/api/v1/campaigns/" + id)).get("phases");
        assertThat(phases.findValuesAsText("code"))
                .containsExactly(
                        "MOBILISATION", "SELF_CHECK", "RECTIFICATION", "GUIDANCE", "DECLARATION", "EVALUATION");
        assertThat(phases.get(1).get("endsOn").asText()).isEqualTo("2021-05-10");
        assertThat(phases.get(4).get("endsOn").isNull()).isTrue();

        // group expansion: every town gets one line per task whose printed units include a town group
        List<Map<String, String>> source = csv("indicator/builtin/LS-2021-MODEL.csv");
        long townTasks = source.stream()
                .filter(r ->
                        r.get("kind").equals("TASK") && r.get("responsible_co").contains("各乡"))
                .count();
        assertThat(townTasks).isGreaterThan(100);
        JsonNode townLines = ok(zhangliang.get(BASE + "/" + id + "/my"));
        assertThat(townLines.size()).isEqualTo((int) townTasks);
        for (String town : List.of("鲁阳街道", "琴台街道", "尧山镇", "下汤镇")) {
            assertThat(lines(id, town)).as(town).isEqualTo(townTasks);
        }
        JsonNode first = townLines.get(0);
        assertThat(first.get("indicator").asText()).startsWith("第1项");
        assertThat(first.get("taskLabel").asText()).isEqualTo("（1）");
        assertThat(first.get("role").asText()).isEqualTo("CO");
        assertThat(first.get("viaGroup").asText()).isEqualTo("各乡（镇、街道）");
        long task1 = first.get("taskId").asLong();
        // the lead printed for the task is a real department, and 县直各单位 reaches e.g. 县审计局
        JsonNode task1Lines = ok(office.get(BASE + "/" + id + "/tasks/" + task1 + "/lines"));
        Map<String, String> roles = new HashMap<>();
        task1Lines.forEach(
                l -> roles.put(l.get("unitName").asText(), l.get("role").asText()));
        assertThat(roles)
                .containsEntry("县委编办", "LEAD")
                .containsEntry("县政务服务和大数据服务中心", "LEAD")
                .containsEntry("县审计局", "CO")
                .containsEntry("张良镇", "CO")
                .doesNotContainKey("鲁山县委全面依法治县委员会办公室");
        // what did not resolve is reported to the office
        JsonNode gaps = ok(office.get(BASE + "/" + id + "/gaps"));
        assertThat(gaps.findValuesAsText("printed")).contains("县人大");
        assertThat(gaps.findValuesAsText("kind")).containsOnly("UNIT_NOT_FOUND");
        assertThat(ok(zhangliang.get(BASE + "/" + id + "/gaps"))).isEmpty();
        // expanded once only: a second expansion is refused, nothing doubled
        HttpResponse<String> again = office.post(BASE + "/" + id + "/setup", "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("detail").asText()).contains("不能重复展开");
        assertThat(lines(id, "张良镇")).isEqualTo(townTasks);

        // a town uploads for its task; a task it is not responsible for is refused, nothing stored
        Set<Long> own = new HashSet<>(
                townLines.findValues("taskId").stream().map(JsonNode::asLong).toList());
        long foreign = ok(office.get("/api/v1/campaigns/" + id + "/tasks")).findValues("id").stream()
                .map(JsonNode::asLong)
                .filter(t -> !own.contains(t))
                .findFirst()
                .orElseThrow();
        int before = attachments("ls-xz-03");
        HttpResponse<String> refused = zhangliang.upload(
                BASE + "/" + id + "/tasks/" + foreign + "/files", "越权.pdf", EvidenceFixtures.pdf(), null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("detail").asText()).contains("不是该任务的责任单位");
        assertThat(json(zhangliang.put(BASE + "/" + id + "/tasks/" + foreign + "/explanation", "{\"text\":\"越权说明\"}"))
                        .get("detail")
                        .asText())
                .contains("不是该任务的责任单位");
        assertThat(attachments("ls-xz-03")).isEqualTo(before);

        byte[] material = EvidenceFixtures.pdf("张良镇行政审批事项清单公开截图");
        JsonNode uploaded =
                ok(zhangliang.upload(BASE + "/" + id + "/tasks/" + task1 + "/files", "审批事项公开截图.pdf", material, null));
        assertThat(uploaded.get("sha256").asText()).isEqualTo(sha256(material));
        ok(zhangliang.put(BASE + "/" + id + "/tasks/" + task1 + "/explanation", "{\"text\":\"已在镇政府网站公开审批事项清单。\"}"));
        byte[] leadFile = EvidenceFixtures.pdf("县委编办汇总材料");
        ok(bianban.upload(BASE + "/" + id + "/tasks/" + task1 + "/files", "编办汇总.pdf", leadFile, null));
        ok(bianban.put(BASE + "/" + id + "/tasks/" + task1 + "/explanation", "{\"text\":\"清单已目录化、编码化管理。\"}"));
        byte[] dropped = EvidenceFixtures.pdf("鲁阳街道重复材料");
        ok(luyang.upload(BASE + "/" + id + "/tasks/" + task1 + "/files", "重复材料.pdf", dropped, null));

        // the lead unit sees its co-units' lines and consolidates; a co-unit sees only its own line
        JsonNode leadView = ok(bianban.get(BASE + "/" + id + "/tasks/" + task1 + "/lines"));
        assertThat(leadView.findValuesAsText("unitName")).contains("张良镇", "鲁阳街道");
        assertThat(ok(zhangliang.get(BASE + "/" + id + "/tasks/" + task1 + "/lines"))
                        .findValuesAsText("unitName"))
                .containsExactly("张良镇");
        List<Long> keep = new ArrayList<>();
        leadView.forEach(l -> {
            if (!l.get("unitName").asText().equals("鲁阳街道")) {
                keep.add(l.get("id").asLong());
            }
        });
        ok(bianban.put(
                BASE + "/" + id + "/tasks/" + task1 + "/consolidation",
                "{\"included\":" + keep + ",\"explanation\":\"汇总：县级和各乡镇均已公开。\"}"));
        assertThat(zhangliang
                        .put(
                                BASE + "/" + id + "/tasks/" + task1 + "/consolidation",
                                "{\"included\":[],\"explanation\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);

        // 全面自查: a sealed self-report cannot change; its hash covers the body and the files
        String body = "张良镇自查报告：对照指标逐项自查，短板为法律顾问台账不全。";
        ok(zhangliang.put(BASE + "/" + id + "/self-report", "{\"body\":\"" + body + "\"}"));
        byte[] scan = EvidenceFixtures.pdf("盖章扫描件");
        ok(zhangliang.upload(BASE + "/" + id + "/self-report/files", "自查报告（盖章）.pdf", scan, null));
        JsonNode sealed = ok(zhangliang.post(BASE + "/" + id + "/self-report/seal", "{}"));
        assertThat(sealed.get("sealSha256").asText())
                .isEqualTo(sha256((body + "\n" + sha256(scan) + "  自查报告（盖章）.pdf").getBytes(StandardCharsets.UTF_8)));
        assertThat(sealed.get("intact").asBoolean()).isTrue();
        HttpResponse<String> change = zhangliang.put(BASE + "/" + id + "/self-report", "{\"body\":\"改过的报告\"}");
        assertThat(change.statusCode()).isEqualTo(409);
        assertThat(json(change).get("detail").asText()).contains("已封存");
        assertThat(zhangliang
                        .upload(BASE + "/" + id + "/self-report/files", "补充.pdf", EvidenceFixtures.pdf(), null)
                        .statusCode())
                .isEqualTo(409);
        assertThat(ok(zhangliang.get(BASE + "/" + id + "/self-report"))
                        .get("body")
                        .asText())
                .isEqualTo(body);
        assertThat(ok(office.get(BASE + "/" + id + "/self-reports")).findValuesAsText("sealSha256"))
                .contains(sealed.get("sealSha256").asText());
        assertThat(audits("creation.selfReport.seal", sealed.get("id").asText()))
                .isEqualTo(1);

        // 限期整改: the problem list
        long p1 = ok(zhangliang.post(
                        BASE + "/" + id + "/problems",
                        "{\"source\":\"SELF_CHECK\",\"description\":\"法律顾问台账不全\",\"measures\":\"补齐\",\"dueOn\":\"2021-06-10\"}"))
                .get("id")
                .asLong();
        long zhangliangId =
                ok(zhangliang.get(BASE + "/" + id + "/my")).get(0).get("unitId").asLong();
        ok(office.post(
                BASE + "/" + id + "/problems", "{\"unitId\":" + zhangliangId + ",\"description\":\"督察发现：材料上传滞后\"}"));
        assertThat(ok(zhangliang.post(BASE + "/" + id + "/problems/" + p1 + "/rectification", "{\"note\":\"已补齐\"}"))
                        .get("status")
                        .asText())
                .isEqualTo("RECTIFIED");
        assertThat(ok(luyang.get(BASE + "/" + id + "/problems"))).isEmpty();

        // progress: 张良镇 and the lead department have one complete task, the others none → lagging
        JsonNode progress = ok(office.get(BASE + "/" + id + "/progress"));
        assertThat(progress.get("target").decimalValue()).isEqualByComparingTo("1");
        Map<String, JsonNode> byUnit = new HashMap<>();
        progress.get("units").forEach(u -> byUnit.put(u.get("unitName").asText(), u));
        assertThat(byUnit.get("张良镇").get("complete").asInt()).isEqualTo(1);
        assertThat(byUnit.get("张良镇").get("openProblems").asInt()).isEqualTo(1);
        assertThat(byUnit.get("张良镇").get("lagging").asBoolean()).isFalse();
        assertThat(byUnit.get("尧山镇").get("lagging").asBoolean()).isTrue();
        assertThat(byUnit.get("鲁阳街道").get("withFiles").asInt()).isEqualTo(1);
        assertThat(byUnit.get("鲁阳街道").get("lagging").asBoolean()).isTrue();
        JsonNode indicator1 = progress.get("indicators").get(0);
        assertThat(indicator1.get("indicator").asText()).startsWith("第1项");
        assertThat(indicator1.get("complete").asInt()).isEqualTo(2);
        // a unit sees only its own figures
        assertThat(ok(zhangliang.get(BASE + "/" + id + "/progress"))
                        .get("units")
                        .findValuesAsText("unitName"))
                .containsExactly("张良镇");

        // 进展通报: a docx naming the lagging units, for the office only
        HttpResponse<byte[]> docx = office.getBytes(BASE + "/" + id + "/bulletin.docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            assertThat(all)
                    .contains("关于鲁山县创建测试工作进展情况的通报")
                    .contains("鲁山县委全面依法治县委员会办公室")
                    .contains("进度滞后单位")
                    .contains("尧山镇")
                    .contains("鲁阳街道");
            assertThat(all.substring(all.indexOf("予以通报"))).doesNotContain("张良镇、");
        }
        assertThat(zhangliang.getBytes(BASE + "/" + id + "/bulletin.docx").statusCode())
                .isEqualTo(403);
        assertThat(ApiClient.as(port, demo, "pds-office")
                        .getBytes(BASE + "/" + id + "/bulletin.docx")
                        .statusCode())
                .isEqualTo(404);

        // 集中申报: the ZIP in indicator order with its manifest; the lead's exclusion is honoured
        HttpResponse<byte[]> zip = office.getBytes(BASE + "/" + id + "/declaration.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        Map<String, byte[]> content = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                content.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(names.subList(0, 3)).containsExactly("说明.txt", "清单.csv", "清单.xlsx");
        List<String> folders = names.stream().filter(n -> n.endsWith("/")).toList();
        long indicators =
                source.stream().filter(r -> r.get("kind").equals("INDICATOR")).count();
        assertThat(folders).hasSize((int) indicators);
        assertThat(folders).isSorted();
        assertThat(folders.get(0)).startsWith("001_第1项");
        assertThat(folders.get(94)).startsWith("095_第95项");
        String zhangliangFile = folders.get(0) + "（1）_张良镇_审批事项公开截图.pdf";
        assertThat(content.get(zhangliangFile)).isEqualTo(material);
        assertThat(names).contains(folders.get(0) + "（1）_县委编办_编办汇总.pdf");
        assertThat(names).noneMatch(n -> n.contains("重复材料"));
        assertThat(new String(content.get(folders.get(0) + "说明.txt"), StandardCharsets.UTF_8))
                .contains("汇总：县级和各乡镇均已公开。")
                .contains("已在镇政府网站公开审批事项清单。");
        String manifest = new String(content.get("清单.csv"), StandardCharsets.UTF_8);
        assertThat(manifest).startsWith("\uFEFF序号,指标序号,指标,任务,单位,角色,包内路径,原文件名,大小（字节）,SHA-256");
        String row = manifest.lines().filter(l -> l.contains("张良镇")).findFirst().orElseThrow();
        assertThat(row).contains("\"" + zhangliangFile + "\"").contains("," + material.length + "," + sha256(material));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(content.get("清单.xlsx")))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            assertThat(wb.getSheetAt(0).getRow(0).getCell(9).getStringCellValue())
                    .isEqualTo("SHA-256");
        }
        assertThat(zhangliang.getBytes(BASE + "/" + id + "/declaration.zip").statusCode())
                .isEqualTo(403);

        // a unit outside the campaign sees nothing of it
        ApiClient outsider = ApiClient.as(port, demo, "pds-xq-05");
        assertThat(outsider.get(BASE + "/" + id + "/my").statusCode()).isEqualTo(404);
    }

    @Test
    void pingdingshanSupplementHonoursTheWordLimitsAndReportsUnprintedUnits() {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        ApiClient justice = ApiClient.as(port, demo, "pds-bm2-09");
        long id = ok(office.post(BASE, "{\"template\":\"PDS-2019\",\"year\":2019}"))
                .get("id")
                .asLong();
        long unprinted = csv("indicator/builtin/PDS-2019-MODEL.csv").stream()
                .filter(r -> r.get("kind").equals("TASK")
                        && r.get("responsible_lead").isBlank())
                .count();
        JsonNode gaps = ok(office.get(BASE + "/" + id + "/gaps"));
        List<String> noUnit = new ArrayList<>();
        Set<String> notFound = new HashSet<>();
        gaps.forEach(g -> {
            if (g.get("kind").asText().equals("NO_UNIT_PRINTED")) {
                noUnit.add(g.get("taskTitle").asText());
            } else {
                assertThat(g.get("kind").asText()).isEqualTo("UNIT_NOT_FOUND");
                notFound.add(g.get("printed").asText());
            }
        });
        assertThat(noUnit).hasSize((int) unprinted);
        // 001:245-249 prints these units of task （25） without “市”: reported, not guessed
        assertThat(notFound).containsExactlyInAnyOrder("公安局", "市场监管局", "自然资源局", "生态环境局", "交通运输局", "农业农村局", "城市管理局");

        JsonNode line = ok(justice.get(BASE + "/" + id + "/my")).get(0);
        assertThat(line.get("wordLimit").asInt()).isEqualTo(500);
        assertThat(line.get("wordLimitMax").asInt()).isEqualTo(1000);
        long task = line.get("taskId").asLong();
        HttpResponse<String> tooLong = justice.put(
                BASE + "/" + id + "/tasks/" + task + "/explanation", "{\"text\":\"" + "法".repeat(1001) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).get("detail").asText()).contains("1001").contains("1000");
        assertThat(ok(justice.get(BASE + "/" + id + "/my"))
                        .get(0)
                        .get("explanationWords")
                        .asInt())
                .isZero();
        JsonNode saved = ok(justice.put(
                BASE + "/" + id + "/tasks/" + task + "/explanation", "{\"text\":\"" + "法".repeat(800) + "\"}"));
        assertThat(saved.get("explanationWords").asInt()).isEqualTo(800);
    }

    private long lines(long campaignId, String unit) {
        return jdbc.sql("select count(*) from creation_assignment a join organization_unit u on u.id = a.unit_id"
                        + " where a.campaign_id = ? and u.name = ?")
                .params(campaignId, unit)
                .query(Long.class)
                .single();
    }

    private int attachments(String username) {
        return jdbc.sql("select count(*) from evidence_attachment where uploaded_by = ?")
                .param(username)
                .query(Integer.class)
                .single();
    }

    private int audits(String action, String objectId) {
        return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
                .params(action, objectId)
                .query(Integer.class)
                .single();
    }

    static List<Map<String, String>> csv(String resource) {
        try {
            return CsvReader.read(new String(
                    new ClassPathResource(resource).getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
