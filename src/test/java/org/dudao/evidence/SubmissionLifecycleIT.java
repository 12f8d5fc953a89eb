package org.dudao.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.json;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A county hands in material, the assessor returns it, the county hands in again, the assessor locks it. */
@DudaoIntegrationTest
class SubmissionLifecycleIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    /** The demo campaign and the county tasks that need material, in table order. */
    record Demo(long campaign, List<JsonNode> countyTasks) {
        long task(int i) {
            return countyTasks.get(i).get("id").asLong();
        }
    }

    static Demo demo(ApiClient api) {
        long campaign = -1;
        for (JsonNode c : ok(api.get("/api/v1/campaigns"))) {
            if (c.get("name").asText().contains("依法行政考核")) {
                campaign = c.get("id").asLong();
                break;
            }
        }
        List<JsonNode> tasks = new ArrayList<>();
        for (JsonNode t : ok(api.get("/api/v1/campaigns/" + campaign + "/tasks"))) {
            if (t.get("category").asText().equals("县区政府")
                    && t.get("needsMaterial").asBoolean()) {
                tasks.add(t);
            }
        }
        return new Demo(campaign, tasks);
    }

    @Test
    void uploadSubmitReturnResubmitLockKeepsEveryVersion() {
        ApiClient county = ApiClient.as(port, demo, "pds-xq-01");
        Demo d = demo(county);
        long task = d.task(0); // 证明事项清理情况, assessed by 市政府办公室职能转变协调科
        String base = "/api/v1/campaigns/" + d.campaign() + "/tasks/" + task;

        byte[] report = EvidenceFixtures.pdf();
        byte[] table = EvidenceFixtures.png();
        JsonNode first = ok(county.upload(base + "/files", "证明事项清理报告.pdf", report, EvidenceFixtures.sha256(report)));
        assertThat(first.get("sha256").asText()).isEqualTo(EvidenceFixtures.sha256(report));
        assertThat(first.get("size").asLong()).isEqualTo(report.length);
        JsonNode second = ok(county.upload(base + "/files", "证明事项清理意见表.png", table, null));
        assertThat(second.get("fileId").asLong())
                .isNotEqualTo(first.get("fileId").asLong());

        JsonNode submitted = ok(county.post(base + "/submit", null));
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("version").asInt()).isEqualTo(1);

        // a double click: the second submit changes nothing and says why
        HttpResponse<String> again = county.post(base + "/submit", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("detail").asText()).contains("无需重复提交");
        // changing a handed-in submission needs a recall first
        assertThat(county.upload(base + "/files", "补充.pdf", EvidenceFixtures.pdf(), null)
                        .statusCode())
                .isEqualTo(409);

        // the assessor reads it and gets the very bytes
        ApiClient assessor = ApiClient.as(port, demo, "pdssszfbgsznzbxtk");
        long target = targetId(assessor, d.campaign(), "舞钢市人民政府");
        String sub = "/api/v1/campaigns/" + d.campaign() + "/targets/" + target + "/tasks/" + task;
        JsonNode history = ok(assessor.get(sub + "/submission"));
        assertThat(history.get("submission").get("files")).hasSize(2);
        HttpResponse<byte[]> bytes =
                assessor.getBytes("/api/v1/files/" + first.get("fileId").asLong());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(report);
        assertThat(bytes.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(bytes.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(bytes.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");

        // returning needs a reason
        assertThat(assessor.post(sub + "/return", "{\"reason\":\" \"}").statusCode())
                .isEqualTo(400);
        JsonNode returned = ok(assessor.post(sub + "/return", "{\"reason\":\"缺少《证明事项清理意见表》盖章件\"}"));
        assertThat(returned.get("submission").get("status").asText()).isEqualTo("RETURNED");

        // the county sees the reason, withdraws the table, adds the stamped one, hands in again
        JsonNode mine = ok(county.get(base + "/submission"));
        assertThat(mine.get("returnReason").asText()).contains("盖章件");
        ok(county.send(
                county.request(base + "/files/" + second.get("fileId").asLong()).DELETE()));
        byte[] stamped = EvidenceFixtures.pdf();
        JsonNode third = ok(county.upload(base + "/files", "证明事项清理意见表（盖章）.pdf", stamped, null));
        JsonNode resubmitted = ok(county.post(base + "/submit", null));
        assertThat(resubmitted.get("status").asText()).isEqualTo("RESUBMITTED");
        assertThat(resubmitted.get("version").asInt()).isEqualTo(2);

        JsonNode full = ok(assessor.get(sub + "/submission"));
        JsonNode versions = full.get("versions");
        assertThat(versions).hasSize(2);
        assertThat(ids(versions.get(1).get("fileIds"))) // version 1, newest first
                .containsExactlyInAnyOrder(
                        first.get("fileId").asLong(), second.get("fileId").asLong());
        assertThat(ids(versions.get(0).get("fileIds")))
                .containsExactlyInAnyOrder(
                        first.get("fileId").asLong(), third.get("fileId").asLong());
        // the withdrawn file stays in the history, marked, and still downloads for the assessor
        JsonNode withdrawn = null;
        for (JsonNode f : full.get("submission").get("files")) {
            if (f.get("id").asLong() == second.get("fileId").asLong()) {
                withdrawn = f;
            }
        }
        assertThat(withdrawn).isNotNull();
        assertThat(withdrawn.get("withdrawnAt").isNull()).isFalse();
        assertThat(assessor.getBytes("/api/v1/files/" + second.get("fileId").asLong())
                        .body())
                .isEqualTo(table);
        assertThat(full.get("events").findValuesAsText("action"))
                .containsSubsequence("UPLOAD", "UPLOAD", "SUBMIT", "RETURN", "WITHDRAW_FILE", "UPLOAD", "SUBMIT");

        JsonNode locked = ok(assessor.post(sub + "/lock", null));
        assertThat(locked.get("submission").get("status").asText()).isEqualTo("LOCKED");
        HttpResponse<String> afterLock = county.post(base + "/recall", null);
        assertThat(afterLock.statusCode()).isEqualTo(409);
        assertThat(json(afterLock).get("detail").asText()).contains("锁定");

        Integer audited = jdbc.sql("select count(*) from audit_record where action in"
                        + " ('evidence.file.upload', 'evidence.submit', 'evidence.return', 'evidence.lock')"
                        + " and object_id in (?, ?)")
                .params(
                        String.valueOf(first.get("fileId").asLong()),
                        String.valueOf(full.get("submission").get("id").asLong()))
                .query(Integer.class)
                .single();
        assertThat(audited).isGreaterThanOrEqualTo(5);
    }

    @Test
    void textChecklistAndLinksFollowTheTaskAndRefuseBadInput() {
        ApiClient county = ApiClient.as(port, demo, "pds-xq-02");
        Demo d = demo(county);
        JsonNode task = d.countyTasks().get(0);
        String base =
                "/api/v1/campaigns/" + d.campaign() + "/tasks/" + task.get("id").asLong();
        String material = task.get("materials").get(0).asText();

        JsonNode saved =
                ok(county.put(base + "/text", "{\"explanation\":\"已完成清理，见附件。\",\"checklist\":[\"" + material + "\"]}"));
        assertThat(saved.get("checklist").get(0).asText()).isEqualTo(material);
        assertThat(saved.get("status").asText()).isEqualTo("DRAFT");
        assertThat(county.put(base + "/text", "{\"checklist\":[\"不存在的材料\"]}").statusCode())
                .isEqualTo(400);

        JsonNode link =
                ok(county.post(base + "/links", "{\"url\":\"https://www.pds.gov.cn/qzqd\",\"title\":\"权责清单\"}"));
        assertThat(link.get("url").asText()).isEqualTo("https://www.pds.gov.cn/qzqd");
        // a titled link without a screenshot has none (not a screenshot "file 0")
        assertThat(link.get("screenshotFileId").isNull()).isTrue();
        for (String bad :
                List.of("javascript:alert(1)", "ftp://x.cn/a", "http://", "https://a b.cn", "data:text/html,x")) {
            HttpResponse<String> r = county.post(base + "/links", "{\"url\":\"" + bad + "\"}");
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(r).get("detail").asText()).contains("网址");
        }
    }

    static long targetId(ApiClient api, long campaign, String name) {
        for (JsonNode t : ok(api.get("/api/v1/campaigns/" + campaign + "/targets"))) {
            if (t.get("name").asText().equals(name)) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError(name);
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }
}
