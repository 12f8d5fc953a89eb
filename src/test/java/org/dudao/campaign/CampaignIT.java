package org.dudao.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The PDS-2020 template, the demo campaign, and who may see and change campaigns. */
@DudaoIntegrationTest
class CampaignIT {

    static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    static long demoCampaign(ApiClient api) {
        for (JsonNode c : ok(api.get("/api/v1/campaigns"))) {
            if (c.get("year").asInt() == THIS_YEAR && c.get("name").asText().contains("依法行政考核")) {
                return c.get("id").asLong();
            }
        }
        throw new AssertionError("no demo campaign");
    }

    @Test
    void demoCampaignIsPds2020MovedToThisYearWithSixtyTargetsInThreeCategories() {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        long id = demoCampaign(office);
        JsonNode list = ok(office.get("/api/v1/campaigns"));
        assertThat(list.get(0).has("kind")).isTrue();

        Map<String, Integer> perCategory = new TreeMap<>();
        for (JsonNode t : ok(office.get("/api/v1/campaigns/" + id + "/targets"))) {
            perCategory.merge(t.get("category").asText(), 1, Integer::sum);
            assertThat(t.get("unitId").asLong()).isPositive();
        }
        assertThat(perCategory)
                .containsEntry("县区政府", 11)
                .containsEntry("部门1", 3)
                .containsEntry("部门2", 46);

        JsonNode tasks = ok(office.get("/api/v1/campaigns/" + id + "/tasks"));
        Map<String, Integer> taskCount = new TreeMap<>();
        for (JsonNode t : tasks) {
            taskCount.merge(t.get("category").asText(), 1, Integer::sum);
        }
        // task rows of 附件3 / 附件4 / 附件5 as transcribed
        assertThat(taskCount)
                .containsEntry("县区政府", 103)
                .containsEntry("部门1", 11)
                .containsEntry("部门2", 95);

        JsonNode proof = find(tasks, "县区政府", "证明事项清理情况");
        assertThat(proof.get("deadline").asText()).isEqualTo(THIS_YEAR + "-12-31");
        assertThat(proof.get("methods").get(0).asText()).isEqualTo("报送资料");
        assertThat(proof.get("path").get(0).asText()).isEqualTo("一、依法全面履行政府职能");
        assertThat(proof.get("needsMaterial").asBoolean()).isTrue();
        long office03 = unit("职能转变协调科");
        assertThat(proof.get("assessorUnitId").asLong()).isEqualTo(office03);
        assertThat(proof.get("assessorMatch").asText()).isEqualTo("NAME");

        // printed deadlines other than 12-31 keep their month and day, one year on
        List<String> deadlines = new ArrayList<>();
        tasks.forEach(t -> deadlines.add(t.get("deadline").asText()));
        assertThat(deadlines).contains((THIS_YEAR + 1) + "-03-31", (THIS_YEAR + 1) + "-01-04");

        // a section is matched through its department's name: 市司法局 + 依法行政指导科
        long guidance = unit("依法行政指导科");
        assertThat(count(tasks, t -> t.get("assessorUnitId").asLong() == guidance))
                .isGreaterThan(8);
        // a subject no unit carries stays for the office to assign
        assertThat(count(
                        tasks,
                        t -> t.get("assessorName").asText().equals("市政府办公室办公室")
                                && t.get("assessorMatch").asText().equals("UNMATCHED")))
                .isGreaterThan(0);
    }

    @Test
    void templateForAnotherYearShiftsEveryDateAndCloneKeepsTheStructure() {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        long id = ok(office.post(
                        "/api/v1/campaigns", "{\"template\":\"PDS-2020\",\"name\":\"2027年度依法行政考核（测试）\",\"year\":2027}"))
                .get("id")
                .asLong();
        JsonNode tasks = ok(office.get("/api/v1/campaigns/" + id + "/tasks"));
        assertThat(find(tasks, "县区政府", "证明事项清理情况").get("deadline").asText()).isEqualTo("2027-12-31");
        JsonNode detail = ok(office.get("/api/v1/campaigns/" + id));
        assertThat(detail.get("phases").findValuesAsText("endsOn")).contains("2028-01-20", "2028-01-13");

        long clone = ok(office.post("/api/v1/campaigns", "{\"cloneFrom\":" + id + ",\"year\":2028}"))
                .get("id")
                .asLong();
        JsonNode cloned = ok(office.get("/api/v1/campaigns/" + clone));
        assertThat(cloned.get("name").asText()).isEqualTo("2028年度依法行政考核（测试）");
        assertThat(cloned.get("basedOnId").asLong()).isEqualTo(id);
        assertThat(ok(office.get("/api/v1/campaigns/" + clone + "/targets"))).hasSize(60);
        JsonNode clonedTasks = ok(office.get("/api/v1/campaigns/" + clone + "/tasks"));
        assertThat(clonedTasks).hasSize(tasks.size());
        assertThat(find(clonedTasks, "县区政府", "证明事项清理情况").get("deadline").asText())
                .isEqualTo("2028-12-31");
    }

    @Test
    void badRequestsAreRefusedInChinese() {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        var unknown = office.post("/api/v1/campaigns", "{\"template\":\"XX-1999\",\"year\":2026}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("没有模板");
        assertThat(office.post("/api/v1/campaigns", "{\"template\":\"PDS-2020\",\"year\":1900}")
                        .statusCode())
                .isEqualTo(400);
        ApiClient target = ApiClient.as(port, demo, "pds-xq-03");
        assertThat(target.post("/api/v1/campaigns", "{\"template\":\"PDS-2020\",\"year\":2026}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aCountyOfficeDoesNotSeeTheCityCampaignButTheCityTargetsAndAssessorsDo() {
        long id = demoCampaign(ApiClient.as(port, demo, "pds-office"));
        ApiClient county = ApiClient.as(port, demo, "ls-office");
        assertThat(county.get("/api/v1/campaigns/" + id).statusCode()).isEqualTo(404);
        assertThat(ok(county.get("/api/v1/campaigns")).findValuesAsText("id")).doesNotContain(String.valueOf(id));
        Integer denied = jdbc.sql("select count(*) from audit_record where action = 'campaign.read'"
                        + " and outcome = 'DENIED' and object_id = ?")
                .param(String.valueOf(id))
                .query(Integer.class)
                .single();
        assertThat(denied).isPositive();

        ApiClient target = ApiClient.as(port, demo, "pds-xq-05");
        assertThat(ok(target.get("/api/v1/campaigns/" + id + "/tasks"))).isNotEmpty();
        ApiClient assessor = ApiClient.as(port, demo, "pdssssfjyfxzzdk");
        assertThat(ok(assessor.get("/api/v1/campaigns")).findValuesAsText("id")).contains(String.valueOf(id));
    }

    private long unit(String name) {
        return jdbc.sql("select id from organization_unit where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    static JsonNode find(JsonNode tasks, String category, String name) {
        for (JsonNode t : tasks) {
            if (t.get("category").asText().equals(category)
                    && t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no task " + name);
    }

    private static long count(JsonNode tasks, java.util.function.Predicate<JsonNode> p) {
        long n = 0;
        for (JsonNode t : tasks) {
            if (p.test(t)) {
                n++;
            }
        }
        return n;
    }
}
