package org.dudao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;

/**
 * Campaigns like the demo's (PDS-2020: 60 targets in 县区政府, 部门1, 部门2) created through the REST
 * contract, rated and, when asked, computed, approved by two leaders and published. Ratings follow a
 * fixed pattern so that targets differ: the k-th task with points of the i-th target of a category is
 * rated below 优 when (i + k) is a multiple of 7 and i is not a multiple of 4 (良, 中, 差 in turn);
 * every fourth target keeps 优 throughout; tasks without points are 不适用.
 */
final class DashboardFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] BELOW = {"GOOD", "FAIR", "POOR"};

    enum Rating {
        NONE,
        ALL_EXCELLENT,
        PATTERN
    }

    record Campaign(
            long id, String base, Map<String, Long> targets, Map<String, String> categoryOf, List<JsonNode> tasks) {

        long target(String name) {
            Long t = targets.get(name);
            if (t == null) {
                throw new AssertionError("no target " + name);
            }
            return t;
        }

        /** The category's tasks needing material, in table order. */
        List<JsonNode> materialTasks(String category) {
            return tasks.stream()
                    .filter(t -> t.get("category").asText().equals(category)
                            && t.get("needsMaterial").asBoolean())
                    .toList();
        }
    }

    private DashboardFixtures() {}

    /** A new campaign of the year (or carried over from {@code cloneFrom}), rated as asked. */
    static Campaign campaign(
            int port, DemoAccounts demo, String label, int year, Long cloneFrom, Rating rating, boolean publish) {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        String body = cloneFrom == null
                ? "{\"template\":\"PDS-2020\",\"name\":\"" + year + "年度考核（" + label + "）\",\"year\":" + year + "}"
                : "{\"cloneFrom\":" + cloneFrom + ",\"name\":\"" + year + "年度考核（" + label + "）\",\"year\":" + year
                        + "}";
        long id = ok(office.post("/api/v1/campaigns", body)).get("id").asLong();
        String base = "/api/v1/campaigns/" + id;
        Map<String, Long> targets = new LinkedHashMap<>();
        Map<String, String> categoryOf = new LinkedHashMap<>();
        for (JsonNode t : ok(office.get(base + "/targets"))) {
            targets.put(t.get("name").asText(), t.get("id").asLong());
            categoryOf.put(t.get("name").asText(), t.get("category").asText());
        }
        List<JsonNode> tasks = new ArrayList<>();
        ok(office.get(base + "/tasks")).forEach(tasks::add);
        Campaign c = new Campaign(id, base, targets, categoryOf, tasks);
        if (rating != Rating.NONE) {
            rate(office, c, rating);
            ok(office.post(base + "/results/compute", null));
        }
        if (publish) {
            publish(port, demo, c);
        }
        return c;
    }

    /** Proposes, approves (two leaders) and publishes the computed results. */
    static void publish(int port, DemoAccounts demo, Campaign c) {
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

    /** Rates every (target, task) of the campaign as the office. */
    static void rate(ApiClient office, Campaign c, Rating rating) {
        ArrayNode rows = JSON.createArrayNode();
        Map<String, Integer> position = new LinkedHashMap<>();
        for (Map.Entry<String, Long> g : c.targets().entrySet()) {
            String category = c.categoryOf().get(g.getKey());
            int i = position.merge(category, 1, Integer::sum) - 1;
            int k = 0;
            for (JsonNode task : c.tasks()) {
                if (!task.get("category").asText().equals(category)) {
                    continue;
                }
                var r = rows.addObject()
                        .put("targetId", g.getValue())
                        .put("taskId", task.get("id").asLong());
                if (task.get("points").isNull()) {
                    r.put("notApplicable", true).put("reason", "源表未列分值，认定不适用");
                    continue;
                }
                if (rating == Rating.PATTERN && i % 4 != 0 && (i + k) % 7 == 0) {
                    r.put("grade", BELOW[(i + k) % 3]).put("reason", "材料不完整，按评分标准扣分（测试数据）");
                } else {
                    r.put("grade", "EXCELLENT");
                }
                k++;
            }
        }
        assertThat(ok(office.put(c.base() + "/evaluations", rows.toString()))
                        .get("applied")
                        .asBoolean())
                .isTrue();
    }
}
