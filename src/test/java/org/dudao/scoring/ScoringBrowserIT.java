package org.dudao.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import org.dudao.support.ApiClient;
import org.dudao.support.BrowserSession;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real Chromium: an assessor grades a task 良 with a reason on the grading page; after the office
 * computes and the results are approved and published, the county sees the lost points and the reason
 * in its breakdown.
 */
@DudaoIntegrationTest
class ScoringBrowserIT {

    static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @BeforeAll
    static void requireBrowser() {
        BrowserSession.requireBrowser();
    }

    @Test
    void assessorGradesWithReason_targetSeesLostPointsAndReasonAfterPublication() throws Exception {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        long id = ok(office.post(
                        "/api/v1/campaigns",
                        "{\"template\":\"PDS-2020\",\"name\":\"" + THIS_YEAR + "年度考核（页面测试）\",\"year\":" + THIS_YEAR
                                + "}"))
                .get("id")
                .asLong();
        String base = "/api/v1/campaigns/" + id;
        long taskId = 0;
        String taskName = null;
        java.math.BigDecimal taskPoints = null;
        for (JsonNode t : ok(office.get(base + "/tasks"))) {
            if (t.get("category").asText().equals("县区政府")
                    && t.get("assessorName").asText("").contains("依法行政指导科")) {
                taskId = t.get("id").asLong();
                taskName = t.get("name").asText();
                taskPoints = t.get("points").decimalValue();
                break;
            }
        }
        long targetId = 0;
        for (JsonNode t : ok(office.get(base + "/targets"))) {
            if (t.get("name").asText().equals("舞钢市人民政府")) {
                targetId = t.get("id").asLong();
            }
        }
        String reason = "领导干部学法记录缺少第三季度材料";

        try (BrowserSession b = new BrowserSession(port)) {
            b.login(demo, "pdssssfjyfxzzdk");
            b.open("/campaigns/" + id + "/evaluate");
            b.click(By.cssSelector("a[href$='/campaigns/" + id + "/evaluate/" + taskId + "']"));
            WebElement row = b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("row-" + targetId)));
            new Select(row.findElement(By.name("mode"))).selectByValue("grade");
            new Select(row.findElement(By.name("grade"))).selectByVisibleText("良");
            // no reason first: refused in the row, nothing saved
            b.click(By.cssSelector("#row-" + targetId + " button[type=submit]"));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#row-" + targetId + " .error")));
            assertThat(b.text("#row-" + targetId + " .error")).contains("扣分原因");
            assertThat(b.text("#row-" + targetId + " .current")).contains("未评价");
            b.driver
                    .findElement(By.cssSelector("#row-" + targetId + " textarea[name=reason]"))
                    .sendKeys(reason);
            b.click(By.cssSelector("#row-" + targetId + " button[type=submit]"));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#row-" + targetId + " .saved")));
            assertThat(b.text("#row-" + targetId + " .current")).contains("良").contains(reason);
            b.screenshot("assessor-grades-with-reason");
        }

        ok(office.post(base + "/results/compute", null));
        ok(office.post(base + "/results/propose", null));
        ok(ApiClient.as(port, demo, "pds-leader").post(base + "/results/approve", null));
        ok(ApiClient.as(port, demo, "pds-leader-2").post(base + "/results/approve", null));
        ok(office.post(base + "/results/publish", null));

        try (BrowserSession b = new BrowserSession(port)) {
            b.login(demo, "pds-xq-01");
            b.open("/campaigns/" + id + "/results");
            b.click(By.linkText("得分明细"));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("taskLines")));
            WebElement line = b.driver.findElement(By.cssSelector("#taskLines tr[data-task='" + taskId + "']"));
            assertThat(line.getText())
                    .contains(taskName)
                    .contains("良")
                    .contains(reason)
                    .contains("依法行政指导科");
            // 良 = 80 % of the task's points: the lost column shows the other 20 %
            String lost = line.findElement(By.cssSelector(".lost")).getText();
            assertThat(new java.math.BigDecimal(lost))
                    .isEqualByComparingTo(taskPoints.multiply(new java.math.BigDecimal("0.2")));
            b.screenshot("target-breakdown");
        }
    }
}
