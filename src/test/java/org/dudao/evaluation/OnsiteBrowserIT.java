package org.dudao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dudao.evidence.EvidenceFixtures;
import org.dudao.support.ApiClient;
import org.dudao.support.BrowserSession;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.NetworkRelay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real Chromium at phone width (390 × 844): the inspector opens the on-site form from the campaign
 * page; the network goes down (ChromeDriver's network emulation, so the page sees navigator.onLine =
 * false and the online event later, and a TCP relay cut, so that no request — the service worker's
 * included — reaches the server); the visit is saved on the device ("待同步 1"); the page is reloaded
 * offline and opens from the service worker's cache with the queue intact; the network comes back and
 * the queue syncs by itself: the server refuses the deduction (points below the maximum) without a
 * reason, the queued visit keeps the error and is edited, and then the server has the ONSITE
 * evaluations and the photo.
 *
 * <p>Found here: ChromeDriver's {@code setNetworkConditions(offline)} makes the page offline (its
 * fetches fail, navigator.onLine is false) but not its service worker, whose requests still reach the
 * server; hence the relay.
 */
@DudaoIntegrationTest
class OnsiteBrowserIT {

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
    void inspectorRecordsAVisitOffline_andItSyncsWhenTheNetworkIsBack() throws Exception {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        long id = ok(office.post(
                        "/api/v1/campaigns",
                        "{\"template\":\"PDS-2020\",\"name\":\"" + THIS_YEAR + "年度考核（实地考核页面测试）\",\"year\":" + THIS_YEAR
                                + "}"))
                .get("id")
                .asLong();
        ApiClient api = ApiClient.as(port, demo, "pds-inspector");
        JsonNode sheet = ok(api.get("/api/v1/campaigns/" + id + "/onsite"));
        long targetId = 0;
        long category = 0;
        for (JsonNode t : sheet.get("targets")) {
            if (t.get("name").asText().equals("宝丰县人民政府")) {
                targetId = t.get("id").asLong();
                category = t.get("categoryId").asLong();
            }
        }
        List<JsonNode> tasks = new ArrayList<>();
        for (JsonNode t : sheet.get("tasks")) {
            if (t.get("categoryId").asLong() == category) {
                tasks.add(t);
            }
        }
        long taskA = tasks.get(0).get("id").asLong();
        long taskB = tasks.get(1).get("id").asLong();
        BigDecimal pointsB = tasks.get(1).get("points").decimalValue().subtract(new BigDecimal("0.5"));
        Path photo = Files.createTempFile("site-photo", ".png");
        byte[] png = EvidenceFixtures.png();
        Files.write(photo, png);
        String reason = "音像记录事项清单未按实际调整";

        try (NetworkRelay network = new NetworkRelay(port);
                BrowserSession b = new BrowserSession(network.port())) {
            b.driver.manage().window().setSize(new Dimension(390, 844));
            b.login(demo, "pds-inspector");
            b.open("/campaigns/" + id);
            b.click(By.id("onsiteLink"));
            WebElement page = b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("onsitePage")));
            b.waitFor(ExpectedConditions.attributeToBe(page, "data-ready", "true"));
            // the service worker controls the page and has cached it with its assets and data
            b.waitFor(d -> "true".equals(page.getAttribute("data-offline-ready")));
            b.waitFor(d -> Boolean.TRUE.equals(b.driver.executeScript("return !!navigator.serviceWorker.controller")));
            // phone width, one column: nothing wider than the screen
            assertThat(b.driver.executeScript("return window.innerWidth")).isEqualTo(390L);
            assertThat((Long) b.driver.executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .isLessThanOrEqualTo(0L);

            // -- the network goes down
            b.driver.setNetworkConditions(offline(true));
            network.down();
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("netStatus"), "离线"));
            assertThat(b.driver.executeScript("return navigator.onLine")).isEqualTo(false);

            new Select(b.driver.findElement(By.id("targetSelect"))).selectByVisibleText("宝丰县人民政府");
            b.driver.findElement(By.id("teamLeader")).sendKeys("王组长");
            b.driver.findElement(By.id("teamMembers")).sendKeys("李组员\n赵专家");
            String cardA = "#taskCards .task-card[data-task-id='" + taskA + "']";
            String cardB = "#taskCards .task-card[data-task-id='" + taskB + "']";
            b.click(By.cssSelector(cardA + " label[for='grade-" + taskA + "-EXCELLENT']"));
            b.driver.findElement(By.cssSelector(cardA + " .note-input")).sendKeys("现场查看音像记录设备 6 台，运行正常。");
            b.driver.findElement(By.cssSelector(cardA + " .photo-input")).sendKeys(photo.toString());
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cardA + " .photo-list .photo-item")));
            // a deduction without its reason: the server will say so when the visit syncs
            b.click(By.cssSelector(cardB + " label[for='grade-" + taskB + "-POINTS']"));
            b.driver.findElement(By.cssSelector(cardB + " .points-input")).sendKeys(pointsB.toPlainString());
            b.click(By.id("saveVisit"));
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("queueCount"), "待同步 1"));
            b.driver.executeScript("window.scrollTo({top: 0, behavior: 'instant'})");
            b.screenshot("onsite-saved-offline");

            // -- reloaded while offline: the page comes from the service worker's cache, the queue from IndexedDB
            long sent = network.bytesToServer();
            b.driver.navigate().refresh();
            WebElement reloaded = b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("onsitePage")));
            b.waitFor(ExpectedConditions.attributeToBe(reloaded, "data-ready", "true"));
            assertThat(b.text("h1")).contains("实地考核表");
            assertThat(b.text("#queueCount")).contains("待同步 1");
            assertThat(new Select(b.driver.findElement(By.id("targetSelect"))).getOptions())
                    .extracting(WebElement::getText)
                    .contains("宝丰县人民政府");
            assertThat(network.bytesToServer()).as("nothing reached the server").isEqualTo(sent);
            assertThat(ok(api.get("/api/v1/campaigns/" + id + "/onsite/visits")))
                    .isEmpty();
            b.screenshot("onsite-reloaded-offline");

            // -- the network is back: the queue syncs by itself; the server refuses the row without reason
            network.up();
            b.driver.setNetworkConditions(offline(false));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queueList .queue-errors")));
            assertThat(b.text("#queueList .queue-errors")).contains("扣分原因");
            assertThat(b.text("#queueCount")).contains("待同步 1");
            assertThat(ok(api.get("/api/v1/campaigns/" + id + "/onsite/visits")))
                    .isEmpty();
            b.screenshot("onsite-row-error-kept");

            // the visit is edited on the device and saved again: it syncs, with its photo
            b.click(By.cssSelector("#queueList .queue-edit"));
            b.waitFor(
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(cardB + " .item-error"), "扣分原因"));
            b.driver.findElement(By.cssSelector(cardB + " .reason-input")).sendKeys(reason);
            b.click(By.id("saveVisit"));
            new WebDriverWait(b.driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("queueCount"), "待同步 0"));
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("onsiteMessage"), "已全部同步"));
            // the synced visit is listed for its target, and the current values are the new ones
            new Select(b.driver.findElement(By.id("targetSelect"))).selectByVisibleText("宝丰县人民政府");
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#visitList .visit-item")));
            assertThat(b.text("#visitList .visit-item")).contains("王组长").contains(reason);
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(cardB + " .task-current"),
                    pointsB.stripTrailingZeros().toPlainString() + " 分"));
            b.screenshot("onsite-synced");
        }

        // the server has the evaluations (channel ONSITE), the visit and the photo
        JsonNode history = ok(
                api.get("/api/v1/campaigns/" + id + "/evaluations/history?targetId=" + targetId + "&taskId=" + taskB));
        assertThat(history.get("history")).hasSize(1);
        assertThat(history.get("history").get(0).get("channel").asText()).isEqualTo("ONSITE");
        assertThat(history.get("current").get("points").decimalValue()).isEqualByComparingTo(pointsB);
        assertThat(history.get("current").get("reason").asText()).isEqualTo(reason);
        JsonNode visits = ok(api.get("/api/v1/campaigns/" + id + "/onsite/visits?targetId=" + targetId));
        assertThat(visits).hasSize(1);
        assertThat(visits.get(0).get("teamMembers").toString()).isEqualTo("[\"王组长\",\"李组员\",\"赵专家\"]");
        assertThat(visits.get(0).get("notes").get(String.valueOf(taskA)).asText())
                .contains("运行正常");
        assertThat(visits.get(0).get("photos")).hasSize(1);
        assertThat(visits.get(0).get("photos").get(0).get("sha256").asText()).isEqualTo(EvidenceFixtures.sha256(png));
        assertThat(visits.get(0).get("photos").get(0).get("taskId").asLong()).isEqualTo(taskA);
        Files.deleteIfExists(photo);
    }

    private static ChromiumNetworkConditions offline(boolean offline) {
        ChromiumNetworkConditions c = new ChromiumNetworkConditions();
        c.setOffline(offline);
        return c;
    }
}
