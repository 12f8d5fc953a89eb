package org.dudao.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dudao.evidence.EvidenceFixtures;
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

/**
 * In a real Chromium, the target's side: it sees the problem fed back, files a review request with a
 * file attached, and after the office's decision sees the decision and its reason.
 */
@DudaoIntegrationTest
class FeedbackBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @BeforeAll
    static void requireBrowser() {
        BrowserSession.requireBrowser();
    }

    @Test
    void targetSeesFeedbackFilesReviewWithFileAndSeesTheDecision() throws Exception {
        FeedbackFixtures.Published c = FeedbackFixtures.campaign(port, demo, "反馈页面测试", true);
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        long target = c.target("叶县人民政府");
        long task = c.taskOf("县区政府");
        String description = "依法行政工作报告未在政府网站公开";
        long problem = ok(office.post(
                        c.base() + "/problems",
                        "{\"targetId\":" + target + ",\"taskId\":" + task + ",\"severity\":\"MINOR\",\"description\":\""
                                + description + "\"}"))
                .get("id")
                .asLong();
        Path dir = Files.createTempDirectory("dudao-review");
        Path proof = Files.write(dir.resolve("政府网站公开截图.pdf"), EvidenceFixtures.pdf("公开截图 " + problem));
        String statement = "报告已于3月在政府网站“法治政府建设”栏目公开，附截图。";
        long reviewId;

        try (BrowserSession b = new BrowserSession(port)) {
            b.login(demo, "pds-xq-05");
            b.open("/campaigns/" + c.id() + "/feedback");
            assertThat(b.text("#problemList")).contains(description).contains("待核实");
            b.click(By.linkText(String.valueOf(problem)));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("reviewForm")));
            assertThat(b.text("#problemDescription")).isEqualTo(description);
            // a request without a statement is refused in the page, nothing filed
            b.click(By.cssSelector("#reviewForm button[type=submit]"));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#flash .alert-danger")));
            assertThat(b.text("#flash")).contains("必填");
            b.driver
                    .findElement(By.cssSelector("#reviewForm textarea[name=statement]"))
                    .sendKeys(statement);
            b.driver.findElement(By.cssSelector("#reviewForm input[type=file]")).sendKeys(proof.toString());
            b.click(By.cssSelector("#reviewForm button[type=submit]"));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("reviewStatus")));
            assertThat(b.text("#reviewStatus")).isEqualTo("待决定");
            assertThat(b.text("#reviewFiles")).contains("政府网站公开截图.pdf");
            String url = b.driver.getCurrentUrl();
            reviewId = Long.parseLong(url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", ""));
            b.screenshot("target-review-filed");
        }

        String reason = "经核查，报告确已按时公开，撤销该问题。";
        ok(office.post(
                c.base() + "/reviews/" + reviewId + "/decision",
                "{\"decision\":\"CHANGED\",\"reason\":\"" + reason + "\",\"evaluations\":[{\"targetId\":" + target
                        + ",\"taskId\":" + task + ",\"grade\":\"EXCELLENT\"}]}"));

        try (BrowserSession b = new BrowserSession(port)) {
            b.login(demo, "pds-xq-05");
            b.open("/campaigns/" + c.id() + "/reviews/" + reviewId);
            assertThat(b.text("#reviewStatus")).isEqualTo("已决定");
            assertThat(b.text("#decision")).contains("变更").contains(reason);
            b.open("/campaigns/" + c.id() + "/feedback/problems/" + problem);
            assertThat(b.text("#problemStatus")).isEqualTo("已撤销");
            b.screenshot("target-review-decided");
        }
    }
}
