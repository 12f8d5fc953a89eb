package org.dudao.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.json;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.dudao.shared.text.CsvReader;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.MutableDatabaseTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PY-2020 inspection (seed 002) through its phases over the REST API, on the database clock: the
 * self-inspection report with the 60 % rule both ways and its deadline (8-10, extension), a team and its
 * schedule, scoring on both sheets (deductions against clauses, one beyond the item's points refused,
 * sheet totals of 100), the team report as docx opened with POI, and the formal feedback turned into a
 * rectification item.
 */
@DudaoIntegrationTest
class InspectionIT {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableDatabaseTime databaseTime;

    @AfterEach
    void resetClock() {
        databaseTime.reset();
    }

    static Instant beijing(String at) {
        return LocalDateTime.parse(at).atZone(BEIJING).toInstant();
    }

    static String body(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long unit(String name) {
        return jdbc.sql("select id from organization_unit where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    /** The points of the TASK rows of a transcribed sheet, summed from the CSV itself. */
    static BigDecimal csvTotal(String code) throws Exception {
        try (InputStream in = new ClassPathResource("indicator/builtin/" + code + ".csv").getInputStream()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Map<String, String> r : CsvReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                if ("TASK".equals(r.get("kind")) && !r.get("points").isBlank()) {
                    sum = sum.add(new BigDecimal(r.get("points")));
                }
            }
            return sum;
        }
    }

    @Test
    void inspectionThroughItsPhases() throws Exception {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        ApiClient ye = ApiClient.as(port, demo, "pds-xq-05");
        ApiClient zhanhe = ApiClient.as(port, demo, "pds-xq-08");
        ApiClient inspector = ApiClient.as(port, demo, "pds-inspector");
        int year = LocalDate.now(BEIJING).getYear();

        // -- preparation: the template with both sheets and the seed's dates
        long id = ok(office.post(
                        "/api/v1/campaigns",
                        body(Map.of("template", "PY-2020", "name", year + "年督察（测试）", "year", year))))
                .get("id")
                .asLong();
        String base = "/api/v1/campaigns/" + id + "/inspection";
        JsonNode campaign = ok(office.get("/api/v1/campaigns/" + id));
        assertThat(campaign.toString())
                .contains("SELF_INSPECTION")
                .contains(year + "-08-10")
                .contains(year + "-09-05");

        // each sheet sums to 100, in the CSV as transcribed and in the software's check
        assertThat(csvTotal("PY-2020-PARTY")).isEqualByComparingTo("100");
        assertThat(csvTotal("PY-2020-GOV")).isEqualByComparingTo("100");
        JsonNode blank = ok(office.get(base + "/sheets"));
        assertThat(blank).hasSize(2);
        assertThat(blank.get(0).get("name").asText()).isEqualTo("党委主要负责人");
        assertThat(blank.get(0).get("items")).hasSize(27);
        assertThat(blank.get(1).get("name").asText()).isEqualTo("政府主要负责人");
        assertThat(blank.get(1).get("items")).hasSize(30);
        for (JsonNode sheet : blank) {
            assertThat(sheet.get("totalPoints").decimalValue()).isEqualByComparingTo("100");
            assertThat(sheet.get("totalOk").asBoolean()).isTrue();
        }
        // the source's own disagreement is reported, not corrected: GOV item 1 prints 2 + 2 + 4 for 7 points
        JsonNode govFirst = blank.get(1).get("items").get(0);
        assertThat(govFirst.get("points").decimalValue()).isEqualByComparingTo("7");
        assertThat(govFirst.get("standardNote").asText()).contains("合计 8 分");

        // the office adds the counties as targets
        long partyCategory = blank.get(0).get("categoryId").asLong();
        long yeTarget = ok(office.post(base + "/targets", body(Map.of("unitId", unit("叶县人民政府")))))
                .get("id")
                .asLong();
        long zhanheTarget = ok(office.post(
                        base + "/targets", body(Map.of("unitId", unit("湛河区人民政府"), "categoryId", partyCategory))))
                .get("id")
                .asLong();
        assertThat(office.post(base + "/targets", body(Map.of("unitId", unit("叶县人民政府"))))
                        .statusCode())
                .isEqualTo(409);
        // a target cannot add targets
        assertThat(ye.post(base + "/targets", body(Map.of("unitId", unit("郏县人民政府"))))
                        .statusCode())
                .isEqualTo(403);

        // -- self-inspection (8-01 … 8-10)
        databaseTime.setTo(beijing(year + "-08-05T10:00"));
        String narrative = "今年以来，我县认真贯彻落实法治政府建设实施纲要，全面推进依法行政。".repeat(6);
        Map<String, Object> problem = Map.of(
                "description", "行政执法公示制度落实不到位，部分执法单位未在网站公示执法结果，公示率仅为百分之七十二。",
                "causes", "执法人员对公示制度认识不足。",
                "measures", "");
        HttpResponse<String> noMeasures = ye.put(
                base + "/self-report",
                body(Map.of("narrative", narrative, "figures", List.of(), "problems", List.of(problem))));
        assertThat(noMeasures.statusCode()).isEqualTo(400);
        assertThat(json(noMeasures).get("detail").asText()).contains("第 1 个问题没有整改措施");
        assertThat(ok(ye.get(base + "/self-report")).get("status").asText()).isEqualTo("NONE");

        Map<String, Object> p1 = Map.of(
                "description", problem.get("description"),
                "causes", problem.get("causes"),
                "measures", "九月底前完成全部执法单位公示平台建设，每月通报公示率，纳入年度依法行政考核。");
        List<Map<String, String>> figures = List.of(Map.of("label", "行政复议案件", "value", "52件"));
        // too much narrative: below 60 % — saved as a draft, shown, refused on submission
        JsonNode draft = ok(ye.put(
                base + "/self-report",
                body(Map.of("narrative", narrative, "figures", figures, "problems", List.of(p1)))));
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("measure").get("shareOk").asBoolean()).isFalse();
        HttpResponse<String> low = ye.post(base + "/self-report/submission", "");
        assertThat(low.statusCode()).isEqualTo(400);
        assertThat(json(low).get("detail").asText()).contains("不足 60%");
        // the live check answers without saving
        Map<String, Object> p2 = Map.of(
                "description", "重大行政决策合法性审查覆盖面不足，全年12项重大决策中有3项未经合法性审查即提交集体讨论。",
                "causes", "",
                "measures", "建立重大行政决策目录管理制度，未经合法性审查的一律不得提交会议讨论，司法局按季度督查。");
        String shortNarrative = "我县对照打分表逐项自查，情况如下。";
        Map<String, Object> good = Map.of("narrative", shortNarrative, "figures", figures, "problems", List.of(p1, p2));
        JsonNode measure = ok(ye.post(base + "/self-report/measure", body(good)));
        assertThat(measure.get("shareOk").asBoolean()).isTrue();
        assertThat(measure.get("share").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("60"));
        // over the length limit: refused, nothing changed
        HttpResponse<String> tooLong = ye.put(
                base + "/self-report",
                body(Map.of("narrative", "字".repeat(20001), "figures", figures, "problems", List.of(p1))));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).get("detail").asText()).contains("超过篇幅上限 20000 字");
        assertThat(ok(ye.get(base + "/self-report")).get("narrative").asText()).isEqualTo(narrative);
        // ≥ 60 %: submitted, then read-only
        ok(ye.put(base + "/self-report", body(good)));
        JsonNode submitted = ok(ye.post(base + "/self-report/submission", ""));
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("measure").get("share").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("60"));
        assertThat(ye.put(base + "/self-report", body(good)).statusCode()).isEqualTo(409);
        // the office's account (on the office unit, below the city that owns the campaign) is told
        assertThat(ok(office.get("/api/v1/notifications?size=50")).get("items"))
                .anySatisfy(n -> assertThat(n.get("title").asText())
                        .startsWith("【自查报告】叶县")
                        .endsWith("已报送自查报告"));
        // another target cannot read it; the office can
        assertThat(zhanhe.get(base + "/targets/" + yeTarget + "/self-report").statusCode())
                .isEqualTo(404);
        assertThat(ok(office.get(base + "/targets/" + yeTarget + "/self-report"))
                        .get("problems")
                        .size())
                .isEqualTo(2);

        // 湛河区 saves on the last evening, is late at 00:30 and gets an extension
        databaseTime.setTo(beijing(year + "-08-10T23:00"));
        ok(zhanhe.put(base + "/self-report", body(good)));
        databaseTime.setTo(beijing(year + "-08-11T00:30"));
        HttpResponse<String> late = zhanhe.post(base + "/self-report/submission", "");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json(late).get("detail").asText()).contains(year + "-08-10").contains("不予受理");
        ok(office.post(
                "/api/v1/campaigns/" + id + "/extensions",
                body(Map.of(
                        "targetId",
                        zhanheTarget,
                        "until",
                        beijing(year + "-08-12T18:00").toString(),
                        "reason",
                        "防汛抢险，延期两天"))));
        assertThat(ok(zhanhe.post(base + "/self-report/submission", ""))
                        .get("status")
                        .asText())
                .isEqualTo("SUBMITTED");

        // -- on-site inspection (8-11 … 8-20): a team and its schedule
        Map<String, Object> leader =
                Map.of("role", "LEADER", "name", "张组长", "unitId", unit("市法治政府建设领导小组办公室"), "username", "pds-inspector");
        Map<String, Object> member = Map.of("role", "MEMBER", "name", "李成员", "unitId", unit("市司法局"));
        Map<String, Object> expert = Map.of("role", "EXPERT", "name", "王教授", "organisation", "河南大学法学院");
        HttpResponse<String> noLeader =
                office.post(base + "/teams", body(Map.of("name", "第一督察组", "members", List.of(member, expert))));
        assertThat(noLeader.statusCode()).isEqualTo(400);
        assertThat(json(noLeader).get("detail").asText()).contains("组长");
        long team = ok(office.post(
                        base + "/teams", body(Map.of("name", "第一督察组", "members", List.of(leader, member, expert)))))
                .get("id")
                .asLong();
        HttpResponse<String> outside = office.post(
                base + "/visits", body(Map.of("targetId", yeTarget, "teamId", team, "visitOn", year + "-08-25")));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(json(outside).get("detail").asText()).contains("不在实地督察阶段");
        // before the schedule the inspector may not score 叶县 (404, audited)
        assertThat(inspector.get(base + "/targets/" + yeTarget + "/sheets").statusCode())
                .isEqualTo(404);
        ok(office.post(
                base + "/visits", body(Map.of("targetId", yeTarget, "teamId", team, "visitOn", year + "-08-12"))));

        // -- scoring on both sheets, as the team's leader
        databaseTime.setTo(beijing(year + "-08-12T10:00"));
        JsonNode sheets = ok(inspector.get(base + "/targets/" + yeTarget + "/sheets"));
        JsonNode party1 = sheets.get(0).get("items").get(0);
        assertThat(party1.get("points").decimalValue()).isEqualByComparingTo("6");
        assertThat(party1.get("clauses")).hasSize(3);
        long partyTask1 = party1.get("taskId").asLong();
        JsonNode gov1 = sheets.get(1).get("items").get(0);
        long govTask1 = gov1.get("taskId").asLong();

        HttpResponse<String> noReason = inspector.post(
                base + "/targets/" + yeTarget + "/deductions",
                body(Map.of("taskId", partyTask1, "clauseNo", 1, "points", 1)));
        assertThat(noReason.statusCode()).isEqualTo(400);
        JsonNode item = ok(inspector.post(
                base + "/targets/" + yeTarget + "/deductions",
                body(Map.of("taskId", partyTask1, "clauseNo", 1, "points", 1, "reason", "上半年仅听取一次法治建设工作汇报"))));
        assertThat(item.get("score").decimalValue()).isEqualByComparingTo("5");
        // a clause is worth 2: 2 more on clause 1 is refused
        assertThat(inspector
                        .post(
                                base + "/targets/" + yeTarget + "/deductions",
                                body(Map.of("taskId", partyTask1, "clauseNo", 1, "points", 2, "reason", "记录不全")))
                        .statusCode())
                .isEqualTo(409);
        // GOV item 1 (7 points, clauses printed 2 + 2 + 4): 4 + 2 fit, 2 more would pass 7 → refused
        ok(inspector.post(
                base + "/targets/" + yeTarget + "/deductions",
                body(Map.of("taskId", govTask1, "clauseNo", 3, "points", 4, "reason", "五年规划未落实"))));
        ok(inspector.post(
                base + "/targets/" + yeTarget + "/deductions",
                body(Map.of("taskId", govTask1, "clauseNo", 1, "points", 2, "reason", "未制定五年规划"))));
        HttpResponse<String> beyond = inspector.post(
                base + "/targets/" + yeTarget + "/deductions",
                body(Map.of("taskId", govTask1, "clauseNo", 2, "points", 2, "reason", "未确定年度重点工作")));
        assertThat(beyond.statusCode()).isEqualTo(409);
        assertThat(json(beyond).get("detail").asText())
                .contains("满分 7 分")
                .contains("已扣 6 分")
                .contains("超过本项分值");

        sheets = ok(inspector.get(base + "/targets/" + yeTarget + "/sheets"));
        assertThat(sheets.get(0).get("score").decimalValue()).isEqualByComparingTo("99");
        assertThat(sheets.get(1).get("score").decimalValue()).isEqualByComparingTo("94");
        assertThat(sheets.get(1).get("items").get(0).get("score").decimalValue())
                .isEqualByComparingTo("1");
        // the office withdraws one deduction with a reason; the history keeps who, when, old → new, why
        JsonNode toWithdraw =
                sheets.get(1).get("items").get(0).get("deductions").get(0);
        assertThat(toWithdraw.get("reason").asText()).isEqualTo("未制定五年规划");
        assertThat(toWithdraw.get("clauseText").asText()).startsWith("制定五年规划得2分");
        long withdrawn = toWithdraw.get("id").asLong();
        assertThat(office.post(base + "/deductions/" + withdrawn + "/withdrawal", "{}")
                        .statusCode())
                .isEqualTo(400);
        ok(office.post(base + "/deductions/" + withdrawn + "/withdrawal", body(Map.of("reason", "规划已于7月印发，补充材料核实"))));
        JsonNode history = ok(office.get(base + "/targets/" + yeTarget + "/history"));
        assertThat(history).hasSize(4);
        JsonNode last = history.get(3);
        assertThat(last.get("oldScore").decimalValue()).isEqualByComparingTo("1");
        assertThat(last.get("newScore").decimalValue()).isEqualByComparingTo("3");
        assertThat(last.get("reason").asText()).contains("规划已于7月印发");
        assertThat(last.get("changedBy").asText()).isEqualTo("pds-office");
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'inspection.score.deduct'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
        // the target sees its scores but may not score
        assertThat(ok(ye.get(base + "/targets/" + yeTarget + "/sheets"))
                        .get(1)
                        .get("score")
                        .decimalValue())
                .isEqualByComparingTo("96");
        assertThat(ye.post(
                                base + "/targets/" + yeTarget + "/deductions",
                                body(Map.of("taskId", partyTask1, "clauseNo", 2, "points", 1, "reason", "x")))
                        .statusCode())
                .isEqualTo(403);
        ok(inspector.post(
                base + "/targets/" + yeTarget + "/notes", body(Map.of("body", "现场反馈：执法公示和重大决策合法性审查两项需尽快整改。"))));

        // -- the team report (due 8-25) as docx
        databaseTime.setTo(beijing(year + "-08-24T16:00"));
        assertThat(inspector
                        .put(base + "/teams/" + team + "/report", body(Map.of("summary", "", "submit", true)))
                        .statusCode())
                .isEqualTo(400);
        JsonNode reported = ok(inspector.put(
                base + "/teams/" + team + "/report",
                body(Map.of("summary", "叶县党政主要负责人履行第一责任人职责总体较好。\n建议加强执法公示。", "submit", true))));
        assertThat(reported.get("reportStatus").asText()).isEqualTo("SUBMITTED");
        // a reported team takes no further targets (they would be scored outside any report)
        HttpResponse<String> intoReported = office.post(
                base + "/visits", body(Map.of("targetId", zhanheTarget, "teamId", team, "visitOn", year + "-08-13")));
        assertThat(intoReported.statusCode()).isEqualTo(409);
        assertThat(json(intoReported).get("detail").asText()).contains("已提交报告");
        assertThat(reported.get("reportLate").asBoolean()).isFalse();
        assertThat(ok(office.get("/api/v1/notifications?size=50")).get("items"))
                .anySatisfy(n -> assertThat(n.get("title").asText()).contains("督察组报告已提交"));
        // submitted: the team's scores are locked
        assertThat(inspector
                        .post(
                                base + "/targets/" + yeTarget + "/deductions",
                                body(Map.of("taskId", partyTask1, "clauseNo", 2, "points", 1, "reason", "记录不完整")))
                        .statusCode())
                .isEqualTo(409);
        HttpResponse<byte[]> docx = inspector.getBytes(base + "/teams/" + team + "/report.docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            String text = new XWPFWordExtractor(doc).getText();
            assertThat(text)
                    .contains("第一督察组督察报告")
                    .contains("张组长")
                    .contains("王教授")
                    .contains("叶县人民政府")
                    .contains("上半年仅听取一次法治建设工作汇报")
                    .contains("现场反馈：执法公示")
                    .contains("建议加强执法公示");
            List<String> totals = new ArrayList<>();
            for (XWPFTable t : doc.getTables()) {
                if (t.getRow(0).getCell(0).getText().equals("打分表")
                        && t.getRow(0).getTableCells().size() == 4) {
                    for (int r = 1; r < t.getNumberOfRows(); r++) {
                        totals.add(t.getRow(r).getCell(0).getText() + "="
                                + t.getRow(r).getCell(3).getText());
                    }
                }
            }
            assertThat(totals).containsExactly("党委主要负责人=99", "政府主要负责人=96");
        }
        // another team's member or a target cannot download it
        assertThat(zhanhe.getBytes(base + "/teams/" + team + "/report.docx").statusCode())
                .isEqualTo(404);

        // -- formal feedback (8-25 … 9-05) → confirmation → rectification
        databaseTime.setTo(beijing(year + "-08-26T09:00"));
        JsonNode sent = ok(office.post(
                base + "/targets/" + yeTarget + "/feedback",
                body(Map.of(
                        "items",
                        List.of(Map.of("taskId", govTask1, "severity", "MAJOR", "description", "法治政府建设五年规划落实不到位。"))))));
        assertThat(sent).hasSize(1);
        long problemId = sent.get(0).get("id").asLong();
        assertThat(sent.get(0).get("description").asText()).contains("督察反馈意见").contains("政府主要负责人");
        String fb = "/api/v1/campaigns/" + id;
        ok(ye.post(fb + "/problems/" + problemId + "/response", body(Map.of("decision", "CONFIRM"))));
        JsonNode items = ok(ye.get(fb + "/rectifications"));
        assertThat(items).hasSize(1);
        long itemId = items.get(0).get("id").asLong();
        ok(ye.put(
                fb + "/rectifications/" + itemId + "/plan",
                body(Map.of(
                        "measures",
                        "8月底前印发落实五年规划的年度任务清单。",
                        "responsiblePerson",
                        "县司法局局长",
                        "deadline",
                        year + "-09-05"))));
        JsonNode done = ok(ye.post(
                fb + "/rectifications/" + itemId + "/reports",
                body(Map.of("kind", "COMPLETION", "body", "已印发年度任务清单并逐项落实。"))));
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(ok(office.get(base + "/feedback"))).hasSize(1);
    }
}
