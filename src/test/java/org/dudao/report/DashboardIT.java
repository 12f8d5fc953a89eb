package org.dudao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.evidence.EvidenceFixtures;
import org.dudao.report.DashboardFixtures.Campaign;
import org.dudao.report.DashboardFixtures.Rating;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.MutableDatabaseTime;
import org.dudao.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboards' data against the modules' own answers: the office's per-category figures, rankings
 * and heat map equal what {@code GET …/results} and the breakdowns say; a target gets its own figures
 * only; an assessor its tasks; a leader the published results, last year's comparison and the lists the
 * computation produced.
 */
@DudaoIntegrationTest
class DashboardIT {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int THIS_YEAR = LocalDate.now(BEIJING).getYear();

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

    @Test
    void officeDashboardHoldsTheCampaignsRealNumbers() {
        Campaign c = DashboardFixtures.campaign(port, demo, "驾驶舱数据测试", THIS_YEAR, null, Rating.PATTERN, true);
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        // one county hands in one task; the figures must show it
        ApiClient county = ApiClient.as(port, demo, "pds-xq-01");
        long task = c.materialTasks("县区政府").get(0).get("id").asLong();
        String taskBase = "/api/v1/campaigns/" + c.id() + "/tasks/" + task;
        ok(county.upload(taskBase + "/files", "证明事项清理报告.pdf", EvidenceFixtures.pdf(), null));
        ok(county.post(taskBase + "/submit", null));

        JsonNode d = ok(office.get(c.base() + "/dashboard/data"));
        assertThat(d.get("role").asText()).isEqualTo("OFFICE");
        assertThat(d.get("resultsStatus").asText()).isEqualTo("PUBLISHED");
        JsonNode results = ok(office.get(c.base() + "/results"));
        assertThat(results).hasSize(60);
        Map<String, List<JsonNode>> byCategory = new LinkedHashMap<>();
        results.forEach(r -> byCategory
                .computeIfAbsent(r.get("category").asText(), k -> new ArrayList<>())
                .add(r));
        assertThat(byCategory.keySet()).containsExactly("县区政府", "部门1", "部门2");
        // the pattern leaves some targets below 优: scores differ
        assertThat(results.findValuesAsText("finalScore").stream().distinct().count())
                .isGreaterThan(3);

        // per category: average, lowest and highest as computed from the results
        JsonNode stats = d.get("categoryStats");
        JsonNode scores = chart(d, "categoryScores");
        int i = 0;
        for (Map.Entry<String, List<JsonNode>> e : byCategory.entrySet()) {
            List<BigDecimal> finals = e.getValue().stream()
                    .map(r -> r.get("finalScore").decimalValue())
                    .toList();
            BigDecimal avg = finals.stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(finals.size()), 2, RoundingMode.HALF_UP);
            BigDecimal min = finals.stream().min(Comparator.naturalOrder()).orElseThrow();
            BigDecimal max = finals.stream().max(Comparator.naturalOrder()).orElseThrow();
            JsonNode s = stats.get(i);
            assertThat(s.get("category").asText()).isEqualTo(e.getKey());
            assertThat(s.get("scored").asInt()).isEqualTo(finals.size());
            assertThat(s.get("average").decimalValue()).isEqualByComparingTo(avg);
            assertThat(s.get("min").decimalValue()).isEqualByComparingTo(min);
            assertThat(s.get("max").decimalValue()).isEqualByComparingTo(max);
            assertThat(scores.get("labels").get(i).asText()).isEqualTo(e.getKey());
            assertThat(series(scores, 0).get(i)).isEqualByComparingTo(avg);
            assertThat(series(scores, 1).get(i)).isEqualByComparingTo(min);
            assertThat(series(scores, 2).get(i)).isEqualByComparingTo(max);
            i++;
        }

        // the histogram counts every target of its category once
        JsonNode histogram = chart(d, "scoreDistribution");
        for (JsonNode s : histogram.get("series")) {
            int sum = 0;
            for (JsonNode v : s.get("values")) {
                sum += v.asInt();
            }
            assertThat(sum)
                    .as(s.get("name").asText())
                    .isEqualTo(byCategory.get(s.get("name").asText()).size());
        }

        // rankings: bars in rank order, each with the target's final score
        Map<String, Long> categoryIds = categoryIds(office, c);
        for (Map.Entry<String, List<JsonNode>> e : byCategory.entrySet()) {
            JsonNode ranking = chart(d, "ranking-" + categoryIds.get(e.getKey()));
            List<JsonNode> byRank = e.getValue().stream()
                    .sorted(Comparator.comparingInt(r -> r.get("rank").asInt()))
                    .toList();
            List<Long> keys = new ArrayList<>();
            ranking.get("keys").forEach(k -> keys.add(k.asLong()));
            List<Integer> ranks = keys.stream()
                    .map(k -> e.getValue().stream()
                            .filter(r -> r.get("targetId").asLong() == k)
                            .findFirst()
                            .orElseThrow()
                            .get("rank")
                            .asInt())
                    .toList();
            assertThat(ranks).isSortedAccordingTo(Comparator.naturalOrder());
            assertThat(ranks)
                    .containsExactlyElementsOf(
                            byRank.stream().map(r -> r.get("rank").asInt()).toList());
            assertThat(keys)
                    .containsExactlyInAnyOrderElementsOf(
                            byRank.stream().map(r -> r.get("targetId").asLong()).toList());
            List<BigDecimal> values = series(ranking, 0);
            for (int k = 0; k < keys.size(); k++) {
                long target = keys.get(k);
                BigDecimal expected = e.getValue().stream()
                        .filter(r -> r.get("targetId").asLong() == target)
                        .findFirst()
                        .orElseThrow()
                        .get("finalScore")
                        .decimalValue();
                assertThat(values.get(k)).isEqualByComparingTo(expected);
            }
        }

        // heat map: a target's lost points per first-level indicator = Σ (maxPoints − score) of its lines
        for (String category : List.of("县区政府", "部门2")) {
            JsonNode heat = chart(d, "heatmap-" + categoryIds.get(category));
            List<String> columns = new ArrayList<>();
            heat.get("labels").forEach(l -> columns.add(l.asText()));
            int checked = 0;
            for (int row = 0; row < heat.get("rowKeys").size(); row++) {
                long target = heat.get("rowKeys").get(row).asLong();
                JsonNode breakdown = ok(office.get(c.base() + "/results/" + target + "/breakdown"));
                Map<String, BigDecimal> lost = new LinkedHashMap<>();
                for (JsonNode line : breakdown.get("tasks")) {
                    if (line.get("notApplicable").asBoolean()
                            || line.get("maxPoints").isNull()) {
                        continue;
                    }
                    lost.merge(
                            line.get("path").get(0).asText(),
                            line.get("maxPoints")
                                    .decimalValue()
                                    .subtract(line.get("score").decimalValue()),
                            BigDecimal::add);
                }
                Map<String, BigDecimal> shown = new LinkedHashMap<>();
                for (JsonNode cell : heat.get("cells")) {
                    if (cell.get("y").asInt() == row) {
                        shown.put(
                                columns.get(cell.get("x").asInt()),
                                cell.get("value").decimalValue());
                    }
                }
                assertThat(shown.keySet()).containsExactlyInAnyOrderElementsOf(lost.keySet());
                lost.forEach((indicator, points) ->
                        assertThat(shown.get(indicator)).as(indicator).isEqualByComparingTo(points));
                if (lost.values().stream().anyMatch(p -> p.signum() > 0)) {
                    checked++;
                }
            }
            assertThat(checked).as("targets of %s that lost points", category).isPositive();
        }

        // submissions: the one handed in is counted; evaluations: every pair rated
        JsonNode submissions = chart(d, "submissionByCategory");
        assertThat(submissions.get("labels").get(0).asText()).isEqualTo("县区政府");
        assertThat(series(submissions, 0).get(0)).isEqualByComparingTo("1");
        int countyMaterial = c.materialTasks("县区政府").size() * 11;
        BigDecimal countyAll = BigDecimal.ZERO;
        for (JsonNode s : submissions.get("series")) {
            countyAll = countyAll.add(s.get("values").get(0).decimalValue());
        }
        assertThat(countyAll).isEqualByComparingTo(BigDecimal.valueOf(countyMaterial));
        JsonNode byTarget = chart(d, "submissionByTarget");
        int wugang = indexOf(byTarget.get("keys"), c.target("舞钢市人民政府"));
        assertThat(series(byTarget, 0).get(wugang)).isEqualByComparingTo("1");
        JsonNode evaluation = chart(d, "evaluationByAssessor");
        assertThat(series(evaluation, 1)).allSatisfy(v -> assertThat(v).isZero());
        BigDecimal pairs = series(evaluation, 0).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        long expectedPairs = c.tasks().stream()
                .mapToLong(t -> c.categoryOf().values().stream()
                        .filter(cat -> cat.equals(t.get("category").asText()))
                        .count())
                .sum();
        assertThat(pairs).isEqualByComparingTo(BigDecimal.valueOf(expectedPairs));
        // nothing is overdue before the deadline
        assertThat(d.get("overdue")).isEmpty();

        // after the last material deadline: every dated material task not handed in is overdue
        LocalDate last = c.tasks().stream()
                .filter(t ->
                        t.get("needsMaterial").asBoolean() && !t.get("deadline").isNull())
                .map(t -> LocalDate.parse(t.get("deadline").asText()))
                .max(Comparator.naturalOrder())
                .orElseThrow();
        databaseTime.setTo(last.plusDays(1).atTime(9, 0).atZone(BEIJING).toInstant());
        JsonNode late = ok(office.get(c.base() + "/dashboard/data"));
        int dated = 0;
        for (String category : List.of("县区政府", "部门1", "部门2")) {
            int targets = (int)
                    c.categoryOf().values().stream().filter(category::equals).count();
            dated += datedMaterial(c, category) * targets;
        }
        JsonNode overdue = chart(late, "overdueCounts");
        assertThat(series(overdue, 0).get(0)).isEqualByComparingTo(BigDecimal.valueOf(dated - 1));
        JsonNode wugangLate = null;
        for (JsonNode o : late.get("overdue")) {
            if (o.get("kind").asText().equals("SUBMISSION") && o.get("targetId").asLong() == c.target("舞钢市人民政府")) {
                wugangLate = o;
            }
        }
        assertThat(wugangLate).isNotNull();
        assertThat(wugangLate.get("count").asInt()).isEqualTo(datedMaterial(c, "县区政府") - 1);
    }

    /** Material tasks of the category with a deadline (the first county task, handed in above, has one). */
    private static int datedMaterial(Campaign c, String category) {
        return (int) c.materialTasks(category).stream()
                .filter(t -> !t.get("deadline").isNull())
                .count();
    }

    @Test
    void targetGetsItsOwnFiguresOnly_othersAre404AndAudited() {
        Campaign c = DashboardFixtures.campaign(port, demo, "驾驶舱对象测试", THIS_YEAR, null, Rating.PATTERN, false);
        ApiClient baofeng = ApiClient.as(port, demo, "pds-xq-02");
        long own = c.target("宝丰县人民政府");
        long other = c.target("舞钢市人民政府");

        // before publication: own deadlines and submissions, no score
        JsonNode before = ok(baofeng.get(c.base() + "/dashboard/data"));
        assertThat(before.get("role").asText()).isEqualTo("TARGET");
        assertThat(before.get("roles")).extracting(JsonNode::asText).containsExactly("TARGET");
        assertThat(before.get("targetId").asLong()).isEqualTo(own);
        assertThat(before.get("resultsShown").asBoolean()).isFalse();
        assertThat(before.has("own")).isFalse();
        assertThat(chartIds(before)).doesNotContain("ownScore", "ownLost").contains("ownSubmissions");
        assertThat(before.get("deadlines")).hasSize(c.materialTasks("县区政府").size());
        assertThat(before.has("categoryStats")).isFalse();

        // another target's dashboard, the office's, a made-up role: 404, each audited
        assertThat(baofeng.get(c.base() + "/dashboard/targets/" + other + "/data")
                        .statusCode())
                .isEqualTo(404);
        assertThat(baofeng.get(c.base() + "/dashboard/data?role=office").statusCode())
                .isEqualTo(404);
        assertThat(baofeng.get(c.base() + "/dashboard/data?role=leader").statusCode())
                .isEqualTo(404);
        assertThat(baofeng.get(c.base() + "/dashboard/targets/" + own + "/data").statusCode())
                .isEqualTo(200);
        // a unit outside the campaign's scope: 404 as well (the inspector has no dashboard)
        assertThat(ApiClient.as(port, demo, "pds-inspector")
                        .get(c.base() + "/dashboard/data")
                        .statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_record where actor_username = 'pds-xq-02'"
                                + " and action = 'report.dashboard.read' and outcome = 'DENIED'"
                                + " and object_id like ?")
                        .param(c.id() + "/%")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);

        // after publication: its score against its category's average and best
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        ok(office.post(c.base() + "/results/propose", null));
        ok(ApiClient.as(port, demo, "pds-leader").post(c.base() + "/results/approve", null));
        ok(ApiClient.as(port, demo, "pds-leader-2").post(c.base() + "/results/approve", null));
        ok(office.post(c.base() + "/results/publish", null));
        JsonNode d = ok(baofeng.get(c.base() + "/dashboard/data"));
        JsonNode results = ok(office.get(c.base() + "/results"));
        List<BigDecimal> county = new ArrayList<>();
        BigDecimal mine = null;
        for (JsonNode r : results) {
            if (r.get("category").asText().equals("县区政府")) {
                county.add(r.get("finalScore").decimalValue());
            }
            if (r.get("targetId").asLong() == own) {
                mine = r.get("finalScore").decimalValue();
            }
        }
        BigDecimal avg = county.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(county.size()), 2, RoundingMode.HALF_UP);
        assertThat(d.get("own").get("finalScore").decimalValue()).isEqualByComparingTo(mine);
        assertThat(d.get("own").get("categoryAverage").decimalValue()).isEqualByComparingTo(avg);
        assertThat(d.get("own").get("categoryBest").decimalValue())
                .isEqualByComparingTo(
                        county.stream().max(Comparator.naturalOrder()).orElseThrow());
        assertThat(d.get("own").get("rankedOf").asInt()).isEqualTo(11);
        assertThat(series(chart(d, "ownScore"), 0)).hasSize(3);
        // its lost points by indicator add up to what its breakdown lost
        BigDecimal lost = series(chart(d, "ownLost"), 1).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expected = BigDecimal.ZERO;
        for (JsonNode line :
                ok(baofeng.get(c.base() + "/results/" + own + "/breakdown")).get("tasks")) {
            if (!line.get("notApplicable").asBoolean() && !line.get("maxPoints").isNull()) {
                expected = expected.add(line.get("maxPoints")
                        .decimalValue()
                        .subtract(line.get("score").decimalValue()));
            }
        }
        assertThat(expected.signum()).as("宝丰 lost points in the pattern").isPositive();
        assertThat(lost).isEqualByComparingTo(expected);
        // nothing of other targets in the answer
        assertThat(d.toString()).doesNotContain("舞钢市人民政府").doesNotContain("郏县人民政府");

        // the office opens the county's dashboard, and the page renders for the county itself
        assertThat(ok(office.get(c.base() + "/dashboard/targets/" + own + "/data"))
                        .get("targetName")
                        .asText())
                .isEqualTo("宝丰县人民政府");
        WebClient page = new WebClient(port);
        page.login("pds-xq-02", demo.password("pds-xq-02"));
        var html = page.get("/campaigns/" + c.id() + "/dashboard");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("data-chart=\"ownScore\"").contains("宝丰县人民政府");
        assertThat(page.get("/campaigns/" + c.id() + "/dashboard/targets/" + other)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void assessorSeesWhatItStillHasToRate_leaderThePublishedResultsAgainstLastYear() {
        // last year's campaign, rated on last year's clock, all 优, published
        databaseTime.setTo(
                LocalDateTime.of(THIS_YEAR - 1, 12, 1, 10, 0).atZone(BEIJING).toInstant());
        Campaign last =
                DashboardFixtures.campaign(port, demo, "驾驶舱同比测试", THIS_YEAR - 1, null, Rating.ALL_EXCELLENT, true);
        databaseTime.reset();
        Campaign c = DashboardFixtures.campaign(port, demo, "驾驶舱同比测试", THIS_YEAR, last.id(), Rating.NONE, false);

        // the assessor: its tasks, nothing rated yet
        ApiClient assessor = ApiClient.as(port, demo, "pdssssfjyfxzzdk");
        JsonNode a = ok(assessor.get(c.base() + "/dashboard/data"));
        assertThat(a.get("role").asText()).isEqualTo("ASSESSOR");
        List<JsonNode> mine = new ArrayList<>();
        ok(assessor.get(c.base() + "/tasks")).forEach(t -> {
            if (t.path("assessorUnitId").asLong(-1) == unitOf(assessor)) {
                mine.add(t);
            }
        });
        assertThat(a.get("toRate")).hasSize(mine.size()).isNotEmpty();
        JsonNode first = a.get("toRate").get(0);
        int targets = (int) c.categoryOf().values().stream()
                .filter(first.get("category").asText()::equals)
                .count();
        assertThat(first.get("targets").asInt()).isEqualTo(targets);
        assertThat(first.get("remaining").asInt()).isEqualTo(targets);
        ok(assessor.put(
                c.base() + "/evaluations",
                "[{\"targetId\":" + c.target("舞钢市人民政府") + ",\"taskId\":"
                        + first.get("taskId").asLong() + ",\"grade\":\"GOOD\",\"reason\":\"学法记录不全\"}]"));
        JsonNode after = ok(assessor.get(c.base() + "/dashboard/data"));
        assertThat(after.get("toRate").get(0).get("remaining").asInt()).isEqualTo(targets - 1);
        assertThat(series(chart(after, "toRate"), 1).get(0)).isEqualByComparingTo(BigDecimal.valueOf(targets - 1));
        assertThat(a.has("categoryStats")).isFalse();
        assertThat(assessor.get(c.base() + "/dashboard/data?role=office").statusCode())
                .isEqualTo(404);

        // the leader sees nothing of the results before publication
        ApiClient leader = ApiClient.as(port, demo, "pds-leader");
        JsonNode early = ok(leader.get(c.base() + "/dashboard/data"));
        assertThat(early.get("role").asText()).isEqualTo("LEADER");
        assertThat(early.get("resultsShown").asBoolean()).isFalse();
        assertThat(early.get("charts")).isEmpty();

        // rate (the pattern), publish: the leader's figures against last year
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        DashboardFixtures.rate(office, c, Rating.PATTERN);
        ok(office.post(c.base() + "/results/compute", null));
        DashboardFixtures.publish(port, demo, c);
        JsonNode l = ok(leader.get(c.base() + "/dashboard/data"));
        assertThat(l.get("resultsShown").asBoolean()).isTrue();
        assertThat(l.get("previous").get("id").asLong()).isEqualTo(last.id());
        Map<Long, BigDecimal> lastFinal = new LinkedHashMap<>();
        Map<Long, Long> unitOfTarget = new LinkedHashMap<>();
        ok(office.get(last.base() + "/results"))
                .forEach(r -> lastFinal.put(
                        r.get("unitId").asLong(), r.get("finalScore").decimalValue()));
        JsonNode results = ok(office.get(c.base() + "/results"));
        results.forEach(r ->
                unitOfTarget.put(r.get("targetId").asLong(), r.get("unitId").asLong()));
        assertThat(l.get("changes")).hasSize(60);
        for (JsonNode ch : l.get("changes")) {
            long unit = unitOfTarget.get(ch.get("targetId").asLong());
            assertThat(ch.get("change").decimalValue())
                    .isEqualByComparingTo(ch.get("finalScore").decimalValue().subtract(lastFinal.get(unit)));
        }
        JsonNode yoy = chart(l, "yearOverYear");
        assertThat(yoy.get("keys")).hasSize(60);
        // the bottom-N and regression lists are the computation's
        JsonNode lists = ok(office.get(c.base() + "/results/workflow")).get("lists");
        List<Long> bottom = new ArrayList<>();
        lists.get("bottom").forEach(ids -> ids.forEach(id -> bottom.add(id.asLong())));
        assertThat(l.get("bottom")).extracting(n -> n.get("targetId").asLong()).containsExactlyElementsOf(bottom);
        assertThat(bottom).isNotEmpty();
        List<Long> regression = new ArrayList<>();
        lists.get("regression").forEach(id -> regression.add(id.asLong()));
        assertThat(regression)
                .as("last year all ranked 1st: rank 6 and below regressed")
                .isNotEmpty();
        assertThat(l.get("regression"))
                .extracting(n -> n.get("targetId").asLong())
                .containsExactlyElementsOf(regression);
        assertThat(leader.get(c.base() + "/dashboard/data?role=office").statusCode())
                .isEqualTo(404);
    }

    private static long unitOf(ApiClient api) {
        return ok(api.get("/api/v1/me")).get("unit").get("id").asLong();
    }

    private static Map<String, Long> categoryIds(ApiClient api, Campaign c) {
        Map<String, Long> out = new LinkedHashMap<>();
        ok(api.get(c.base()))
                .get("categories")
                .forEach(k -> out.put(k.get("name").asText(), k.get("id").asLong()));
        return out;
    }

    static JsonNode chart(JsonNode dashboard, String id) {
        for (JsonNode c : dashboard.get("charts")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no chart " + id + " in " + chartIds(dashboard));
    }

    static List<String> chartIds(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        dashboard.get("charts").forEach(c -> out.add(c.get("id").asText()));
        return out;
    }

    static List<BigDecimal> series(JsonNode chart, int i) {
        List<BigDecimal> out = new ArrayList<>();
        chart.get("series").get(i).get("values").forEach(v -> out.add(v.decimalValue()));
        return out;
    }

    static int indexOf(JsonNode array, long value) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).asLong() == value) {
                return i;
            }
        }
        throw new AssertionError(value + " not in " + array);
    }
}
