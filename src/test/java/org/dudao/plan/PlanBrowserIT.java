package org.dudao.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dudao.support.ApiClient;
import org.dudao.support.BrowserSession;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real Chromium, the office opens the demo plan: the chart is drawn from the server's counts (what
 * it plotted equals the overview API's numbers by heading), and the ledger lists the demo assignments.
 */
@DudaoIntegrationTest
class PlanBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void requireBrowser() {
        BrowserSession.requireBrowser();
    }

    @Test
    void officeSeesTheChartOfTheServersCountsAndTheLedger() throws Exception {
        long plan = jdbc.sql("select id from campaign where template_code = 'PDS-2022-PLAN' and name not like '%测试%'"
                        + " order by id limit 1")
                .query(Long.class)
                .single();
        JsonNode overview =
                ApiClient.ok(ApiClient.as(port, demo, "pds-office").get("/api/v1/plans/" + plan + "/overview"));
        try (BrowserSession b = new BrowserSession(port)) {
            b.login(demo, "pds-office");
            b.open("/plans/" + plan);
            b.waitFor(
                    ExpectedConditions.attributeToBeNotEmpty(b.driver.findElement(By.id("planChart")), "data-values"));
            JsonNode plotted = new ObjectMapper()
                    .readTree(b.driver.findElement(By.id("planChart")).getAttribute("data-values"));
            // series in PlanStatus order, one value per heading
            PlanStatus[] statuses = PlanStatus.values();
            for (int s = 0; s < statuses.length; s++) {
                for (int h = 0; h < overview.get("byHeading").size(); h++) {
                    JsonNode counts = overview.get("byHeading").get(h).get("counts");
                    int expected = counts.has(statuses[s].name())
                            ? counts.get(statuses[s].name()).asInt()
                            : 0;
                    assertThat(plotted.get(s).get(h).asInt()).isEqualTo(expected);
                }
            }
            assertThat(b.text("#taskTable")).contains("市司法局").contains("科学制定立法计划");
            assertThat(b.text("#sourceNote")).contains("源文件未列明");
            b.screenshot("plan-overview");
        }
    }
}
