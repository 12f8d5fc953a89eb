package org.dudao.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.json;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PDS-2020 campaign end to end through the REST contract: policy, evaluations for every task of
 * every target, bonus and penalty events, compute, the approval steps and publication; three targets
 * of different categories are checked against results computed by hand (the arithmetic is written
 * next to each expectation). Runs on its own campaign from the PDS-2020 template so that locking it
 * does not disturb other tests of the shared demo campaign.
 */
@DudaoIntegrationTest
class ScoringIT {

    static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    record Target(long id, String name, String category) {}

    record Task(long id, String category, BigDecimal points, Long assessorUnitId, String assessorName) {}

    @Test
    void pds2020FromEvaluationsToPublishedResults() throws Exception {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        long id = ok(office.post(
                        "/api/v1/campaigns",
                        "{\"template\":\"PDS-2020\",\"name\":\"" + THIS_YEAR + "年度考核（计分测试）\",\"year\":" + THIS_YEAR
                                + "}"))
                .get("id")
                .asLong();
        String base = "/api/v1/campaigns/" + id;

        // -- policy: the PDS-2020 preset, and PUT of the same JSON is accepted unchanged
        JsonNode policy = ok(office.get(base + "/policy"));
        assertThat(policy.get("gradePercent").get("GOOD").decimalValue()).isEqualByComparingTo("80");
        assertThat(policy.get("gradePercent").get("FAIR").decimalValue()).isEqualByComparingTo("60");
        assertThat(policy.get("bonusCap").decimalValue()).isEqualByComparingTo("5");
        assertThat(policy.get("convertTo100").asBoolean()).isTrue();
        assertThat(policy.get("bottomN").asInt()).isEqualTo(5);
        assertThat(ok(office.put(base + "/policy", policy.toString()))).isEqualTo(policy);
        ObjectNode badPolicy = policy.deepCopy();
        ((ObjectNode) badPolicy.get("gradePercent")).put("GOOD", 120);
        assertThat(office.put(base + "/policy", badPolicy.toString()).statusCode())
                .isEqualTo(400);

        List<Target> targets = new ArrayList<>();
        for (JsonNode t : ok(office.get(base + "/targets"))) {
            targets.add(new Target(
                    t.get("id").asLong(),
                    t.get("name").asText(),
                    t.get("category").asText()));
        }
        List<Task> tasks = new ArrayList<>();
        for (JsonNode t : ok(office.get(base + "/tasks"))) {
            tasks.add(new Task(
                    t.get("id").asLong(),
                    t.get("category").asText(),
                    t.get("points").isNull() ? null : t.get("points").decimalValue(),
                    t.get("assessorUnitId").isNull()
                            ? null
                            : t.get("assessorUnitId").asLong(),
                    t.get("assessorName").asText(null)));
        }
        Target wugang = target(targets, "舞钢市人民政府");
        Target wangxin = target(targets, "市委网信办");
        Target xinwen = target(targets, "市新闻出版局");
        Target jiyao = target(targets, "市委机要保密局");
        Target fagai = target(targets, "市发改委");
        List<Task> county =
                tasks.stream().filter(t -> t.category().equals("县区政府")).toList();
        List<Task> dept1 =
                tasks.stream().filter(t -> t.category().equals("部门1")).toList();

        // the assessor 市司法局依法行政指导科 rates its own county task; another task is not its own
        Task ownTask = county.stream()
                .filter(t -> t.assessorName() != null && t.assessorName().contains("依法行政指导科"))
                .findFirst()
                .orElseThrow();
        Task otherTask = county.stream()
                .filter(t -> t.assessorUnitId() != null && !t.assessorUnitId().equals(ownTask.assessorUnitId()))
                .findFirst()
                .orElseThrow();
        Task t1 = county.stream()
                .filter(t -> t.id() != ownTask.id() && t.points().compareTo(new BigDecimal("0.5")) == 0)
                .findFirst()
                .orElseThrow();
        Task t2 = county.stream()
                .filter(t -> t.id() != ownTask.id() && t.id() != t1.id())
                .findFirst()
                .orElseThrow();

        // -- evaluations for every task of every target, by the office (all tasks) in one batch
        ArrayNode rows = JSON.createArrayNode();
        for (Target g : targets) {
            for (Task k : tasks) {
                if (!k.category().equals(g.category())) {
                    continue;
                }
                ObjectNode r = rows.addObject().put("targetId", g.id()).put("taskId", k.id());
                if (k.points() == null) {
                    r.put("notApplicable", true).put("reason", "源表未列分值，认定不适用");
                } else if (g.equals(wugang) && k.equals(t1)) {
                    r.put("points", new BigDecimal("0.25")).put("reason", "制度文件缺少备案材料");
                } else if (g.equals(wugang) && k.equals(t2)) {
                    r.put("notApplicable", true).put("reason", "本年度无此项工作");
                } else if (g.equals(wugang) || g.equals(wangxin) || g.equals(xinwen) || g.equals(fagai)) {
                    r.put("grade", "EXCELLENT");
                } else {
                    r.put("grade", "良").put("reason", "工作有待加强");
                }
            }
        }
        HttpResponse<String> put = office.put(base + "/evaluations", rows.toString());
        JsonNode answer = ok(put);
        assertThat(answer.get("applied").asBoolean()).isTrue();
        assertThat(answer.get("rows")).hasSize(rows.size());
        assertThat(answer.get("rows").get(0).get("status").asText()).isEqualTo("CREATED");
        // the same request again changes nothing
        JsonNode again = ok(office.put(base + "/evaluations", rows.toString()));
        for (JsonNode r : again.get("rows")) {
            assertThat(r.get("status").asText()).isEqualTo("UNCHANGED");
        }
        long historyRows = count("select count(*) from evaluation_history where campaign_id = ?", id);
        assertThat(historyRows).isEqualTo(rows.size());

        // -- the assessor: its own task (GOOD with reason) is accepted, another's answers 404 and is audited
        ApiClient assessor = ApiClient.as(port, demo, "pdssssfjyfxzzdk");
        JsonNode own = ok(assessor.put(
                base + "/evaluations",
                "[{\"targetId\":" + wugang.id() + ",\"taskId\":" + ownTask.id()
                        + ",\"grade\":\"GOOD\",\"reason\":\"学法记录不完整\"}]"));
        assertThat(own.get("rows").get(0).get("status").asText()).isEqualTo("UPDATED");
        String deniedSql = "select count(*) from audit_record where outcome = 'DENIED'"
                + " and action = 'evaluation.grade.write' and object_id like ?";
        long deniedBefore = count(deniedSql, id + "/%");
        HttpResponse<String> foreign = assessor.put(
                base + "/evaluations",
                "[{\"targetId\":" + wugang.id() + ",\"taskId\":" + otherTask.id()
                        + ",\"grade\":\"POOR\",\"reason\":\"x\"}]");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(count("select count(*) from audit_record where outcome = 'DENIED'"))
                .isGreaterThan(deniedBefore);

        // -- bad rows: nothing of the batch is applied, every bad row says why
        String bad = "[{\"targetId\":" + fagai.id() + ",\"taskId\":"
                + firstOf(tasks, "部门2").id() + ",\"points\":0.4,\"reason\":\"ok\"},"
                + "{\"targetId\":" + wugang.id() + ",\"taskId\":" + t1.id() + ",\"points\":0.6},"
                + "{\"targetId\":" + wugang.id() + ",\"taskId\":" + t2.id() + ",\"points\":0.125,\"reason\":\"x\"},"
                + "{\"targetId\":" + wugang.id() + ",\"taskId\":" + ownTask.id() + ",\"points\":-1,\"reason\":\"x\"},"
                + "{\"targetId\":" + wangxin.id() + ",\"taskId\":"
                + dept1.get(0).id() + ",\"points\":1}]";
        HttpResponse<String> refused = office.put(base + "/evaluations", bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode refusedRows = json(refused).get("rows");
        assertThat(json(refused).get("applied").asBoolean()).isFalse();
        assertThat(refusedRows.get(0).get("status").asText()).isEqualTo("OK");
        assertThat(refusedRows.get(1).get("error").asText()).contains("满分");
        assertThat(refusedRows.get(2).get("error").asText()).contains("两位小数");
        assertThat(refusedRows.get(3).get("error").asText()).contains("不能小于 0");
        assertThat(refusedRows.get(4).get("error").asText()).contains("扣分原因");
        assertThat(count("select count(*) from evaluation_history where campaign_id = ?", id))
                .isEqualTo(historyRows + 1);
        assertThat(office.put(
                                base + "/evaluations",
                                "[{\"targetId\":" + fagai.id() + ",\"taskId\":"
                                        + firstOf(tasks, "部门2").id() + ",\"points\":\"NaN\",\"reason\":\"x\"}]")
                        .statusCode())
                .isEqualTo(400);

        // -- bonus and penalty events
        // 舞钢: two bonuses of different matters; the same matter again is refused, the identical request answers the
        // same id
        long b1 = adjust(office, base, wugang, "BONUS", "获省级表彰", 1, "[]", "省政府通报表扬");
        assertThat(adjust(office, base, wugang, "BONUS", "获省级表彰", 1, "[]", "省政府通报表扬"))
                .isEqualTo(b1);
        assertThat(office.post(base + "/adjustments", adjustment(wugang, "BONUS", " 获省级表彰 ", 1, "[]", "另一理由"))
                        .statusCode())
                .isEqualTo(409);
        adjust(office, base, wugang, "BONUS", "经验做法被推广", 1, "[]", "市委办公室推广");
        // 市发改委: six bonuses of different matters; the cap of 5 counts five of them
        for (int i = 1; i <= 6; i++) {
            adjust(office, base, fagai, "BONUS", "典型经验" + i, 1, "[]", "媒体报道" + i);
        }
        // 市委网信办: a penalty of 2 zeroes its 5-point task (task 3 of 附件4)
        Task fivePoints = dept1.stream()
                .filter(t -> t.points().compareTo(new BigDecimal("5")) == 0)
                .findFirst()
                .orElseThrow();
        adjust(office, base, wangxin, "PENALTY", "考核中弄虚作假", 2, "[" + fivePoints.id() + "]", "测试材料系补做");
        assertThat(office.post(base + "/adjustments", adjustment(wangxin, "PENALTY", "另一事项", 4, "[]", "超出1-3分"))
                        .statusCode())
                .isEqualTo(400);

        // -- compute
        JsonNode computed = ok(office.post(base + "/results/compute", null));
        assertThat(computed.get("status").asText()).isEqualTo("COMPUTED");
        String resultsJson = ok(office.get(base + "/results")).toString();
        Map<Long, JsonNode> results = new HashMap<>();
        for (JsonNode r : ok(office.get(base + "/results"))) {
            results.put(r.get("targetId").asLong(), r);
        }
        assertThat(results).hasSize(targets.size());

        // 舞钢市 (县区政府, table of 100 points):
        //   own task GOOD: loses 20 % of p0; t1 0.25 of 0.5: loses 0.25; t2 not applicable: leaves p2 of the total
        //   raw = 100 − 0.2·p0 − 0.25 − p2; applicable = 100 − p2;
        //   converted = raw × 100 / applicable (2 decimals, half up)
        //   (in the seed p0 = 1 and p2 = 1: raw 98.55, applicable 99, converted 99.545… → 99.55)
        //   bonus 2 (two matters), final = converted + 2
        BigDecimal p0 = ownTask.points();
        BigDecimal p2 = t2.points();
        BigDecimal applicable = new BigDecimal("100").subtract(p2);
        BigDecimal raw = new BigDecimal("100")
                .subtract(p0.multiply(new BigDecimal("0.2")))
                .subtract(new BigDecimal("0.25"))
                .subtract(p2);
        BigDecimal converted = raw.multiply(new BigDecimal("100")).divide(applicable, 2, RoundingMode.HALF_UP);
        JsonNode w = results.get(wugang.id());
        assertThat(w.get("rawScore").decimalValue())
                .as(() -> w + " lost: " + lost(ok(office.get(base + "/results/" + wugang.id() + "/breakdown"))))
                .isEqualByComparingTo(raw);
        assertThat(w.get("applicableMax").decimalValue()).isEqualByComparingTo(applicable);
        assertThat(w.get("convertedScore").decimalValue()).isEqualByComparingTo(converted);
        assertThat(w.get("bonus").decimalValue()).isEqualByComparingTo("2");
        assertThat(w.get("finalScore").decimalValue()).isEqualByComparingTo(converted.add(new BigDecimal("2")));
        assertThat(w.get("level").asText()).isEqualTo("优秀");
        assertThat(w.get("rank").asInt()).isEqualTo(1);
        // the other ten counties: all 良 → 80.00, tied for rank 2
        JsonNode baofeng = results.get(target(targets, "宝丰县人民政府").id());
        assertThat(baofeng.get("finalScore").decimalValue()).isEqualByComparingTo("80");
        assertThat(baofeng.get("rank").asInt()).isEqualTo(2);
        assertThat(baofeng.get("level").asText()).isEqualTo("良好");

        // 市委网信办 (部门1, 15-point table): all 优 but the 5-point task zeroed by the penalty:
        //   raw = 15 − 5 = 10; converted = 10 × 100 / 15 = 66.67; final = 66.67 − 2 = 64.67 → 合格, rank 3 of 3
        JsonNode x = results.get(wangxin.id());
        assertThat(x.get("rawScore").decimalValue()).isEqualByComparingTo("10");
        assertThat(x.get("applicableMax").decimalValue()).isEqualByComparingTo("15");
        assertThat(x.get("convertedScore").decimalValue()).isEqualByComparingTo("66.67");
        assertThat(x.get("penalty").decimalValue()).isEqualByComparingTo("2");
        assertThat(x.get("finalScore").decimalValue()).isEqualByComparingTo("64.67");
        assertThat(x.get("level").asText()).isEqualTo("合格");
        assertThat(x.get("rank").asInt()).isEqualTo(3);
        // 市新闻出版局: full marks on 15 convert to 100 (rank 1); 市委机要保密局: all 良 → 12/15 → 80.00 (rank 2)
        assertThat(results.get(xinwen.id()).get("convertedScore").decimalValue())
                .isEqualByComparingTo("100");
        assertThat(results.get(xinwen.id()).get("rank").asInt()).isEqualTo(1);
        assertThat(results.get(jiyao.id()).get("finalScore").decimalValue()).isEqualByComparingTo("80");

        // 市发改委 (部门2, 95 points with 3 unscored tasks not applicable): all 优 → 95/95 → 100.00;
        //   six bonuses of 1, capped at 5 → final 105.00, rank 1
        JsonNode f = results.get(fagai.id());
        assertThat(f.get("applicableMax").decimalValue()).isEqualByComparingTo("95");
        assertThat(f.get("convertedScore").decimalValue()).isEqualByComparingTo("100");
        assertThat(f.get("bonus").decimalValue()).isEqualByComparingTo("5");
        assertThat(f.get("finalScore").decimalValue()).isEqualByComparingTo("105");
        assertThat(f.get("rank").asInt()).isEqualTo(1);

        // the breakdown explains the lost points and the capped bonus
        JsonNode bw = ok(office.get(base + "/results/" + wugang.id() + "/breakdown"));
        JsonNode ownLine = line(bw, ownTask.id());
        assertThat(ownLine.get("grade").asText()).isEqualTo("GOOD");
        assertThat(ownLine.get("reason").asText()).isEqualTo("学法记录不完整");
        assertThat(ownLine.get("assessor").asText()).contains("依法行政指导科");
        assertThat(line(bw, t2.id()).get("notApplicable").asBoolean()).isTrue();
        JsonNode bf = ok(office.get(base + "/results/" + fagai.id() + "/breakdown"));
        assertThat(bf.get("adjustments").get(5).get("counted").decimalValue()).isEqualByComparingTo("0");
        assertThat(bf.get("adjustments").get(5).get("note").asText()).contains("上限");
        JsonNode bx = ok(office.get(base + "/results/" + wangxin.id() + "/breakdown"));
        assertThat(line(bx, fivePoints.id()).get("zeroedByAdjustmentId").isNull())
                .isFalse();

        // a target cannot see results before publication
        ApiClient target = ApiClient.as(port, demo, "pds-bm1-01");
        assertThat(target.get(base + "/results/" + wangxin.id() + "/breakdown").statusCode())
                .isEqualTo(404);

        // -- a change after computing: the changed target's result follows at once and its category is re-ranked
        //    (rule 14); the results stay current, not stale. 市新闻出版局's 5-point task graded 差:
        //    raw 15 − 5 = 10 → 66.67, rank 2 behind 市委机要保密局 (80.00), which moves up to rank 1
        String poor = "[{\"targetId\":" + xinwen.id() + ",\"taskId\":" + fivePoints.id()
                + ",\"grade\":\"POOR\",\"reason\":\"未按要求报送材料\"}]";
        ok(office.put(base + "/evaluations", poor));
        Map<Long, JsonNode> after = new HashMap<>();
        for (JsonNode r : ok(office.get(base + "/results"))) {
            after.put(r.get("targetId").asLong(), r);
        }
        assertThat(after.get(xinwen.id()).get("finalScore").decimalValue()).isEqualByComparingTo("66.67");
        assertThat(after.get(xinwen.id()).get("rank").asInt()).isEqualTo(2);
        assertThat(after.get(jiyao.id()).get("rank").asInt()).isEqualTo(1);
        assertThat(after.get(wangxin.id()).get("rank").asInt()).isEqualTo(3);
        assertThat(after.get(wugang.id())).isEqualTo(results.get(wugang.id()));
        assertThat(ok(office.get(base + "/results/workflow")).get("stale").asBoolean())
                .isFalse();
        // one audit record of the change lists every result that moved: the re-scored target and the re-ranked one
        String moved = jdbc.sql("select after_data from audit_record where action = 'scoring.result.update'"
                        + " and object_id = ? order by seq desc limit 1")
                .param(String.valueOf(id))
                .query(String.class)
                .single();
        assertThat(moved)
                .contains("\"targetId\":" + xinwen.id())
                .contains("66.67")
                .contains("\"targetId\":" + jiyao.id());
        JsonNode bn = ok(office.get(base + "/results/" + xinwen.id() + "/breakdown"));
        assertThat(line(bn, fivePoints.id()).get("grade").asText()).isEqualTo("POOR");
        assertThat(line(bn, fivePoints.id()).get("score").decimalValue()).isEqualByComparingTo("0");
        assertThat(line(bn, fivePoints.id()).get("reason").asText()).isEqualTo("未按要求报送材料");
        assertThat(bn.get("matchesResult").asBoolean()).isTrue();
        ok(office.put(base + "/evaluations", poor.replace("POOR", "EXCELLENT")));
        // graded 优 again: every result is again exactly what the full computation gave
        assertThat(ok(office.get(base + "/results")).toString()).isEqualTo(resultsJson);

        // -- a policy change after computing makes the results stale: they cannot be proposed until recomputed
        ObjectNode changedPolicy = policy.deepCopy();
        changedPolicy.put("bottomN", 4);
        ok(office.put(base + "/policy", changedPolicy.toString()));
        HttpResponse<String> staleProposal = office.post(base + "/results/propose", null);
        assertThat(staleProposal.statusCode()).isEqualTo(409);
        assertThat(json(staleProposal).get("detail").asText()).contains("重新计算");
        ok(office.put(base + "/policy", policy.toString()));
        ok(office.post(base + "/results/compute", null));

        // -- workflow: propose, consult (a member unit comments), two distinct leaders approve, publish
        assertThat(ok(office.post(base + "/results/propose", null))
                        .get("status")
                        .asText())
                .isEqualTo("PROPOSED");
        // once proposed, a change no longer moves the results: they are stale and must be recomputed
        ok(office.put(base + "/evaluations", poor));
        assertThat(ok(office.get(base + "/results")).toString()).isEqualTo(resultsJson);
        assertThat(ok(office.get(base + "/results/workflow")).get("stale").asBoolean())
                .isTrue();
        ok(office.put(base + "/evaluations", poor.replace("POOR", "EXCELLENT")));
        assertThat(ok(office.post(base + "/results/compute", null))
                        .get("status")
                        .asText())
                .isEqualTo("COMPUTED");
        ok(office.post(base + "/results/propose", null));
        assertThat(ok(office.post(
                                base + "/results/consult",
                                "{\"until\":\"" + LocalDate.now().plusDays(5) + "\"}"))
                        .get("status")
                        .asText())
                .isEqualTo("CONSULTING");
        ok(assessor.post(base + "/results/comments", "{\"body\":\"同意拟定等次。\"}"));
        ApiClient leader = ApiClient.as(port, demo, "pds-leader");
        assertThat(ok(leader.post(base + "/results/approve", null))
                        .get("status")
                        .asText())
                .isEqualTo("CONSULTING");
        assertThat(leader.post(base + "/results/approve", null).statusCode()).isEqualTo(409);
        assertThat(office.post(base + "/results/approve", null).statusCode()).isEqualTo(403);
        ApiClient leader2 = ApiClient.as(port, demo, "pds-leader-2");
        JsonNode approved = ok(leader2.post(base + "/results/approve", null));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("approvals")).hasSize(2);
        // evaluations are locked now; compute is refused
        HttpResponse<String> late = office.put(
                base + "/evaluations",
                "[{\"targetId\":" + wugang.id() + ",\"taskId\":" + t1.id() + ",\"points\":0.5}]");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json(late).get("detail").asText()).contains("复核");
        assertThat(office.post(base + "/results/compute", null).statusCode()).isEqualTo(409);
        assertThat(ok(office.post(base + "/results/publish", null))
                        .get("status")
                        .asText())
                .isEqualTo("PUBLISHED");

        // -- after publication each target sees its own result and breakdown only
        JsonNode mine = ok(target.get(base + "/results"));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("targetId").asLong()).isEqualTo(wangxin.id());
        JsonNode myBreakdown = ok(target.get(base + "/results/" + wangxin.id() + "/breakdown"));
        assertThat(myBreakdown.get("result").get("finalScore").decimalValue()).isEqualByComparingTo("64.67");
        assertThat(target.get(base + "/results/" + xinwen.id() + "/breakdown").statusCode())
                .isEqualTo(404);
        // every workflow step of this campaign is in the audit log
        assertThat(jdbc.sql("select distinct action from audit_record where action like 'scoring.result.%'"
                                + " and object_id = ? and outcome = 'SUCCESS'")
                        .param(String.valueOf(id))
                        .query(String.class)
                        .list())
                .contains(
                        "scoring.result.compute",
                        "scoring.result.propose",
                        "scoring.result.consult",
                        "scoring.result.comment",
                        "scoring.result.approve",
                        "scoring.result.publish");
    }

    private long adjust(
            ApiClient office,
            String base,
            Target t,
            String kind,
            String matter,
            int points,
            String related,
            String reason) {
        return ok(office.post(base + "/adjustments", adjustment(t, kind, matter, points, related, reason)))
                .get("id")
                .asLong();
    }

    private static String adjustment(Target t, String kind, String matter, int points, String related, String reason) {
        return "{\"targetId\":" + t.id() + ",\"kind\":\"" + kind + "\",\"matter\":\"" + matter + "\",\"points\":"
                + points + ",\"relatedTaskIds\":" + related + ",\"reason\":\"" + reason + "\"}";
    }

    /** The lines of a breakdown that lost points, for failure messages. */
    private static String lost(JsonNode breakdown) {
        StringBuilder b = new StringBuilder();
        for (JsonNode l : breakdown.get("tasks")) {
            if (l.get("notApplicable").asBoolean()
                    || l.get("score")
                                    .decimalValue()
                                    .compareTo(l.get("maxPoints").decimalValue())
                            < 0) {
                b.append(l).append('\n');
            }
        }
        return b.toString();
    }

    private static JsonNode line(JsonNode breakdown, long taskId) {
        for (JsonNode l : breakdown.get("tasks")) {
            if (l.get("taskId").asLong() == taskId) {
                return l;
            }
        }
        throw new AssertionError("no line for task " + taskId);
    }

    private static Target target(List<Target> targets, String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static Task firstOf(List<Task> tasks, String category) {
        return tasks.stream()
                .filter(t -> t.category().equals(category)
                        && t.points() != null
                        && t.points().compareTo(BigDecimal.ONE) == 0)
                .findFirst()
                .orElseThrow();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
