package org.dudao.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** In a real Chromium: a county uploads two files and submits, the assessor returns it, the county resubmits. */
@DudaoIntegrationTest
class SubmissionBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @BeforeAll
    static void requireBrowser() {
        BrowserSession.requireBrowser();
    }

    @Test
    void countyUploadsAndSubmits_assessorReturns_countyResubmits() throws Exception {
        ApiClient api = ApiClient.as(port, demo, "pds-xq-07");
        SubmissionLifecycleIT.Demo d = SubmissionLifecycleIT.demo(api);
        JsonNode task = d.countyTasks().get(0); // 证明事项清理情况, assessor 市政府办公室职能转变协调科
        long taskId = task.get("id").asLong();
        long target = SubmissionLifecycleIT.targetId(api, d.campaign(), "卫东区人民政府");
        Path dir = Files.createTempDirectory("dudao-upload");
        Path report = Files.write(dir.resolve("证明事项清理报告.pdf"), EvidenceFixtures.pdf());
        Path table = Files.write(dir.resolve("证明事项清理意见表.png"), EvidenceFixtures.png());
        Path stamped = Files.write(dir.resolve("清理意见表（盖章）.pdf"), EvidenceFixtures.pdf());
        String page = "/campaigns/" + d.campaign() + "/my/tasks/" + taskId;

        try (BrowserSession b = new BrowserSession(port)) {
            b.login(demo, "pds-xq-07");
            b.open("/campaigns/" + d.campaign() + "/my");
            assertThat(b.text("#missingSummary")).contains("未报送");
            String href =
                    b.driver.findElement(By.linkText(task.get("name").asText())).getAttribute("href");
            assertThat(href).endsWith(page);
            b.open(page);
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("fileInput")));
            b.driver.findElement(By.id("fileInput")).sendKeys(report + "\n" + table);
            b.click(By.id("uploadButton"));
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("fileList"), "证明事项清理意见表.png"));
            assertThat(b.text("#fileList")).contains("证明事项清理报告.pdf");
            b.screenshot("county-submission-draft");

            b.click(By.id("submitButton"));
            b.waitFor(ExpectedConditions.alertIsPresent()).accept();
            b.waitFor(ExpectedConditions.textToBe(By.id("submissionStatus"), "已报送"));

            b.login(demo, "pdssszfbgsznzbxtk");
            b.open("/campaigns/" + d.campaign() + "/review");
            b.driver
                    .findElement(By.xpath("//tr[th='卫东区人民政府']//a[text()='已报送']"))
                    .click();
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("returnForm")));
            assertThat(b.text("#reviewFiles")).contains("证明事项清理报告.pdf", "证明事项清理意见表.png");
            b.driver
                    .findElement(By.cssSelector("#returnForm input[name=reason]"))
                    .sendKeys("意见表未盖章，请补充盖章件");
            b.click(By.cssSelector("#returnForm button"));
            b.waitFor(ExpectedConditions.textToBe(By.id("reviewStatus"), "已退回"));
            b.screenshot("assessor-returned");

            b.login(demo, "pds-xq-07");
            b.open(page);
            assertThat(b.text("#returnReason")).contains("意见表未盖章");
            b.driver.findElement(By.id("fileInput")).sendKeys(stamped.toString());
            b.click(By.id("uploadButton"));
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("fileList"), "清理意见表（盖章）.pdf"));
            assertThat(b.text("#submitButton")).isEqualTo("重新报送");
            b.click(By.id("submitButton"));
            b.waitFor(ExpectedConditions.alertIsPresent()).accept();
            b.waitFor(ExpectedConditions.textToBe(By.id("submissionStatus"), "已重新报送"));
            assertThat(b.text("#versionList")).contains("第 2 版", "第 1 版");
            b.screenshot("county-resubmitted");
        }
        JsonNode history = ApiClient.ok(ApiClient.as(port, demo, "pdssszfbgsznzbxtk")
                .get("/api/v1/campaigns/" + d.campaign() + "/targets/" + target + "/tasks/" + taskId + "/submission"));
        assertThat(history.get("versions")).hasSize(2);
        assertThat(history.get("submission").get("files")).hasSize(3);
    }
}
