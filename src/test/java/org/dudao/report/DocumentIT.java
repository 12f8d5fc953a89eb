package org.dudao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.json;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.WebClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The official documents through the REST API on a published PDS-2020 campaign whose targets got different
 * levels and ranks ({@link DocumentFixtures}), with a problem fed back to 郏县 and confirmed: every docx is
 * reopened with POI and checked against {@code GET …/results} and {@code GET …/results/workflow} (names,
 * final scores, levels, ranks, the bottom-N list), the 文号 set in the settings, the lost points and reasons
 * of the letter's own target only; PDFs start with %PDF and, where pdftotext exists, hold the title; where
 * LibreOffice is installed the PDF comes from it. Anyone but the campaign's office gets 404.
 */
@DudaoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentIT {

    static final String DOC_NO = "平法政办〔2026〕8号";
    static final String REPORT_NO = "平法政办〔2026〕9号";
    static final String AUTHORITY = "平顶山市法治政府建设领导小组办公室";

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    DocumentFixtures.Campaign c;
    ApiClient office;
    Map<Long, JsonNode> results;
    JsonNode workflow;
    long problemId;

    @BeforeAll
    void publishedCampaign() {
        c = DocumentFixtures.create(port, demo, "公文测试", true);
        DocumentFixtures.publish(port, demo, c);
        office = ApiClient.as(port, demo, "pds-office");
        results = new LinkedHashMap<>();
        for (JsonNode r : ok(office.get(c.base() + "/results"))) {
            results.put(r.get("targetId").asLong(), r);
        }
        workflow = ok(office.get(c.base() + "/results/workflow"));
        // a problem fed back to 郏县 on one of its tasks, confirmed by 郏县
        long jiaxian = c.target("郏县人民政府");
        long task = c.tasksByCategory().get("县区政府").stream()
                .filter(t -> !t.get("points").isNull())
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        problemId = ok(office.post(
                        c.base() + "/problems",
                        "{\"targetId\":" + jiaxian + ",\"taskId\":" + task
                                + ",\"source\":\"ONSITE\",\"severity\":\"MAJOR\","
                                + "\"description\":\"行政执法案卷不规范（公文测试）。\"}"))
                .get("id")
                .asLong();
        assertThat(ok(ApiClient.as(port, demo, "pds-xq-03")
                                .post(c.base() + "/problems/" + problemId + "/response", "{\"decision\":\"CONFIRM\"}"))
                        .get("status")
                        .asText())
                .isEqualTo("CONFIRMED");
        JsonNode settings = ok(office.put(
                c.base() + "/documents/settings",
                "{\"issuingAuthority\":\"" + AUTHORITY + "\",\"documentNo\":\"" + DOC_NO + "\",\"reportDocumentNo\":\""
                        + REPORT_NO + "\",\"addressees\":\"各县（市、区）人民政府，市直各有关单位\","
                        + "\"reportAddressees\":\"市法治政府建设领导小组\",\"copyTo\":\"市纪委监委，市委组织部\","
                        + "\"signingDate\":\"2026-11-22\",\"extraParagraph\":\"请各单位认真组织学习。\"}"));
        assertThat(settings.get("documentNo").asText()).isEqualTo(DOC_NO);
        assertThat(settings.get("stored").asBoolean()).isTrue();
    }

    @Test
    void settingsHaveDefaultsUntilSaved_andAreKeptAndAudited() {
        DocumentFixtures.Campaign fresh = DocumentFixtures.create(port, demo, "公文设置测试", false);
        JsonNode defaults = ok(office.get(fresh.base() + "/documents/settings"));
        assertThat(defaults.get("stored").asBoolean()).isFalse();
        // 市法治政府建设领导小组办公室 in 平顶山市; the campaign's 文号 prefix with this year, no number yet
        assertThat(defaults.get("issuingAuthority").asText()).isEqualTo(AUTHORITY);
        assertThat(defaults.get("documentNo").asText()).startsWith("平法政办〔").endsWith("〕号");
        assertThat(defaults.get("signingDate").isNull()).isTrue();

        JsonNode saved = ok(office.get(c.base() + "/documents/settings"));
        assertThat(saved.get("documentNo").asText()).isEqualTo(DOC_NO);
        assertThat(saved.get("signingDate").asText()).isEqualTo("2026-11-22");
        assertThat(saved.get("updatedBy").asText()).isEqualTo("pds-office");
        assertThat(office.put(c.base() + "/documents/settings", "{\"issuingAuthority\":\"" + "很".repeat(61) + "\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'report.documents.settings'"
                                + " and object_id = ?")
                        .param("campaign/" + c.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // no results notice before the results are approved (Chinese message); the report works on computed results
        HttpResponse<String> early = office.get(fresh.base() + "/documents/results-notice.docx");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json(early).get("detail").asText()).contains("尚未审定");
        assertThat(office.getBytes(fresh.base() + "/documents/results-notice.pdf")
                        .statusCode())
                .isEqualTo(409);
        assertThat(office.getBytes(fresh.base() + "/documents/annual-report.docx")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void resultsNoticeHoldsEveryNameScoreLevelAndRank_theNumberAndTheBottomList() throws Exception {
        HttpResponse<byte[]> r = office.getBytes(c.base() + "/documents/results-notice.docx");
        assertThat(r.statusCode()).isEqualTo(200);
        keep(r);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''");
        String sha = sha256(r.body());
        assertThat(r.headers().firstValue("X-Content-SHA256")).hasValue(sha);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            String name = ok(office.get(c.base())).get("name").asText();
            assertThat(text)
                    .contains(AUTHORITY)
                    .contains(DOC_NO)
                    .contains("关于" + name + "结果的通报")
                    .contains("各县（市、区）人民政府，市直各有关单位：")
                    .contains("请各单位认真组织学习。")
                    .contains("2026年11月22日")
                    .contains("抄送：市纪委监委，市委组织部。");
            // levels: 舞钢 优秀, 宝丰 良好, 郏县 合格, 叶县 不合格 — as GET …/results says
            assertThat(level("舞钢市人民政府")).isEqualTo("优秀");
            assertThat(level("宝丰县人民政府")).isEqualTo("良好");
            assertThat(level("郏县人民政府")).isEqualTo("合格");
            assertThat(level("叶县人民政府")).isEqualTo("不合格");
            // every ranked category in rank order, ties sharing their rank, as GET …/results ranks them
            for (String category : List.of("县区政府", "部门1", "部门2")) {
                assertThat(text).contains(ranking(category));
            }
            assertThat(text).contains("第1名舞钢市人民政府；第2名鲁山县人民政府；");
            assertThat(text).contains("第9名宝丰县人民政府；第10名郏县人民政府；第11名叶县人民政府。");
            // the bottom-N list of each ranked category from the workflow, in the same order
            JsonNode bottom = workflow.get("lists").get("bottom");
            List<String> countiesBottom = new ArrayList<>();
            bottom.get("县区政府").forEach(id -> countiesBottom.add(name(id.asLong())));
            assertThat(countiesBottom).contains("叶县人民政府", "郏县人民政府", "宝丰县人民政府");
            assertThat(text).contains("县区政府：" + String.join("、", countiesBottom));
            // the attachment: one row per target with its final score, level and rank
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(1 + results.size());
            for (JsonNode res : results.values()) {
                XWPFTableRow row = row(table, res.get("name").asText());
                assertThat(row.getCell(2).getText())
                        .isEqualTo(res.get("category").asText());
                assertThat(row.getCell(6).getText()).isEqualTo(points(res.get("finalScore")));
                assertThat(row.getCell(7).getText()).isEqualTo(res.get("level").asText());
                assertThat(row.getCell(8).getText())
                        .isEqualTo(
                                res.get("rank").isNull() ? "—" : res.get("rank").asText());
            }
            // ranked within each category: 舞钢 first of the counties, 叶县 last
            assertThat(rowIndex(table, "舞钢市人民政府")).isLessThan(rowIndex(table, "叶县人民政府"));
        }
        // audited with the file's hash
        String after = jdbc.sql("select after_data from audit_record where action = 'report.document.generate'"
                        + " and object_id = ? order by seq desc limit 1")
                .param("campaign/" + c.id() + "/results-notice")
                .query(String.class)
                .single();
        assertThat(after).contains(sha).contains("\"format\":\"docx\"").contains(DOC_NO);
    }

    @Test
    void annualReportGivesTheCampaignsFigures() throws IOException {
        HttpResponse<byte[]> r = office.getBytes(c.base() + "/documents/annual-report.docx");
        assertThat(r.statusCode()).isEqualTo(200);
        keep(r);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text)
                    .contains(REPORT_NO)
                    .contains("市法治政府建设领导小组：")
                    .contains("本次考核共有考核对象" + results.size() + "个")
                    .contains("已经考核工作领导小组审定并公布")
                    .contains("共向1个单位反馈问题1个")
                    .contains("特此报告。");
            // table 1: per category the count, average, highest and lowest final score of GET …/results
            XWPFTable scores = doc.getTables().get(0);
            for (String category : List.of("县区政府", "部门1", "部门2")) {
                List<BigDecimal> finals = results.values().stream()
                        .filter(x -> x.get("category").asText().equals(category))
                        .map(x -> x.get("finalScore").decimalValue())
                        .toList();
                BigDecimal avg = finals.stream()
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(finals.size()), 2, RoundingMode.HALF_UP);
                XWPFTableRow row = row(scores, category);
                assertThat(row.getCell(1).getText()).isEqualTo(String.valueOf(finals.size()));
                assertThat(row.getCell(3).getText()).isEqualTo(avg.toPlainString());
                assertThat(row.getCell(4).getText())
                        .isEqualTo(finals.stream()
                                .max(BigDecimal::compareTo)
                                .orElseThrow()
                                .setScale(2)
                                .toPlainString());
                assertThat(row.getCell(5).getText())
                        .isEqualTo(finals.stream()
                                .min(BigDecimal::compareTo)
                                .orElseThrow()
                                .setScale(2)
                                .toPlainString());
            }
            // table 2: the level counts
            XWPFTable levels = doc.getTables().get(1);
            XWPFTableRow total = row(levels, "合计");
            for (int col = 1; col < levels.getRow(0).getTableCells().size() - 1; col++) {
                String level = levels.getRow(0).getCell(col).getText();
                long count = results.values().stream()
                        .filter(x -> x.get("level").asText().equals(level))
                        .count();
                assertThat(total.getCell(col).getText()).as(level).isEqualTo(String.valueOf(count));
            }
        }
    }

    @Test
    void feedbackLetterListsItsOwnTargetsLostPointsReasonsAndProblems() throws IOException {
        long jiaxian = c.target("郏县人民政府");
        long lushan = c.target("鲁山县人民政府");
        JsonNode breakdown = ok(office.get(c.base() + "/results/" + lushan + "/breakdown"));
        List<String> lost = new ArrayList<>();
        for (JsonNode t : breakdown.get("tasks")) {
            if (!t.get("notApplicable").asBoolean()
                    && t.get("score")
                                    .decimalValue()
                                    .compareTo(t.get("maxPoints").decimalValue())
                            < 0) {
                lost.add(t.get("reason").asText());
            }
        }
        assertThat(lost).hasSize(1);
        try (XWPFDocument doc = docx(c.base() + "/documents/targets/" + lushan + "/feedback-letter.docx");
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            JsonNode res = results.get(lushan);
            assertThat(text)
                    .contains("鲁山县人民政府：")
                    .contains("你单位考核得分" + points(res.get("finalScore")) + "分")
                    .contains("考核等次为" + res.get("level").asText())
                    .contains("排名第" + res.get("rank").asInt() + "名")
                    .contains("共有1项考核任务未得满分")
                    .contains("考核中未发现需要向你单位反馈的问题")
                    .doesNotContain("郏县人民政府未达标")
                    .doesNotContain("宝丰县人民政府未达标");
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(2);
            assertThat(table.getRow(1).getCell(3).getText()).isEqualTo("良");
            assertThat(table.getRow(1).getCell(6).getText()).isEqualTo(lost.get(0));
            assertThat(table.getRow(1).getCell(7).getText()).isNotBlank().isNotEqualTo("—");
        }
        try (XWPFDocument doc = docx(c.base() + "/documents/targets/" + jiaxian + "/feedback-letter.docx");
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text)
                    .contains("郏县人民政府：")
                    .contains("郏县人民政府未达标")
                    .contains("行政执法案卷不规范（公文测试）。")
                    .contains("状态：已确认")
                    .doesNotContain("鲁山县人民政府未达标");
        }
    }

    @Test
    void recommendationLettersFor合格And不合格Only_rectificationNoticesForConfirmedProblemsOnly() throws IOException {
        long jiaxian = c.target("郏县人民政府"); // 合格
        long ye = c.target("叶县人民政府"); // 不合格
        long wugang = c.target("舞钢市人民政府"); // 优秀
        try (XWPFDocument doc = docx(c.base() + "/documents/targets/" + jiaxian + "/recommendation-letter.docx");
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            assertThat(extractor.getText())
                    .contains("法治建议书")
                    .contains("郏县人民政府：")
                    .contains("考核等次为合格");
        }
        try (XWPFDocument doc = docx(c.base() + "/documents/targets/" + ye + "/recommendation-letter.docx");
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            assertThat(extractor.getText()).contains("考核等次为不合格");
        }
        HttpResponse<String> refused =
                office.get(c.base() + "/documents/targets/" + wugang + "/recommendation-letter.docx");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("detail").asText()).contains("优秀").contains("合格、不合格");

        try (XWPFDocument doc = docx(c.base() + "/documents/targets/" + jiaxian + "/rectification-notice.docx");
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            assertThat(extractor.getText()).contains("关于郏县人民政府限期整改");
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(2);
            assertThat(table.getRow(1).getCell(1).getText()).isEqualTo("行政执法案卷不规范（公文测试）。");
            assertThat(table.getRow(1).getCell(5).getText()).isEqualTo("待制定措施");
        }
        HttpResponse<String> none =
                office.get(c.base() + "/documents/targets/" + wugang + "/rectification-notice.docx");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(json(none).get("detail").asText()).contains("没有已确认的问题");
        // a target of another campaign
        assertThat(office.getBytes(c.base() + "/documents/targets/999999/feedback-letter.docx")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void pdfsOfEveryKind() throws Exception {
        boolean libreOffice = Files.isExecutable(Path.of("/usr/bin/soffice"))
                || Files.isExecutable(Path.of("/usr/lib/libreoffice/program/soffice"));
        String name = ok(office.get(c.base())).get("name").asText();
        HttpResponse<byte[]> notice = office.getBytes(c.base() + "/documents/results-notice.pdf");
        assertPdf(notice, "关于" + name + "结果的通报");
        if (libreOffice) {
            assertThat(notice.headers().firstValue("X-PDF-Engine")).hasValue("libreoffice");
        } else {
            System.out.println("LibreOffice not installed: the PDF came from the OpenPDF fallback"
                    + " (the LibreOffice assertion is skipped)");
            assertThat(notice.headers().firstValue("X-PDF-Engine")).hasValue("openpdf");
        }
        assertPdf(office.getBytes(c.base() + "/documents/annual-report.pdf"), "关于" + name + "情况的报告");
        long jiaxian = c.target("郏县人民政府");
        assertPdf(office.getBytes(c.base() + "/documents/targets/" + jiaxian + "/feedback-letter.pdf"), name + "反馈意见书");
        assertPdf(office.getBytes(c.base() + "/documents/targets/" + jiaxian + "/recommendation-letter.pdf"), "法治建议书");
        assertPdf(
                office.getBytes(c.base() + "/documents/targets/" + jiaxian + "/rectification-notice.pdf"),
                "关于郏县人民政府限期整改");
        String after = jdbc.sql("select after_data from audit_record where action = 'report.document.generate'"
                        + " and object_id = ? order by seq desc limit 1")
                .param("campaign/" + c.id() + "/results-notice")
                .query(String.class)
                .single();
        assertThat(after).contains(sha256(notice.body())).contains("\"format\":\"pdf\"");
    }

    @Test
    void anyoneButTheCampaignsOfficeGets404_audited() {
        long before = jdbc.sql(
                        "select count(*) from audit_record where action = 'campaign.manage' and outcome = 'DENIED'")
                .query(Long.class)
                .single();
        long jiaxian = c.target("郏县人民政府");
        for (String user : List.of("pds-xq-03", "pds-leader", "pdssssfjyfxzzdk", "ls-office")) {
            ApiClient other = ApiClient.as(port, demo, user);
            assertThat(other.getBytes(c.base() + "/documents/results-notice.docx")
                            .statusCode())
                    .as(user)
                    .isEqualTo(404);
            assertThat(other.getBytes(c.base() + "/documents/targets/" + jiaxian + "/feedback-letter.pdf")
                            .statusCode())
                    .as(user)
                    .isEqualTo(404);
            assertThat(other.get(c.base() + "/documents/settings").statusCode())
                    .as(user)
                    .isEqualTo(404);
            assertThat(other.put(c.base() + "/documents/settings", "{\"documentNo\":\"x\"}")
                            .statusCode())
                    .as(user)
                    .isEqualTo(404);
        }
        long after = jdbc.sql(
                        "select count(*) from audit_record where action = 'campaign.manage' and outcome = 'DENIED'")
                .query(Long.class)
                .single();
        assertThat(after - before).isGreaterThanOrEqualTo(16);
        assertThat(ok(office.get(c.base() + "/documents/settings"))
                        .get("documentNo")
                        .asText())
                .isEqualTo(DOC_NO);
    }

    @Test
    void theOfficesPageShowsTheSettingsFormAndTheLinks() {
        DocumentFixtures.Campaign fresh = DocumentFixtures.create(port, demo, "公文页面测试", false);
        WebClient web = new WebClient(port);
        assertThat(web.login("pds-office", demo.password("pds-office")).statusCode())
                .isEqualTo(302);
        assertThat(web.get("/campaigns/" + c.id()).body()).contains("/campaigns/" + c.id() + "/documents");
        HttpResponse<String> page = web.get("/campaigns/" + c.id() + "/documents");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"settingsForm\"")
                .contains(DOC_NO)
                .contains("/app/campaigns/" + c.id() + "/documents/results-notice.docx")
                .contains("/app/campaigns/" + c.id() + "/documents/targets/" + c.target("郏县人民政府")
                        + "/recommendation-letter.pdf")
                .doesNotContain("/documents/targets/" + c.target("舞钢市人民政府") + "/recommendation-letter");
        // the page's links work with the session
        HttpResponse<byte[]> viaSession = web.sendBytes(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(web.base() + "/app/campaigns/" + c.id() + "/documents/annual-report.docx"))
                .GET()
                .build());
        assertThat(viaSession.statusCode()).isEqualTo(200);

        // the form saves the settings of a campaign whose results are not approved: no notice link yet
        web.get("/campaigns/" + fresh.id() + "/documents");
        HttpResponse<String> saved = web.post(
                "/campaigns/" + fresh.id() + "/documents/settings",
                Map.of(
                        "issuingAuthority", AUTHORITY,
                        "documentNo", "平法政办〔2026〕21号",
                        "signingDate", "2026-12-01",
                        "chineseNumeralDate", "true"));
        assertThat(saved.statusCode()).isEqualTo(302);
        JsonNode s = ok(office.get(fresh.base() + "/documents/settings"));
        assertThat(s.get("documentNo").asText()).isEqualTo("平法政办〔2026〕21号");
        assertThat(s.get("chineseNumeralDate").asBoolean()).isTrue();
        assertThat(s.get("signingDate").asText()).isEqualTo("2026-12-01");
        HttpResponse<String> again = web.get("/campaigns/" + fresh.id() + "/documents");
        assertThat(again.body()).contains("平法政办〔2026〕21号").doesNotContain("/documents/results-notice.docx");

        // a target's account: 404
        WebClient target = new WebClient(port);
        target.login("pds-xq-04", demo.password("pds-xq-04"));
        assertThat(target.get("/campaigns/" + c.id() + "/documents").statusCode())
                .isEqualTo(404);
    }

    // ------------------------------------------------------------------ helpers

    private void assertPdf(HttpResponse<byte[]> r, String title) throws Exception {
        assertThat(r.statusCode()).isEqualTo(200);
        keep(r);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(r.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        if (!Files.isExecutable(Path.of("/usr/bin/pdftotext"))) {
            System.out.println("pdftotext not installed: the PDF's text is not checked");
            return;
        }
        Path pdf = Files.createTempFile("dudao-document", ".pdf");
        try {
            Files.write(pdf, r.body());
            Process p = new ProcessBuilder("/usr/bin/pdftotext", "-enc", "UTF-8", pdf.toString(), "-")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(text.replaceAll("\\s+", "")).contains(title.replaceAll("\\s+", ""));
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    private XWPFDocument docx(String path) throws IOException {
        HttpResponse<byte[]> r = office.getBytes(path);
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        keep(r);
        return new XWPFDocument(new ByteArrayInputStream(r.body()));
    }

    /** Keeps the file under target/documents-it/ for a look (its name from Content-Disposition). */
    private static void keep(HttpResponse<byte[]> r) throws IOException {
        String cd = r.headers().firstValue("Content-Disposition").orElse("");
        int i = cd.indexOf("filename*=UTF-8''");
        if (i < 0) {
            return;
        }
        String name = java.net.URLDecoder.decode(cd.substring(i + 17), StandardCharsets.UTF_8);
        Path dir = Path.of("target/documents-it");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name.replaceAll("[/\\\\]", "_")), r.body());
    }

    /** The ranking sentence of a category built from GET …/results: 第1名A；并列第2名：B、C；第4名D。 */
    private String ranking(String category) {
        List<JsonNode> ranked = results.values().stream()
                .filter(x -> x.get("category").asText().equals(category)
                        && !x.get("rank").isNull())
                .sorted(java.util.Comparator.comparingInt(x -> x.get("rank").asInt()))
                .toList();
        Map<Integer, List<String>> byRank = new LinkedHashMap<>();
        for (JsonNode x : ranked) {
            byRank.computeIfAbsent(x.get("rank").asInt(), k -> new ArrayList<>())
                    .add(x.get("name").asText());
        }
        List<String> parts = new ArrayList<>();
        byRank.forEach((rank, names) -> parts.add(
                names.size() == 1 ? "第" + rank + "名" + names.get(0) : "并列第" + rank + "名：" + String.join("、", names)));
        return String.join("；", parts) + "。";
    }

    private String level(String target) {
        return results.get(c.target(target)).get("level").asText();
    }

    private String name(long targetId) {
        return results.get(targetId).get("name").asText();
    }

    private static String points(JsonNode n) {
        return n.decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static XWPFTableRow row(XWPFTable table, String key) {
        for (XWPFTableRow r : table.getRows()) {
            if (r.getCell(0).getText().equals(key) || r.getCell(1).getText().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no row " + key);
    }

    private static int rowIndex(XWPFTable table, String name) {
        for (int i = 0; i < table.getRows().size(); i++) {
            if (table.getRow(i).getCell(1).getText().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
