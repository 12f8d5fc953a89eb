package org.dudao.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.json;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.dudao.feedback.domain.ProblemService;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.MutableDatabaseTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Feedback, review and rectification end to end through the REST API, on the working-day calendar
 * across the 2026 National Day holiday: a problem fed back on 2026-09-30 may be answered and reviewed
 * until 2026-10-13 24:00 (10-01…10-07 off, 10-10 Saturday an adjusted working day).
 */
@DudaoIntegrationTest
class FeedbackIT {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableDatabaseTime databaseTime;

    @Autowired
    ProblemService problemService;

    @AfterEach
    void resetClock() {
        databaseTime.reset();
    }

    static Instant beijing(String at) {
        return LocalDateTime.parse(at).atZone(BEIJING).toInstant();
    }

    @Test
    void problemDisputeReviewOnTheLastDayChangeAndRectificationToClosure() throws Exception {
        FeedbackFixtures.Published c = FeedbackFixtures.campaign(port, demo, "反馈复核测试", true);
        String base = c.base();
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        ApiClient wugangUser = ApiClient.as(port, demo, "pds-xq-01");
        ApiClient baofengUser = ApiClient.as(port, demo, "pds-xq-02");
        long wugang = c.target("舞钢市人民政府");
        long baofeng = c.target("宝丰县人民政府");
        long task = c.taskOf("县区政府");
        JsonNode before = result(office, base, wugang);

        // -- problems fed back on 2026-09-30, the eve of the National Day holiday
        databaseTime.setTo(beijing("2026-09-30T10:00"));
        JsonNode p1 = ok(office.post(base + "/problems", problem(wugang, task, "行政规范性文件未按规定报备。")));
        assertThat(p1.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(p1.get("deliveredOn").asText()).isEqualTo("2026-09-30");
        assertThat(p1.get("responseDue").asText()).isEqualTo("2026-10-13");
        JsonNode p2 = ok(office.post(base + "/problems", problem(baofeng, task, "重大行政决策未经合法性审查。")));
        long problem1 = p1.get("id").asLong();
        long problem2 = p2.get("id").asLong();

        // a target sees its own problems only; another target's problem is 404
        assertThat(ok(wugangUser.get(base + "/problems")))
                .extracting(n -> n.get("id").asLong())
                .containsExactly(problem1);
        assertThat(wugangUser.get(base + "/problems/" + problem2).statusCode()).isEqualTo(404);

        // -- 舞钢 disputes; disputing needs an explanation
        assertThat(wugangUser
                        .post(base + "/problems/" + problem1 + "/response", "{\"decision\":\"DISPUTE\"}")
                        .statusCode())
                .isEqualTo(400);
        databaseTime.setTo(beijing("2026-10-09T09:00"));
        assertThat(ok(wugangUser.post(
                                base + "/problems/" + problem1 + "/response",
                                "{\"decision\":\"DISPUTE\",\"explanation\":\"该文件已于9月报备，附回执。\"}"))
                        .get("status")
                        .asText())
                .isEqualTo("DISPUTED");

        // -- the review request on the last day of the window (Tuesday 2026-10-13, 23:30) is accepted
        databaseTime.setTo(beijing("2026-10-13T23:30"));
        JsonNode review = ok(wugangUser.post(
                base + "/reviews", "{\"problemId\":" + problem1 + ",\"statement\":\"报备回执证明文件已按期报备，请求复核。\"}"));
        long reviewId = review.get("id").asLong();
        assertThat(review.get("status").asText()).isEqualTo("FILED");
        assertThat(review.get("windowDue").asText()).isEqualTo("2026-10-13");
        // the office has 5 working days from 10-13: 10-14 … 10-20
        assertThat(review.get("decisionDue").asText()).isEqualTo("2026-10-20");
        assertThat(review.get("items").get(0).get("taskId").asLong()).isEqualTo(task);
        // the office's account (on the office unit, below the city that owns the campaign) is told
        assertThat(ok(office.get("/api/v1/notifications?size=50")).get("items")).anySatisfy(n -> {
            assertThat(n.get("kind").asText()).isEqualTo("REVIEW");
            assertThat(n.get("title").asText()).isEqualTo("【复核申请】舞钢市人民政府");
            assertThat(n.get("link").asText()).endsWith("/reviews/" + reviewId);
        });

        // -- 宝丰 is a day late: refused with the day the window closed, nothing written
        databaseTime.setTo(beijing("2026-10-14T08:30"));
        HttpResponse<String> late =
                baofengUser.post(base + "/reviews", "{\"problemId\":" + problem2 + ",\"statement\":\"请求复核。\"}");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json(late).get("detail").asText())
                .contains("2026-10-13 24:00")
                .contains("不予受理");
        assertThat(count("select count(*) from feedback_review where target_id = ?", baofeng))
                .isZero();
        // and its unanswered problem is now deemed confirmed, with a rectification item
        problemService.confirmUnanswered();
        JsonNode deemed = ok(office.get(base + "/problems/" + problem2));
        assertThat(deemed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(deemed.get("deemed").asBoolean()).isTrue();
        assertThat(deemed.get("rectificationId").isNull()).isFalse();

        // -- bad requests: twice for the same evaluation, another target's score, a decision by a target
        HttpResponse<String> twice =
                wugangUser.post(base + "/reviews", "{\"taskIds\":[" + task + "],\"statement\":\"再次申请。\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice).get("detail").asText()).contains("#" + reviewId);
        assertThat(wugangUser
                        .post(
                                base + "/reviews",
                                "{\"targetId\":" + baofeng + ",\"taskIds\":[" + task + "],\"statement\":\"代为申请。\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(wugangUser
                        .post(base + "/reviews/" + reviewId + "/decision", "{\"decision\":\"UPHELD\",\"reason\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(office.post(
                                base + "/reviews/" + reviewId + "/decision",
                                "{\"decision\":\"CHANGED\",\"reason\":\"无变更\"}")
                        .statusCode())
                .isEqualTo(400);

        // -- the office partly changes: the task goes from 优 to 良, the result is recomputed
        databaseTime.setTo(beijing("2026-10-15T10:00"));
        JsonNode decided = ok(office.post(
                base + "/reviews/" + reviewId + "/decision",
                "{\"decision\":\"PARTLY_CHANGED\",\"reason\":\"回执证明已报备，但报备超过法定期限。\",\"evaluations\":[{\"targetId\":"
                        + wugang + ",\"taskId\":" + task + ",\"grade\":\"GOOD\",\"reason\":\"报备超期（复核认定）\"}]}"));
        assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
        assertThat(decided.get("overdue").asBoolean()).isFalse();
        JsonNode changedEvaluation = decided.get("changes").get("evaluations").get(0);
        assertThat(changedEvaluation.get("before").get("grade").asText()).isEqualTo("EXCELLENT");
        assertThat(changedEvaluation.get("after").get("grade").asText()).isEqualTo("GOOD");
        JsonNode after = result(office, base, wugang);
        assertThat(after.get("finalScore").decimalValue())
                .isLessThan(before.get("finalScore").decimalValue());
        assertThat(after.get("reviewId").asLong()).isEqualTo(reviewId);
        assertThat(decided.get("changes").get("results").get(0).get("newFinal").decimalValue())
                .isEqualByComparingTo(after.get("finalScore").decimalValue());
        // the target's breakdown shows the changed line and the review that changed it
        JsonNode breakdown = ok(wugangUser.get(base + "/results/" + wugang + "/breakdown"));
        JsonNode line = null;
        for (JsonNode l : breakdown.get("tasks")) {
            if (l.get("taskId").asLong() == task) {
                line = l;
            } else {
                // every other line was rated outside any review
                assertThat(l.get("reviewId").isNull())
                        .as("task %s", l.get("taskId"))
                        .isTrue();
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("reviewId").asLong()).isEqualTo(reviewId);
        assertThat(line.get("reason").asText()).contains("复核认定");
        // a decided review cannot be decided again
        assertThat(office.post(
                                base + "/reviews/" + reviewId + "/decision",
                                "{\"decision\":\"UPHELD\",\"reason\":\"再议\"}")
                        .statusCode())
                .isEqualTo(409);

        // -- the problem is confirmed by the decision and runs through rectification to closure
        JsonNode problem = ok(wugangUser.get(base + "/problems/" + problem1));
        assertThat(problem.get("status").asText()).isEqualTo("CONFIRMED");
        long item = problem.get("rectificationId").asLong();
        String itemPath = base + "/rectifications/" + item;
        assertThat(wugangUser
                        .post(itemPath + "/reports", "{\"kind\":\"PROGRESS\",\"body\":\"已着手\"}")
                        .statusCode())
                .isEqualTo(409); // measures first
        assertThat(ok(wugangUser.put(
                                itemPath + "/plan",
                                "{\"measures\":\"建立规范性文件报备台账，专人负责。\",\"responsiblePerson\":\"法制科 张科长\",\"deadline\":\"2026-10-30\"}"))
                        .get("status")
                        .asText())
                .isEqualTo("IN_PROGRESS");
        ok(wugangUser.post(itemPath + "/reports", "{\"kind\":\"PROGRESS\",\"body\":\"台账已建立。\"}"));
        assertThat(ok(wugangUser.post(itemPath + "/reports", "{\"kind\":\"COMPLETION\",\"body\":\"整改完成。\"}"))
                        .get("status")
                        .asText())
                .isEqualTo("COMPLETED");
        assertThat(office.post(itemPath + "/verification", "{\"accept\":false}").statusCode())
                .isEqualTo(400); // a rejection needs a reason
        assertThat(ok(office.post(itemPath + "/verification", "{\"accept\":false,\"reason\":\"缺少台账截图。\"}"))
                        .get("status")
                        .asText())
                .isEqualTo("IN_PROGRESS");
        ok(wugangUser.post(itemPath + "/reports", "{\"kind\":\"COMPLETION\",\"body\":\"补充台账截图。\"}"));
        JsonNode closed = ok(office.post(itemPath + "/verification", "{\"accept\":true}"));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("events"))
                .extracting(e -> e.get("kind").asText())
                .containsExactly("CREATED", "PLAN", "PROGRESS", "COMPLETION", "REJECTED", "COMPLETION", "ACCEPTED");
        assertThat(wugangUser
                        .post(itemPath + "/reports", "{\"kind\":\"PROGRESS\",\"body\":\"补充\"}")
                        .statusCode())
                .isEqualTo(409);

        // -- 宝丰's overdue item is escalated by the office
        long baofengItem = deemed.get("rectificationId").asLong();
        JsonNode escalated = ok(office.post(
                base + "/rectifications/" + baofengItem + "/escalation",
                "{\"measure\":\"SUPERVISE\",\"note\":\"逾期未制定整改措施，挂牌督办。\"}"));
        assertThat(escalated.get("escalation").asText()).isEqualTo("SUPERVISE");

        // -- the office's ledger (xlsx) and 舞钢's report (docx) hold the data
        HttpResponse<byte[]> ledger = office.getBytes(base + "/rectifications/ledger.xlsx");
        assertThat(ledger.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ledger.body()))) {
            var sheet = wb.getSheet("整改台账");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("考核对象");
            boolean wugangRow = false;
            boolean baofengRow = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                String name = row.getCell(1).getStringCellValue();
                if (name.equals("舞钢市人民政府")) {
                    wugangRow = true;
                    assertThat(row.getCell(7).getStringCellValue()).isEqualTo("已销号");
                    assertThat(row.getCell(5).getStringCellValue()).isEqualTo("法制科 张科长");
                } else if (name.equals("宝丰县人民政府")) {
                    baofengRow = true;
                    assertThat(row.getCell(9).getStringCellValue()).isEqualTo("挂牌督办");
                }
            }
            assertThat(wugangRow).isTrue();
            assertThat(baofengRow).isTrue();
        }
        assertThat(baofengUser.getBytes(base + "/rectifications/ledger.xlsx").statusCode())
                .isEqualTo(403);
        HttpResponse<byte[]> report = wugangUser.getBytes(base + "/rectifications/report.docx?targetId=" + wugang);
        assertThat(report.statusCode()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(report.body()));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText())
                    .contains("舞钢市人民政府关于")
                    .contains("行政规范性文件未按规定报备")
                    .contains("建立规范性文件报备台账")
                    .contains("已整改销号1个");
        }
        assertThat(wugangUser
                        .getBytes(base + "/rectifications/report.docx?targetId=" + baofeng)
                        .statusCode())
                .isEqualTo(404);

        // -- everything is in the audit log
        assertThat(jdbc.sql(
                                "select distinct action from audit_record where action like 'feedback.%' and outcome = 'SUCCESS'")
                        .query(String.class)
                        .list())
                .contains(
                        "feedback.problem.raise",
                        "feedback.problem.dispute",
                        "feedback.problem.deemed",
                        "feedback.review.file",
                        "feedback.review.decide",
                        "feedback.rectification.plan",
                        "feedback.rectification.accept",
                        "feedback.rectification.escalate");
        assertThat(count("select count(*) from evaluation_history where review_id = ?", reviewId))
                .isEqualTo(1);
    }

    @Test
    void resultReviewsNeedPublicationAndBulkFeedbackIsAllOrNothing() {
        FeedbackFixtures.Published c = FeedbackFixtures.campaign(port, demo, "反馈批量测试", false);
        String base = c.base();
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        ApiClient target = ApiClient.as(port, demo, "pds-xq-03");
        long jiaxian = c.target("郏县人民政府");
        long task = c.taskOf("县区政府");

        HttpResponse<String> early =
                target.post(base + "/reviews", "{\"taskIds\":[" + task + "],\"statement\":\"请求复核。\"}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json(early).get("detail").asText()).contains("尚未公布");

        long before = count("select count(*) from feedback_problem where campaign_id = ?", c.id());
        HttpResponse<String> bad = office.post(
                base + "/problems/bulk",
                "[" + problem(jiaxian, task, "实地考核发现执法案卷不规范。") + "," + "{\"targetId\":" + jiaxian
                        + ",\"description\":\"\"}]");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("detail").asText()).contains("第2条");
        assertThat(count("select count(*) from feedback_problem where campaign_id = ?", c.id()))
                .isEqualTo(before);
        JsonNode good = ok(office.post(
                base + "/problems/bulk",
                "[" + problem(jiaxian, task, "执法案卷不规范。") + "," + problem(jiaxian, null, "政务公开栏目更新不及时。") + "]"));
        assertThat(good.get("ids")).hasSize(2);

        // an assessor may not raise a problem on a task it does not assess
        long notTheirs = c.tasks().values().stream()
                .filter(t -> t.get("category").asText().equals("县区政府")
                        && !t.get("points").isNull()
                        && (t.get("assessorName").isNull()
                                || !t.get("assessorName").asText().contains("依法行政指导科")))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        ApiClient assessor = ApiClient.as(port, demo, "pdssssfjyfxzzdk");
        assertThat(assessor.post(base + "/problems", problem(jiaxian, notTheirs, "不属于本单位的任务。"))
                        .statusCode())
                .isEqualTo(404);
        // calendar range: a problem raised when the calendar has no data is refused with a clear message
        databaseTime.setTo(beijing("2031-03-02T10:00"));
        HttpResponse<String> outOfRange = office.post(base + "/problems", problem(jiaxian, task, "超出日历范围。"));
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(json(outOfRange).get("detail").asText()).contains("2031");
    }

    private static String problem(long target, Long task, String description) {
        return "{\"targetId\":" + target + (task == null ? "" : ",\"taskId\":" + task)
                + ",\"source\":\"ROUTINE\",\"severity\":\"MAJOR\",\"description\":\"" + description
                + "\",\"pointsAffected\":0.5}";
    }

    private static JsonNode result(ApiClient office, String base, long targetId) {
        for (JsonNode r : ok(office.get(base + "/results"))) {
            if (r.get("targetId").asLong() == targetId) {
                return r;
            }
        }
        throw new AssertionError("no result for " + targetId);
    }

    private long count(String sql, Object... args) {
        return jdbc.sql(sql).params(args).query(Long.class).single();
    }
}
