package org.dudao.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;

/**
 * A PDS-2020 campaign of its own (so that locking it does not disturb the shared demo campaign), every
 * task of every target rated 优 (tasks without points 不适用), computed, approved by two leaders and
 * published through the REST contract.
 */
final class FeedbackFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    record Published(long id, String base, Map<String, Long> targets, Map<Long, JsonNode> tasks) {

        long target(String name) {
            Long t = targets.get(name);
            if (t == null) {
                throw new AssertionError("no target " + name);
            }
            return t;
        }

        /** The first task with points of the category. */
        long taskOf(String category) {
            return tasks.values().stream()
                    .filter(t -> t.get("category").asText().equals(category)
                            && !t.get("points").isNull())
                    .findFirst()
                    .orElseThrow()
                    .get("id")
                    .asLong();
        }
    }

    private FeedbackFixtures() {}

    static Published campaign(int port, DemoAccounts demo, String label, boolean publish) {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        long id = ok(office.post(
                        "/api/v1/campaigns",
                        "{\"template\":\"PDS-2020\",\"name\":\"" + year + "年度考核（" + label + "）\",\"year\":" + year
                                + "}"))
                .get("id")
                .asLong();
        String base = "/api/v1/campaigns/" + id;
        Map<String, Long> targets = new HashMap<>();
        Map<String, String> categoryOf = new HashMap<>();
        for (JsonNode t : ok(office.get(base + "/targets"))) {
            targets.put(t.get("name").asText(), t.get("id").asLong());
            categoryOf.put(t.get("name").asText(), t.get("category").asText());
        }
        Map<Long, JsonNode> tasks = new HashMap<>();
        for (JsonNode t : ok(office.get(base + "/tasks"))) {
            tasks.put(t.get("id").asLong(), t);
        }
        ArrayNode rows = JSON.createArrayNode();
        for (Map.Entry<String, Long> g : targets.entrySet()) {
            for (JsonNode k : tasks.values()) {
                if (!k.get("category").asText().equals(categoryOf.get(g.getKey()))) {
                    continue;
                }
                var r = rows.addObject()
                        .put("targetId", g.getValue())
                        .put("taskId", k.get("id").asLong());
                if (k.get("points").isNull()) {
                    r.put("notApplicable", true).put("reason", "源表未列分值，认定不适用");
                } else {
                    r.put("grade", "EXCELLENT");
                }
            }
        }
        assertThat(ok(office.put(base + "/evaluations", rows.toString()))
                        .get("applied")
                        .asBoolean())
                .isTrue();
        ok(office.post(base + "/results/compute", null));
        if (publish) {
            ok(office.post(base + "/results/propose", null));
            ok(office.post(
                    base + "/results/consult", "{\"until\":\"" + LocalDate.now().plusDays(5) + "\"}"));
            ok(ApiClient.as(port, demo, "pds-leader").post(base + "/results/approve", null));
            ok(ApiClient.as(port, demo, "pds-leader-2").post(base + "/results/approve", null));
            assertThat(ok(office.post(base + "/results/publish", null))
                            .get("status")
                            .asText())
                    .isEqualTo("PUBLISHED");
        }
        return new Published(id, base, targets, tasks);
    }
}
