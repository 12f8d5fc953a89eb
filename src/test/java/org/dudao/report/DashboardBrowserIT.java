package org.dudao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.dudao.report.DashboardFixtures.Campaign;
import org.dudao.report.DashboardFixtures.Rating;
import org.dudao.support.ApiClient;
import org.dudao.support.BrowserSession;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real Chromium: the office's dashboard of a published demo-like campaign (PDS-2020, 60 targets,
 * some rated below 优) draws every chart on a canvas, and what each chart plotted — its
 * {@code data-values} — is the campaign's real numbers from the REST results and breakdowns; at phone
 * width (390 px) the charts fit the viewport; the page prints on A4. Screenshots in
 * {@code target/screenshots/}.
 */
@DudaoIntegrationTest
class DashboardBrowserIT {

    static final ObjectMapper JSON = new ObjectMapper();
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
    void officeDashboardDrawsTheRealNumbers_fitsAPhone_andPrints() throws Exception {
        Campaign c = DashboardFixtures.campaign(port, demo, "驾驶舱页面测试", THIS_YEAR, null, Rating.PATTERN, true);
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        JsonNode results = ok(office.get(c.base() + "/results"));
        Map<String, Long> categoryIds = new LinkedHashMap<>();
        ok(office.get(c.base()))
                .get("categories")
                .forEach(
                        k -> categoryIds.put(k.get("name").asText(), k.get("id").asLong()));
        long county = categoryIds.get("县区政府");

        try (BrowserSession b = new BrowserSession(port)) {
            b.login(demo, "pds-office");
            b.open("/campaigns/" + c.id());
            b.click(By.id("dashboardLink"));
            b.waitFor(ExpectedConditions.attributeToBe(By.id("dashboard"), "data-rendered", "true"));
            assertThat(b.driver.findElement(By.id("dashboard")).getAttribute("data-failed"))
                    .isNull();

            // every chart with data is drawn on a canvas and says what it plotted
            List<WebElement> charts = b.driver.findElements(By.cssSelector("[data-chart]"));
            assertThat(charts).hasSizeGreaterThan(10);
            for (WebElement chart : charts) {
                String id = chart.getAttribute("data-chart");
                assertThat(chart.getAttribute("data-values")).as(id).isNotNull();
                if (!chart.getAttribute("class").contains("dash-chart-empty")) {
                    assertThat(chart.findElements(By.tagName("canvas"))).as(id).isNotEmpty();
                    assertThat(chart.getSize().getHeight()).as(id).isGreaterThan(150);
                }
            }

            // the county ranking: bars in rank order with each target's final score
            JsonNode ranking = values(b, "ranking-" + county);
            List<JsonNode> countyResults = new ArrayList<>();
            results.forEach(r -> {
                if (r.get("category").asText().equals("县区政府")) {
                    countyResults.add(r);
                }
            });
            countyResults.sort(
                    Comparator.comparingInt((JsonNode r) -> r.get("rank").asInt()));
            JsonNode bars = ranking.get("series").get(0).get("values");
            assertThat(bars).hasSize(11);
            List<BigDecimal> plotted = decimals(bars);
            assertThat(plotted)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactlyElementsOf(countyResults.stream()
                            .map(r -> r.get("finalScore").decimalValue())
                            .toList());
            for (int i = 0; i < countyResults.size(); i++) {
                assertThat(ranking.get("labels").get(i).asText())
                        .isEqualTo(countyResults.get(i).get("rank").asInt() + ". "
                                + countyResults.get(i).get("name").asText());
            }

            // averages, lowest and highest per category
            JsonNode scores = values(b, "categoryScores");
            List<BigDecimal> finals = countyResults.stream()
                    .map(r -> r.get("finalScore").decimalValue())
                    .toList();
            assertThat(scores.get("labels").get(0).asText()).isEqualTo("县区政府");
            assertThat(scores.get("series").get(0).get("values").get(0).decimalValue())
                    .isEqualByComparingTo(finals.stream()
                            .reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(finals.size()), 2, RoundingMode.HALF_UP));
            assertThat(scores.get("series").get(1).get("values").get(0).decimalValue())
                    .isEqualByComparingTo(
                            finals.stream().min(Comparator.naturalOrder()).orElseThrow());
            assertThat(scores.get("series").get(2).get("values").get(0).decimalValue())
                    .isEqualByComparingTo(
                            finals.stream().max(Comparator.naturalOrder()).orElseThrow());

            // the county heat map: each target's lost points per indicator from its breakdown
            JsonNode heat = values(b, "heatmap-" + county);
            assertThat(heat.get("rows")).hasSize(11);
            BigDecimal shownLost = BigDecimal.ZERO;
            for (JsonNode cell : heat.get("cells")) {
                shownLost = shownLost.add(cell.get(2).decimalValue());
            }
            BigDecimal lost = BigDecimal.ZERO;
            for (JsonNode r : countyResults) {
                for (JsonNode line : ok(office.get(
                                c.base() + "/results/" + r.get("targetId").asLong() + "/breakdown"))
                        .get("tasks")) {
                    if (!line.get("notApplicable").asBoolean()
                            && !line.get("maxPoints").isNull()) {
                        lost = lost.add(line.get("maxPoints")
                                .decimalValue()
                                .subtract(line.get("score").decimalValue()));
                    }
                }
            }
            assertThat(lost.signum()).isPositive();
            assertThat(shownLost).isEqualByComparingTo(lost);

            // the histogram holds every target once
            int counted = 0;
            for (JsonNode s : values(b, "scoreDistribution").get("series")) {
                for (JsonNode v : s.get("values")) {
                    counted += v.asInt();
                }
            }
            assertThat(counted).isEqualTo(results.size());
            assertThat(b.text("#dashboardTitle")).contains("驾驶舱").contains("考核办");
            b.screenshot("dashboard-office");
            element(b, "ranking-" + county, "dashboard-office-ranking");
            element(b, "heatmap-" + county, "dashboard-office-heatmap");

            // print on A4: the print stylesheet and the charts at the text width
            b.driver.executeScript("window.dispatchEvent(new Event('beforeprint'));");
            String pdf = (String) b.driver
                    .executeCdpCommand(
                            "Page.printToPDF",
                            Map.of("paperWidth", 8.27, "paperHeight", 11.69, "printBackground", true))
                    .get("data");
            Path printed = Path.of("target/screenshots/dashboard-office-print.pdf");
            Files.createDirectories(printed.getParent());
            Files.write(printed, Base64.getDecoder().decode(pdf));
            assertThat(Files.size(printed)).isGreaterThan(10_000);
            b.driver.executeScript("window.dispatchEvent(new Event('afterprint'));");

            // phone width: every chart fits the viewport, and is drawn again for it
            b.driver.manage().window().setSize(new Dimension(390, 844));
            String fits = "var w = document.documentElement.clientWidth;"
                    + " var bad = Array.from(document.querySelectorAll('[data-chart] canvas')).filter(function (c) {"
                    + " var r = c.getBoundingClientRect(); return !(r.width > 0 && r.left >= 0 && r.right <= w + 1); })"
                    + ".map(function (c) { var r = c.getBoundingClientRect();"
                    + " return c.closest('[data-chart]').getAttribute('data-chart') + ':' + r.left + '-' + r.right; });"
                    + " return w <= 400 && bad.length === 0 ? '' : 'viewport ' + w + ', outside: ' + bad.join(' ');";
            try {
                b.waitFor(d -> "".equals(b.driver.executeScript(fits)));
            } catch (org.openqa.selenium.TimeoutException e) {
                b.screenshot("dashboard-office-phone-failed");
                throw new AssertionError("charts do not fit a phone: " + b.driver.executeScript(fits), e);
            }
            for (WebElement chart : b.driver.findElements(By.cssSelector("[data-chart]"))) {
                Long right = (Long)
                        b.driver.executeScript("return Math.ceil(arguments[0].getBoundingClientRect().right);", chart);
                Long viewport = (Long) b.driver.executeScript("return document.documentElement.clientWidth;");
                assertThat(right).as(chart.getAttribute("data-chart")).isLessThanOrEqualTo(viewport);
            }
            assertThat((Long) b.driver.executeScript("return document.documentElement.scrollWidth;"))
                    .as("no sideways scrolling")
                    .isLessThanOrEqualTo((Long) b.driver.executeScript("return document.documentElement.clientWidth;"));
            b.screenshot("dashboard-office-phone");
            element(b, "ranking-" + county, "dashboard-office-phone-ranking");
            element(b, "heatmap-" + county, "dashboard-office-phone-heatmap");
            element(b, "submissionByCategory", "dashboard-office-phone-submissions");
        }

        // a county sees its own score against its category
        try (BrowserSession b = new BrowserSession(port)) {
            b.login(demo, "pds-xq-03");
            b.open("/campaigns/" + c.id() + "/dashboard");
            b.waitFor(ExpectedConditions.attributeToBe(By.id("dashboard"), "data-rendered", "true"));
            JsonNode own = values(b, "ownScore");
            BigDecimal mine = null;
            for (JsonNode r : results) {
                if (r.get("targetId").asLong() == c.target("郏县人民政府")) {
                    mine = r.get("finalScore").decimalValue();
                }
            }
            assertThat(own.get("series").get(0).get("values").get(0).decimalValue())
                    .isEqualByComparingTo(mine);
            assertThat(b.driver.findElements(By.cssSelector("[data-chart^='ranking-']")))
                    .isEmpty();
            b.screenshot("dashboard-target");
        }
    }

    private static JsonNode values(BrowserSession b, String chart) throws Exception {
        WebElement el = b.driver.findElement(By.cssSelector("[data-chart='" + chart + "']"));
        String v = el.getAttribute("data-values");
        assertThat(v).as(chart).isNotNull();
        return JSON.readTree(v);
    }

    private static List<BigDecimal> decimals(JsonNode array) {
        List<BigDecimal> out = new ArrayList<>();
        array.forEach(v -> out.add(v.decimalValue()));
        return out;
    }

    /**
     * A screenshot of one chart's card: scrolled to the top of the window and cut out of a window
     * screenshot (Chromium's element screenshots of a long page time out on a busy machine).
     */
    private static void element(BrowserSession b, String chart, String name) throws Exception {
        WebElement el = b.driver.findElement(By.cssSelector("[data-chart='" + chart + "']"));
        WebElement card = el.findElement(By.xpath("ancestor::div[contains(@class,'card')][1]"));
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) b.driver.executeScript(
                "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'}); var r = arguments[0].getBoundingClientRect();"
                        + " return [r.left, r.top, r.width, r.height, window.devicePixelRatio];",
                card);
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(b.driver.getScreenshotAs(OutputType.BYTES)));
        double ratio = r.get(4).doubleValue();
        int x = (int) Math.max(0, r.get(0).doubleValue() * ratio);
        int y = (int) Math.max(0, r.get(1).doubleValue() * ratio);
        int w = (int) Math.min(shot.getWidth() - x, Math.ceil(r.get(2).doubleValue() * ratio));
        int h = (int) Math.min(shot.getHeight() - y, Math.ceil(r.get(3).doubleValue() * ratio));
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        ImageIO.write(
                shot.getSubimage(x, y, w, h), "png", dir.resolve(name + ".png").toFile());
    }
}
