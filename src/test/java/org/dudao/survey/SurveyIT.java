package org.dudao.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.json;
import static org.dudao.support.ApiClient.ok;
import static org.dudao.survey.SurveyFixtures.assertStatus;
import static org.dudao.survey.SurveyFixtures.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.evaluation.EvaluationApi;
import org.dudao.evaluation.EvaluationView;
import org.dudao.indicator.IndicatorApi;
import org.dudao.indicator.domain.IndicatorService;
import org.dudao.organization.OrganizationApi;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.WebClient;
import org.dudao.survey.SurveyFixtures.Respondent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A satisfaction questionnaire from the office's draft to the scores: published on a 2022 campaign for
 * two targets, answered anonymously through the public links (with and without the page token, twice from
 * one device, a bot without the page, a filled honeypot, over the rate limit, script in free text),
 * exported as xlsx, and turned into each target's satisfaction evaluation and its SATISFACTION component.
 */
@DudaoIntegrationTest
class SurveyIT {

    static final String TITLE = "2026年度法治建设群众满意度调查（测试）";

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganizationApi organization;

    @Autowired
    IndicatorApi indicatorApi;

    @Autowired
    IndicatorService indicators;

    @Autowired
    EvaluationApi evaluations;

    record Setup(
            ApiClient office,
            long campaignId,
            long targetA,
            long targetB,
            long task,
            long qid,
            JsonNode q,
            Map<Long, String> tokens) {
        long question(int position) {
            return q.get("questions").get(position - 1).get("id").asLong();
        }

        long option(int position, int option) {
            return q.get("questions")
                    .get(position - 1)
                    .get("options")
                    .get(option - 1)
                    .get("id")
                    .asLong();
        }
    }

    Setup setUp(String label) {
        SurveyFixtures.prepareSystem(indicatorApi, indicators, SurveyFixtures.office(jdbc, organization, "pds-office"));
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        long campaignId = ok(office.post(
                        "/api/v1/campaigns",
                        "{\"template\":\"PDS-2022\",\"name\":\"" + year + "年度法治建设考核（" + label + "）\",\"year\":" + year
                                + "}"))
                .get("id")
                .asLong();
        Map<String, Long> targets = new HashMap<>();
        for (JsonNode t : ok(office.get("/api/v1/campaigns/" + campaignId + "/targets"))) {
            targets.put(t.get("name").asText(), t.get("id").asLong());
        }
        long task = -1;
        for (JsonNode t : ok(office.get("/api/v1/campaigns/" + campaignId + "/tasks"))) {
            if (t.get("category").asText().equals("县（市、区）")
                    && t.get("name").asText().equals(SurveyFixtures.SATISFACTION_TASK)) {
                task = t.get("id").asLong();
                assertThat(t.get("points").decimalValue()).isEqualByComparingTo("10");
            }
        }
        assertThat(task).isPositive();
        long a = targets.get("鲁山县人民政府");
        long b = targets.get("叶县人民政府");
        String body = """
                {"title":"%s","intro":"本问卷匿名填写，约需2分钟。","minResponses":3,"questions":[
                 {"kind":"RATING","text":"您对该单位依法办事的总体情况是否满意？","required":true,
                  "options":[{"label":"满意","score":100},{"label":"基本满意","score":60},{"label":"不满意","score":0}]},
                 {"kind":"RATING","text":"请为该单位的服务态度打分（1—5分）","required":true,
                  "options":[{"label":"1","score":1},{"label":"2","score":2},{"label":"3","score":3},{"label":"4","score":4},{"label":"5","score":5}]},
                 {"kind":"MULTIPLE","text":"您通过哪些渠道办事？","required":false,
                  "options":[{"label":"窗口"},{"label":"网上"},{"label":"电话"}]},
                 {"kind":"TEXT","text":"意见和建议","required":false}]}
                """.formatted(TITLE);
        JsonNode q = ok(office.post("/api/v1/campaigns/" + campaignId + "/surveys", body));
        long qid = q.get("id").asLong();
        assertThat(q.get("status").asText()).isEqualTo("DRAFT");
        ok(office.post("/api/v1/surveys/" + qid + "/publish", "{\"targetIds\":[" + a + "," + b + "]}"));
        Map<Long, String> tokens = new HashMap<>();
        for (JsonNode l : ok(office.get("/api/v1/surveys/" + qid + "/links"))) {
            String url = l.get("url").asText();
            assertThat(url).matches("http://localhost:\\d+/s/[A-Za-z0-9_-]{43}");
            tokens.put(l.get("targetId").asLong(), url.substring(url.indexOf("/s/")));
        }
        assertThat(tokens).containsOnlyKeys(a, b);
        return new Setup(office, campaignId, a, b, task, qid, q, tokens);
    }

    /** Opens the form, then posts the answers with the page token; answers the POST. */
    HttpResponse<String> answer(Respondent r, String link, String... answers) {
        assertStatus(r.open(link), 200);
        assertThat(r.pageToken).isNotNull();
        String[] all = new String[answers.length + 2];
        all[0] = "pageToken";
        all[1] = r.pageToken;
        System.arraycopy(answers, 0, all, 2, answers.length);
        return r.post(link, form(all));
    }

    @Test
    void publicResponsesBecomeEachTargetsSatisfactionScore_andSpamIsRefused() throws Exception {
        Setup s = setUp("满意度IT");
        String linkA = s.tokens.get(s.targetA);
        String q1 = "q" + s.question(1);
        String q2 = "q" + s.question(2);
        String q3 = "q" + s.question(3);
        String q4 = "q" + s.question(4);

        // a published questionnaire is immutable
        HttpResponse<String> change = s.office.put(
                "/api/v1/surveys/" + s.qid, "{\"title\":\"改\",\"questions\":[{\"kind\":\"TEXT\",\"text\":\"新题\"}]}");
        assertStatus(change, 409);
        assertThat(json(change).get("detail").asText()).contains("已发布");

        // the public page shows the questionnaire and the target's name, nothing of the application
        Respondent r1 = new Respondent(port, "10.20.0.1");
        HttpResponse<String> page = r1.open(linkA);
        assertStatus(page, 200);
        assertThat(page.body()).contains(TITLE, "鲁山县人民政府", "name=\"pageToken\"", "name=\"website\"");
        assertThat(page.body()).doesNotContain("navbar", "/campaigns", "/logout", "叶县人民政府");
        assertThat(page.headers().firstValue("Set-Cookie").orElse("")).contains("DUDAO_SURVEY_DEVICE", "HttpOnly");

        // without the page token: refused, nothing saved
        HttpResponse<String> noToken = r1.post(linkA, form(q1, "" + s.option(1, 1), q2, "" + s.option(2, 5)));
        assertStatus(noToken, 403);
        assertThat(noToken.body()).contains("页面已过期或无效");
        // a tampered page token: refused too
        String forged = r1.pageToken.substring(0, r1.pageToken.length() - 2) + "AA";
        assertStatus(r1.post(linkA, form("pageToken", forged, q1, "" + s.option(1, 1), q2, "" + s.option(2, 5))), 403);
        // a bot posting without loading the page (no device cookie) with a token lifted from another device
        Respondent bot = new Respondent(port, "10.20.0.99");
        assertStatus(
                bot.post(linkA, form("pageToken", r1.pageToken, q1, "" + s.option(1, 1), q2, "" + s.option(2, 5))),
                403);
        // the honeypot filled: refused
        Respondent filler = new Respondent(port, "10.20.0.98");
        HttpResponse<String> honey = answer(
                filler, linkA, "website", "http://spam.example", q1, "" + s.option(1, 1), q2, "" + s.option(2, 5));
        assertStatus(honey, 400);
        assertThat(honey.body()).contains("提交未被接受");
        // a required question unanswered: the form again with the message, nothing saved
        Respondent hasty = new Respondent(port, "10.20.0.97");
        HttpResponse<String> missing = answer(hasty, linkA, q2, "" + s.option(2, 4));
        assertStatus(missing, 400);
        assertThat(missing.body()).contains("请回答第 1 题", "name=\"pageToken\"");
        assertThat(responses(s.qid)).isZero();

        // three valid responses for 鲁山县, one with script and a formula in the free text
        String script = "<script>alert('x')</script> 窗口办事很快";
        String firstToken = r1.pageToken;
        assertStatus(
                r1.post(
                        linkA,
                        form(
                                "pageToken",
                                r1.pageToken,
                                q1,
                                "" + s.option(1, 1),
                                q2,
                                "" + s.option(2, 5),
                                q3,
                                "" + s.option(3, 1),
                                q3,
                                "" + s.option(3, 2),
                                q4,
                                script)),
                200);
        Respondent r2 = new Respondent(port, "10.20.0.2");
        HttpResponse<String> second = answer(
                r2,
                linkA,
                q1,
                "" + s.option(1, 2),
                q2,
                "" + s.option(2, 4),
                q4,
                "=HYPERLINK(\"http://evil.example\",\"点我\")");
        assertStatus(second, 200);
        assertThat(second.body()).contains("提交成功");
        Respondent r3 = new Respondent(port, "10.20.0.3");
        assertStatus(answer(r3, linkA, q1, "" + s.option(1, 3), q2, "" + s.option(2, 3)), 200);

        // twice from one device: the page says so, a second post is refused, even with the old token
        HttpResponse<String> again = r1.open(linkA);
        assertThat(again.body()).contains("您已提交过本问卷").doesNotContain("name=\"pageToken\"");
        HttpResponse<String> twice =
                r1.post(linkA, form("pageToken", firstToken, q1, "" + s.option(1, 1), q2, "" + s.option(2, 5)));
        assertStatus(twice, 409);
        assertThat(twice.body()).contains("您已提交过本问卷");
        assertThat(responses(s.qid)).isEqualTo(3);

        // one response for 叶县: below the minimum of 3
        Respondent r4 = new Respondent(port, "10.20.0.4");
        assertStatus(answer(r4, s.tokens.get(s.targetB), q1, "" + s.option(1, 1), q2, "" + s.option(2, 5)), 200);

        // over the rate limit (20 submissions an hour per address, counted in the database)
        Respondent flood = new Respondent(port, "10.20.0.200");
        for (int i = 0; i < 20; i++) {
            assertStatus(flood.post(linkA, form(q1, "" + s.option(1, 1))), 403);
        }
        HttpResponse<String> limited = flood.post(linkA, form(q1, "" + s.option(1, 1)));
        assertStatus(limited, 429);
        assertThat(limited.body()).contains("提交过于频繁");
        assertThat(responses(s.qid)).isEqualTo(4);

        // results: counts, shares, averages per target and question; the script is text
        JsonNode results = ok(s.office.get("/api/v1/surveys/" + s.qid + "/results"));
        JsonNode a = target(results, s.targetA);
        assertThat(a.get("responses").asLong()).isEqualTo(3);
        // (1 + 64/105 + 3/105) / 3 = 0.5460
        assertThat(a.get("satisfaction").decimalValue()).isEqualByComparingTo("0.5460");
        JsonNode rating = a.get("questions").get(0);
        assertThat(rating.get("answered").asLong()).isEqualTo(3);
        assertThat(rating.get("averageScore").decimalValue()).isEqualByComparingTo("53.33");
        assertThat(rating.get("options").get(0).get("count").asLong()).isEqualTo(1);
        assertThat(rating.get("options").get(0).get("share").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(a.get("questions").get(2).get("options").get(0).get("count").asLong())
                .isEqualTo(1);
        assertThat(a.get("questions").get(3).get("texts").toString()).contains("<script>alert('x')</script>");
        WebClient officePages = new WebClient(port);
        officePages.login("pds-office", demo.password("pds-office"));
        HttpResponse<String> resultsPage = officePages.get("/surveys/" + s.qid + "/results?target=" + s.targetA);
        assertStatus(resultsPage, 200);
        assertThat(resultsPage.body())
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 窗口办事很快")
                .doesNotContain("<script>alert(");

        // linking: only 满意度调查 tasks with points
        long otherTask = otherTask(s);
        HttpResponse<String> wrong = s.office.put(
                "/api/v1/surveys/" + s.qid + "/satisfaction", "{\"taskIds\":[" + otherTask + "],\"minResponses\":3}");
        assertStatus(wrong, 400);
        assertThat(json(wrong).get("detail").asText()).contains("满意度调查");
        ok(s.office.put(
                "/api/v1/surveys/" + s.qid + "/satisfaction", "{\"taskIds\":[" + s.task + "],\"minResponses\":3}"));

        // the explicit, confirmed action writes the scores
        assertStatus(s.office.post("/api/v1/surveys/" + s.qid + "/satisfaction/apply", "{}"), 400);
        JsonNode outcomes = ok(s.office.post("/api/v1/surveys/" + s.qid + "/satisfaction/apply", "{\"confirm\":true}"));
        JsonNode oa = outcome(outcomes, s.targetA);
        assertThat(oa.get("status").asText()).isEqualTo("SCORED");
        assertThat(oa.get("points").decimalValue()).isEqualByComparingTo("5.46");
        JsonNode ob = outcome(outcomes, s.targetB);
        assertThat(ob.get("status").asText()).isEqualTo("TOO_FEW");
        assertThat(ob.get("points").isNull()).isTrue();

        EvaluationView ev = evaluations.find(s.targetA, s.task).orElseThrow();
        assertThat(ev.points()).isEqualByComparingTo(new BigDecimal("5.46"));
        assertThat(ev.method()).isEqualTo("满意度调查");
        assertThat(ev.reason()).contains(TITLE, "有效答卷3份", "54.60%", "10分", "5.46分");
        assertThat(ev.detail()).containsEntry("questionnaireId", (int) s.qid);
        assertThat(evaluations.find(s.targetB, s.task)).isEmpty();
        assertThat(count("select count(*) from audit_record where action = 'survey.satisfaction.apply'"))
                .isPositive();
        assertThat(count("select count(*) from audit_record where action = 'evaluation.grade.write' and object_id = '"
                        + ev.id() + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_record where action = 'survey.response.submit'"
                        + " and outcome = 'DENIED'"))
                .isPositive();
        // the questionnaire page shows the formula and each target's outcome
        String show = officePages.get("/surveys/" + s.qid).body();
        assertThat(show).contains("得分 = 满意度 × 任务分值", "5.46", "54.60%", "答卷不足", "已写入");
        // applying again changes nothing
        JsonNode second2 = ok(s.office.post("/api/v1/surveys/" + s.qid + "/satisfaction/apply", "{\"confirm\":true}"));
        assertThat(outcome(second2, s.targetA).get("status").asText()).isEqualTo("UNCHANGED");
        assertThat(evaluations.find(s.targetA, s.task).orElseThrow().revision()).isEqualTo(1);

        // and the score computation counts it in the SATISFACTION component
        ok(s.office.post("/api/v1/campaigns/" + s.campaignId + "/results/compute", null));
        JsonNode breakdown =
                ok(s.office.get("/api/v1/campaigns/" + s.campaignId + "/results/" + s.targetA + "/breakdown"));
        JsonNode satisfaction = component(breakdown, "SATISFACTION");
        assertThat(satisfaction.get("raw").decimalValue()).isEqualByComparingTo("5.46");
        assertThat(satisfaction.get("applicableMax").decimalValue()).isEqualByComparingTo("10");

        // every response as xlsx, opened with POI; formula-looking text stays text
        HttpResponse<byte[]> xlsx = s.office.getBytes("/api/v1/surveys/" + s.qid + "/responses.xlsx");
        assertStatus(xlsx, 200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            Row head = sheet.getRow(0);
            assertThat(head.getCell(1).getStringCellValue()).isEqualTo("考核对象");
            assertThat(head.getCell(5).getStringCellValue()).startsWith("1. 您对该单位依法办事");
            Cell formula = null;
            Cell scriptCell = null;
            for (int i = 1; i <= 4; i++) {
                Cell c = sheet.getRow(i).getCell(8);
                if (c != null && c.getStringCellValue().startsWith("=HYPERLINK")) {
                    formula = c;
                }
                if (c != null && c.getStringCellValue().startsWith("<script>")) {
                    scriptCell = c;
                }
            }
            assertThat(formula).isNotNull();
            assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(scriptCell.getStringCellValue()).isEqualTo(script);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isIn("鲁山县人民政府", "叶县人民政府");
        }

        // another jurisdiction's office sees nothing of it
        ApiClient lushan = ApiClient.as(port, demo, "ls-office");
        assertStatus(lushan.get("/api/v1/surveys/" + s.qid), 404);
        assertStatus(lushan.get("/api/v1/surveys/" + s.qid + "/responses.xlsx"), 404);

        // closed: the link answers so, and refuses posts
        ok(s.office.post("/api/v1/surveys/" + s.qid + "/close", null));
        Respondent late = new Respondent(port, "10.20.0.5");
        HttpResponse<String> closedPage = late.open(linkA);
        assertThat(closedPage.body()).contains("本问卷已结束").doesNotContain("name=\"pageToken\"");
        HttpResponse<String> closedPost = late.post(linkA, form(q1, "" + s.option(1, 1)));
        assertStatus(closedPost, 409);
        assertThat(closedPost.body()).contains("本问卷已结束");
    }

    @Test
    void draftIsCheckedAndCopiedAfterPublishing() {
        Setup s = setUp("问卷草稿IT");
        // a rating option without points is refused with a Chinese message, nothing saved
        HttpResponse<String> bad = s.office.post(
                "/api/v1/campaigns/" + s.campaignId + "/surveys",
                "{\"title\":\"缺分值\",\"questions\":[{\"kind\":\"RATING\",\"text\":\"满意吗\",\"options\":"
                        + "[{\"label\":\"满意\",\"score\":100},{\"label\":\"不满意\"}]}]}");
        assertStatus(bad, 400);
        assertThat(json(bad).get("detail").asText()).contains("第 1 题", "不满意", "分值");
        assertThat(ok(s.office.get("/api/v1/campaigns/" + s.campaignId + "/surveys"))
                        .size())
                .isEqualTo(1);
        // a copy is a new draft with the same questions
        JsonNode copy = ok(s.office.post("/api/v1/surveys/" + s.qid + "/copy", null));
        assertThat(copy.get("status").asText()).isEqualTo("DRAFT");
        assertThat(copy.get("copiedFrom").asLong()).isEqualTo(s.qid);
        assertThat(copy.get("questions").size()).isEqualTo(4);
        // an unknown link, and a draft's questionnaire has no public page
        Respondent r = new Respondent(port, "10.20.1.1");
        HttpResponse<String> unknown = r.open("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertStatus(unknown, 404);
        assertThat(unknown.body()).contains("问卷不存在");
        // the QR code is a PNG of the link
        HttpResponse<byte[]> qr = s.office.getBytes("/api/v1/surveys/" + s.qid + "/links/"
                + ok(s.office.get("/api/v1/surveys/" + s.qid + "/links"))
                        .get(0)
                        .get("id")
                        .asLong() + "/qr.png");
        assertStatus(qr, 200);
        assertThat(qr.body()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void officeBuildsADraftOnThePages_movesAndDeletesQuestions_andPublishesForOneTarget() {
        Setup s = setUp("问卷页面IT");
        WebClient pages = new WebClient(port);
        pages.login("pds-office", demo.password("pds-office"));
        pages.get("/campaigns/" + s.campaignId + "/surveys");
        HttpResponse<String> created =
                pages.post("/campaigns/" + s.campaignId + "/surveys", Map.of("title", "窗口服务满意度", "preset", ""));
        assertStatus(created, 302);
        String path = WebClient.location(created).replaceAll("^https?://[^/]+", "");
        long qid = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        pages.get(path);
        assertStatus(pages.post(path + "/questions", Map.of("kind", "TEXT", "text", "意见建议", "options", "")), 302);
        assertStatus(
                pages.post(
                        path + "/questions",
                        Map.of(
                                "kind",
                                "RATING",
                                "text",
                                "总体满意度",
                                "required",
                                "true",
                                "options",
                                "满意=100\n基本满意＝60\n不满意=0")),
                302);
        // a rating option without points: refused with a Chinese message, nothing added
        HttpResponse<String> bad =
                pages.post(path + "/questions", Map.of("kind", "RATING", "text", "态度", "options", "满意\n不满意=0"));
        assertStatus(bad, 400);
        assertThat(bad.body()).contains("应写作“选项=分值”");
        assertStatus(pages.post(path + "/questions/2/move", Map.of("direction", "up")), 302);
        JsonNode q = ok(s.office.get("/api/v1/surveys/" + qid));
        assertThat(q.get("questions").size()).isEqualTo(2);
        assertThat(q.get("questions").get(0).get("text").asText()).isEqualTo("总体满意度");
        assertThat(q.get("questions").get(0).get("options").get(1).get("score").decimalValue())
                .isEqualByComparingTo("60");
        assertThat(q.get("questions").get(1).get("required").asBoolean()).isFalse();
        assertStatus(pages.post(path + "/questions/2/delete", Map.of()), 302);
        assertStatus(pages.post(path + "/publish", Map.of("targetIds", String.valueOf(s.targetB))), 302);
        JsonNode published = ok(s.office.get("/api/v1/surveys/" + qid));
        assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.get("questions").size()).isEqualTo(1);
        JsonNode links = ok(s.office.get("/api/v1/surveys/" + qid + "/links"));
        assertThat(links.size()).isEqualTo(1);
        assertThat(links.get(0).get("targetName").asText()).isEqualTo("叶县人民政府");
        // published: the page offers no editing, and a change is refused
        String page = pages.get(path).body();
        assertThat(page).contains("已发布的问卷不能修改").doesNotContain("id=\"questionForm\"");
        assertStatus(pages.post(path + "/questions/1/delete", Map.of()), 409);
    }

    private long responses(long qid) {
        return count("select count(*) from survey_response where questionnaire_id = " + qid);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long otherTask(Setup s) {
        for (JsonNode t : ok(s.office.get("/api/v1/campaigns/" + s.campaignId + "/tasks"))) {
            if (t.get("id").asLong() != s.task) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError();
    }

    private static JsonNode target(JsonNode results, long targetId) {
        for (JsonNode t : results.get("targets")) {
            if (t.get("targetId").asLong() == targetId) {
                return t;
            }
        }
        throw new AssertionError("no target " + targetId);
    }

    private static JsonNode outcome(JsonNode outcomes, long targetId) {
        for (JsonNode o : outcomes) {
            if (o.get("targetId").asLong() == targetId) {
                return o;
            }
        }
        throw new AssertionError("no outcome for " + targetId + " in " + outcomes);
    }

    private static JsonNode component(JsonNode breakdown, String code) {
        for (JsonNode c : breakdown.findValues("components").get(0)) {
            if (code.equals(c.get("code").asText())) {
                return c;
            }
        }
        throw new AssertionError("no component " + code + " in " + breakdown);
    }
}
