package org.dudao.creation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.dudao.evidence.EvidenceFixtures;
import org.dudao.shared.time.ClockConfiguration;
import org.dudao.support.BrowserSession;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** In a real Chromium, a town (鲁阳街道) opens its creation ledger, uploads a material and explains it. */
@DudaoIntegrationTest
class CreationBrowserIT {

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
    void aTownUploadsACreationMaterial() throws Exception {
        int year = LocalDate.now(ClockConfiguration.ZONE).getYear();
        Path dir = Files.createTempDirectory("dudao-creation");
        Path file = Files.write(dir.resolve("鲁阳街道法治宣传活动材料.pdf"), EvidenceFixtures.pdf("法治宣传 " + year));
        try (BrowserSession b = new BrowserSession(port)) {
            b.login(demo, "ls-xz-01");
            b.open("/creation");
            b.click(By.linkText("鲁山县" + year + "年创建河南省法治政府示范县"));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("lines")));
            assertThat(b.text("#myProgress")).contains("鲁阳街道");
            // the demo filled the first lines; take the seventh, which has no file yet
            WebElement row =
                    b.driver.findElements(By.cssSelector("#lines tbody tr")).get(6);
            assertThat(row.findElements(By.tagName("td")).get(4).getText()).isEqualTo("0");
            String taskId = row.getAttribute("data-task");
            b.click(By.cssSelector("#lines tbody tr[data-task='" + taskId + "'] a"));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("uploadForm")));
            b.driver.findElement(By.cssSelector("#uploadForm input[type=file]")).sendKeys(file.toString());
            b.click(By.cssSelector("#uploadForm button[type=submit]"));
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("ownFiles"), "鲁阳街道法治宣传活动材料.pdf"));
            assertThat(b.text(".alert-success")).contains("材料已上传");
            b.driver.findElement(By.cssSelector("#explanationForm textarea")).sendKeys("已整理2021年法治宣传活动方案、简报和图片。");
            b.click(By.cssSelector("#explanationForm button[type=submit]"));
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "说明已保存"));
            b.screenshot("creation-town-upload");
        }
        Integer stored = jdbc.sql("select count(*) from evidence_attachment where owner_kind = 'creation-material'"
                        + " and uploaded_by = 'ls-xz-01' and display_name = '鲁阳街道法治宣传活动材料.pdf'")
                .query(Integer.class)
                .single();
        assertThat(stored).isEqualTo(1);
    }
}
