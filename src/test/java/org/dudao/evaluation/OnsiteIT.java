package org.dudao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.json;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dudao.evidence.EvidenceFixtures;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 实地考核 through the API, as the inspector's phone syncs it: a visit with its team, two on-site tasks
 * (one with a deduction and its reason) and notes becomes two ONSITE evaluations and one visit; the same
 * client id again answers the same and writes nothing; a deduction without a reason stores nothing; a
 * non-rater gets 404 (audited); photos are stored with their SHA-256, and only images are accepted.
 */
@DudaoIntegrationTest
class OnsiteIT {

    static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    ApiClient inspector;
    long campaignId;
    String base;
    long targetId;
    JsonNode taskA;
    JsonNode taskB;

    @BeforeEach
    void campaignWithOnsiteTasks() {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        campaignId = ok(office.post(
                        "/api/v1/campaigns",
                        "{\"template\":\"PDS-2020\",\"name\":\"" + THIS_YEAR + "年度考核（实地考核接口测试）\",\"year\":" + THIS_YEAR
                                + "}"))
                .get("id")
                .asLong();
        base = "/api/v1/campaigns/" + campaignId + "/onsite";
        inspector = ApiClient.as(port, demo, "pds-inspector");
        JsonNode sheet = ok(inspector.get(base));
        for (JsonNode t : sheet.get("targets")) {
            if (t.get("name").asText().equals("郏县人民政府")) {
                targetId = t.get("id").asLong();
            }
        }
        assertThat(targetId).isPositive();
        long category = targetCategory(sheet);
        List<JsonNode> tasks = new ArrayList<>();
        for (JsonNode t : sheet.get("tasks")) {
            if (t.get("categoryId").asLong() == category
                    && t.get("points").decimalValue().compareTo(BigDecimal.ONE) >= 0) {
                tasks.add(t);
            }
        }
        // the inspector is offered the on-site tasks only (PDS-2020: eight for 县区政府)
        assertThat(tasks.size()).isGreaterThanOrEqualTo(2);
        taskA = tasks.get(0);
        taskB = tasks.get(1);
    }

    private long targetCategory(JsonNode sheet) {
        for (JsonNode t : sheet.get("targets")) {
            if (t.get("id").asLong() == targetId) {
                return t.get("categoryId").asLong();
            }
        }
        throw new AssertionError("no target");
    }

    private long count(String sql, Object... args) {
        return jdbc.sql(sql).params(args).query(Long.class).single();
    }

    private ObjectNode visit(String clientId, String reasonB) {
        ObjectNode v = JSON.createObjectNode();
        v.put("clientId", clientId);
        v.put("targetId", targetId);
        v.putArray("teamMembers").add("王组长").add("李组员").add("赵专家");
        v.put("visitedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode items = v.putArray("items");
        items.addObject()
                .put("taskId", taskA.get("id").asLong())
                .put("grade", "优")
                .put("note", "现场查看征地补偿案卷 12 卷，程序完整。");
        ObjectNode b = items.addObject()
                .put("taskId", taskB.get("id").asLong())
                .put("points", taskB.get("points").decimalValue().subtract(new BigDecimal("0.5")))
                .put("note", "执法记录仪配备 6 台，其中 1 台损坏。");
        if (reasonB != null) {
            b.put("reason", reasonB);
        }
        return v;
    }

    @Test
    void aVisitBecomesOnsiteEvaluations_andTheSameClientIdTwiceWritesNothing() throws Exception {
        String clientId = UUID.randomUUID().toString();
        String reason = "执法记录仪 1 台损坏未及时维修，扣 0.5 分";
        JsonNode answer =
                ok(inspector.post(base + "/visits", visit(clientId, reason).toString()));
        assertThat(answer.get("applied").asBoolean()).isTrue();
        assertThat(answer.get("replayed").asBoolean()).isFalse();
        long visitId = answer.get("visitId").asLong();
        assertThat(answer.get("rows")).hasSize(2);
        assertThat(answer.get("rows").get(0).get("status").asText()).isEqualTo("CREATED");
        assertThat(answer.get("rows").get(1).get("status").asText()).isEqualTo("CREATED");

        // the evaluations: channel ONSITE in the history, the team's visit in the detail
        long taskBId = taskB.get("id").asLong();
        JsonNode history = ok(inspector.get("/api/v1/campaigns/" + campaignId + "/evaluations/history?targetId="
                + targetId + "&taskId=" + taskBId));
        assertThat(history.get("history")).hasSize(1);
        assertThat(history.get("history").get(0).get("channel").asText()).isEqualTo("ONSITE");
        assertThat(history.get("history").get(0).get("newReason").asText()).isEqualTo(reason);
        JsonNode current = history.get("current");
        assertThat(current.get("points").decimalValue())
                .isEqualByComparingTo(taskB.get("points").decimalValue().subtract(new BigDecimal("0.5")));
        assertThat(current.get("detail").get("rater").asText()).isEqualTo("TEAM");
        assertThat(current.get("detail").get("visitId").asLong()).isEqualTo(visitId);
        assertThat(current.get("detail").get("team").get(0).asText()).isEqualTo("王组长");
        assertThat(current.get("evaluatedBy").asText()).isEqualTo("pds-inspector");

        // the visit: team, notes per task, the ratings as sent
        JsonNode visits = ok(inspector.get(base + "/visits?targetId=" + targetId));
        assertThat(visits).hasSize(1);
        JsonNode v = visits.get(0);
        assertThat(v.get("id").asLong()).isEqualTo(visitId);
        assertThat(v.get("clientId").asText()).isEqualTo(clientId);
        assertThat(v.get("teamMembers").toString()).isEqualTo("[\"王组长\",\"李组员\",\"赵专家\"]");
        assertThat(v.get("notes").get(String.valueOf(taskBId)).asText()).contains("1 台损坏");
        assertThat(v.get("items")).hasSize(2);

        // the phone retries (the answer was lost): the same answer, nothing new anywhere
        long historyBefore = count("select count(*) from evaluation_history where campaign_id = ?", campaignId);
        long visitsBefore = count("select count(*) from evaluation_onsite_visit where campaign_id = ?", campaignId);
        HttpResponse<String> again =
                inspector.post(base + "/visits", visit(clientId, reason).toString());
        JsonNode replay = ok(again);
        assertThat(replay.get("replayed").asBoolean()).isTrue();
        assertThat(replay.get("visitId").asLong()).isEqualTo(visitId);
        assertThat(replay.get("rows")).isEqualTo(answer.get("rows"));
        assertThat(count("select count(*) from evaluation_history where campaign_id = ?", campaignId))
                .isEqualTo(historyBefore);
        assertThat(count("select count(*) from evaluation_onsite_visit where campaign_id = ?", campaignId))
                .isEqualTo(visitsBefore);

        // the same visit id by someone else is not answered with the inspector's visit
        HttpResponse<String> office = ApiClient.as(port, demo, "pds-office")
                .post(base + "/visits", visit(clientId, reason).toString());
        assertThat(office.statusCode()).isEqualTo(409);
    }

    @Test
    void aDeductionWithoutReasonStoresNothing_andTheCorrectedVisitIsAccepted() {
        String clientId = UUID.randomUUID().toString();
        long historyBefore = count("select count(*) from evaluation_history where campaign_id = ?", campaignId);
        HttpResponse<String> refused =
                inspector.post(base + "/visits", visit(clientId, null).toString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode body = json(refused);
        assertThat(body.get("applied").asBoolean()).isFalse();
        assertThat(body.get("message").asText()).contains("未保存");
        assertThat(body.get("rows").get(0).get("status").asText()).isEqualTo("OK");
        assertThat(body.get("rows").get(1).get("status").asText()).isEqualTo("ERROR");
        assertThat(body.get("rows").get(1).get("field").asText()).isEqualTo("reason");
        assertThat(body.get("rows").get(1).get("error").asText()).contains("扣分原因");
        // nothing written: neither the good row nor the visit
        assertThat(count("select count(*) from evaluation_history where campaign_id = ?", campaignId))
                .isEqualTo(historyBefore);
        assertThat(count("select count(*) from evaluation_onsite_visit where client_id = cast(? as uuid)", clientId))
                .isZero();

        // the phone keeps the visit, the team adds the reason and it syncs with the same client id
        JsonNode accepted =
                ok(inspector.post(base + "/visits", visit(clientId, "一台执法记录仪损坏").toString()));
        assertThat(accepted.get("applied").asBoolean()).isTrue();
        assertThat(accepted.get("replayed").asBoolean()).isFalse();
        assertThat(count("select count(*) from evaluation_history where campaign_id = ?", campaignId))
                .isEqualTo(historyBefore + 2);

        // visit-level errors answer 400 with a Chinese message: no team
        ObjectNode noTeam = visit(UUID.randomUUID().toString(), "x");
        noTeam.putArray("teamMembers").add("  ");
        HttpResponse<String> r = inspector.post(base + "/visits", noTeam.toString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("detail").asText()).contains("考核组成员");
    }

    @Test
    void whoIsNotARaterOfOnsiteTasksGets404_audited() {
        ApiClient target = ApiClient.as(port, demo, "pds-bm1-02");
        String denied =
                "select count(*) from audit_record where outcome = 'DENIED' and action like 'evaluation.onsite.%'";
        long before = count(denied);
        assertThat(target.get(base).statusCode()).isEqualTo(404);
        HttpResponse<String> post = target.post(
                base + "/visits", visit(UUID.randomUUID().toString(), "x").toString());
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(target.get(base + "/visits").statusCode()).isEqualTo(404);
        assertThat(count(denied)).isGreaterThanOrEqualTo(before + 3);
        assertThat(count("select count(*) from evaluation_onsite_visit where campaign_id = ?", campaignId))
                .isZero();
    }

    @Test
    void photosAreStoredWithTheirHash_andOnlyImagesAreAccepted() {
        JsonNode answer = ok(inspector.post(
                base + "/visits", visit(UUID.randomUUID().toString(), "损坏").toString()));
        long visitId = answer.get("visitId").asLong();
        String photos = base + "/visits/" + visitId + "/photos";
        long taskAId = taskA.get("id").asLong();

        byte[] png = EvidenceFixtures.png();
        String photoClientId = UUID.randomUUID().toString();
        JsonNode stored =
                ok(inspector.upload(photos + "?taskId=" + taskAId + "&clientId=" + photoClientId, "现场.png", png, null));
        assertThat(stored.get("sha256").asText()).isEqualTo(EvidenceFixtures.sha256(png));
        assertThat(stored.get("contentType").asText()).isEqualTo("image/png");
        assertThat(stored.get("taskId").asLong()).isEqualTo(taskAId);
        // the same photo again (a retried upload): the stored one, not a second copy
        JsonNode retried =
                ok(inspector.upload(photos + "?taskId=" + taskAId + "&clientId=" + photoClientId, "现场.png", png, null));
        assertThat(retried.get("id").asLong()).isEqualTo(stored.get("id").asLong());

        JsonNode visit =
                ok(inspector.get(base + "/visits?targetId=" + targetId)).get(0);
        assertThat(visit.get("photos")).hasSize(1);
        JsonNode listed = visit.get("photos").get(0);
        assertThat(listed.get("sha256").asText()).isEqualTo(EvidenceFixtures.sha256(png));
        assertThat(listed.get("name").asText()).isEqualTo("现场.png");
        HttpResponse<byte[]> content = inspector.getBytes(listed.get("url").asText());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(png);
        assertThat(count(
                        "select count(*) from evidence_attachment where owner_kind = 'evaluation-onsite' and owner_id = ?",
                        visitId))
                .isEqualTo(1);

        // not images: a PDF, and a program named as a photo — refused, nothing attached
        HttpResponse<String> pdf = inspector.upload(photos, "现场.pdf", EvidenceFixtures.pdf(), null);
        assertThat(pdf.statusCode()).isEqualTo(400);
        assertThat(json(pdf).get("detail").asText()).contains("照片");
        HttpResponse<String> exe = inspector.upload(photos, "现场.jpg", EvidenceFixtures.exe(), null);
        assertThat(exe.statusCode()).isEqualTo(400);
        // a PNG header with a truncated body passes the first look but not the evidence inspector
        byte[] broken = java.util.Arrays.copyOf(png, png.length - 12);
        HttpResponse<String> truncated = inspector.upload(photos, "坏.png", broken, null);
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(count(
                        "select count(*) from evidence_attachment where owner_kind = 'evaluation-onsite' and owner_id = ?",
                        visitId))
                .isEqualTo(1);
        assertThat(count("select count(*) from evaluation_onsite_photo where visit_id = ?", visitId))
                .isEqualTo(1);

        // someone who is not a rater cannot read the photos either
        ApiClient target = ApiClient.as(port, demo, "pds-bm1-02");
        assertThat(target.getBytes(listed.get("url").asText()).statusCode()).isEqualTo(404);
    }
}
