package org.dudao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;

/**
 * A PDS-2020 campaign of its own (the pattern of FeedbackFixtures) rated so that levels and ranks differ:
 * in 县区政府 舞钢 gets 优 on every task (100), 宝丰 良 everywhere (80, 良好), 郏县 中 everywhere (60, 合格),
 * 叶县 差 everywhere (0, 不合格), 鲁山 良 on its first task only, the other counties 良 on their first 2…7
 * tasks (distinct scores, no ties); every department 优. Each deduction's reason names its target, so that
 * a letter can be checked to hold its own target's reasons only. Also used by the documents benchmark.
 */
public final class DocumentFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    public record Campaign(
            long id, String base, Map<String, Long> targets, Map<String, List<JsonNode>> tasksByCategory) {

        public long target(String name) {
            Long t = targets.get(name);
            if (t == null) {
                throw new AssertionError("no target " + name);
            }
            return t;
        }
    }

    private DocumentFixtures() {}

    static String reason(String target, long taskId) {
        return target + "未达标（任务" + taskId + "）";
    }

    /** Creates the campaign and, when {@code rate}, enters every evaluation as described. */
    public static Campaign create(int port, DemoAccounts demo, String label, boolean rate) {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        long id = ok(office.post(
                        "/api/v1/campaigns",
                        "{\"template\":\"PDS-2020\",\"name\":\"" + year + "年度考核（" + label + "）\",\"year\":" + year
                                + "}"))
                .get("id")
                .asLong();
        String base = "/api/v1/campaigns/" + id;
        Map<String, Long> targets = new LinkedHashMap<>();
        Map<String, String> categoryOf = new LinkedHashMap<>();
        for (JsonNode t : ok(office.get(base + "/targets"))) {
            targets.put(t.get("name").asText(), t.get("id").asLong());
            categoryOf.put(t.get("name").asText(), t.get("category").asText());
        }
        Map<String, List<JsonNode>> tasks = new LinkedHashMap<>();
        for (JsonNode t : ok(office.get(base + "/tasks"))) {
            tasks.computeIfAbsent(t.get("category").asText(), k -> new ArrayList<>())
                    .add(t);
        }
        if (rate) {
            ArrayNode rows = JSON.createArrayNode();
            int county = 0;
            for (Map.Entry<String, Long> g : targets.entrySet()) {
                String name = g.getKey();
                String category = categoryOf.get(name);
                int goodTasks = 0; // how many tasks (with points) get 良; -1 = all
                String all = "EXCELLENT";
                if (category.equals("县区政府")) {
                    switch (name) {
                        case "舞钢市人民政府" -> all = "EXCELLENT";
                        case "宝丰县人民政府" -> all = "GOOD";
                        case "郏县人民政府" -> all = "FAIR";
                        case "叶县人民政府" -> all = "POOR";
                        case "鲁山县人民政府" -> goodTasks = 1;
                        default -> goodTasks = 2 + county++;
                    }
                }
                int rated = 0;
                for (JsonNode k : tasks.get(category)) {
                    ObjectNode r = rows.addObject()
                            .put("targetId", g.getValue())
                            .put("taskId", k.get("id").asLong());
                    if (k.get("points").isNull()) {
                        r.put("notApplicable", true).put("reason", "源表未列分值，认定不适用");
                        continue;
                    }
                    String grade = rated < goodTasks ? "GOOD" : all;
                    rated++;
                    r.put("grade", grade);
                    if (!grade.equals("EXCELLENT")) {
                        r.put("reason", reason(name, k.get("id").asLong()));
                    }
                }
            }
            assertThat(ok(office.put(base + "/evaluations", rows.toString()))
                            .get("applied")
                            .asBoolean())
                    .isTrue();
        }
        ok(office.post(base + "/results/compute", null));
        return new Campaign(id, base, targets, tasks);
    }

    /** Proposes, consults, lets two leaders approve, and publishes. */
    public static void publish(int port, DemoAccounts demo, Campaign c) {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        ok(office.post(c.base() + "/results/propose", null));
        ok(office.post(
                c.base() + "/results/consult", "{\"until\":\"" + LocalDate.now().plusDays(5) + "\"}"));
        ok(ApiClient.as(port, demo, "pds-leader").post(c.base() + "/results/approve", null));
        ok(ApiClient.as(port, demo, "pds-leader-2").post(c.base() + "/results/approve", null));
        assertThat(ok(office.post(c.base() + "/results/publish", null))
                        .get("status")
                        .asText())
                .isEqualTo("PUBLISHED");
    }
}
