package org.dudao.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.dudao.support.ApiClient;
import org.dudao.support.BrowserSession;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An inspector scores a sheet on a phone (390 × 844): a deduction with its clause and reason, a refused one, on-the-spot feedback. */
@DudaoIntegrationTest
class InspectionBrowserIT {

    static final ObjectMapper JSON = new ObjectMapper();

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

    long unit(String name) {
        return jdbc.sql("select id from organization_unit where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    @Test
    void inspectorScoresASheetAtPhoneWidth() throws Exception {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        long id = ok(office.post(
                        "/api/v1/campaigns",
                        JSON.writeValueAsString(
                                Map.of("template", "PY-2020", "name", year + "年督察（浏览器）", "year", year))))
                .get("id")
                .asLong();
        String base = "/api/v1/campaigns/" + id + "/inspection";
        long target = ok(office.post(base + "/targets", JSON.writeValueAsString(Map.of("unitId", unit("郏县人民政府")))))
                .get("id")
                .asLong();
        long team = ok(office.post(
                        base + "/teams",
                        JSON.writeValueAsString(Map.of(
                                "name",
                                "第二督察组",
                                "members",
                                List.of(
                                        Map.of("role", "LEADER", "name", "赵组长", "username", "pds-inspector"),
                                        Map.of("role", "EXPERT", "name", "钱律师", "organisation", "河南某律师事务所"))))))
                .get("id")
                .asLong();
        ok(office.post(
                base + "/visits",
                JSON.writeValueAsString(Map.of("targetId", target, "teamId", team, "visitOn", year + "-08-13"))));
        long firstItem = ok(office.get(base + "/sheets"))
                .get(0)
                .get("items")
                .get(0)
                .get("taskId")
                .asLong();

        try (BrowserSession b = new BrowserSession(port)) {
            b.driver.manage().window().setSize(new Dimension(390, 844));
            b.login(demo, "pds-inspector");
            b.open("/campaigns/" + id + "/inspection");
            b.click(By.cssSelector("#myVisits a.btn"));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("scorePage")));
            assertThat(b.text("#scorePage h1")).contains("郏县人民政府");
            // one column: nothing wider than the phone
            assertThat((Long) b.driver.executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .isLessThanOrEqualTo(0L);

            String item = "#item-" + firstItem;
            b.click(By.cssSelector(item + " summary"));
            assertThat(b.text(item + " .item-score")).isEqualTo("6/6");
            new Select(b.driver.findElement(By.cssSelector(item + " select[name=clauseNo]"))).selectByValue("1");
            b.driver.findElement(By.cssSelector(item + " input[name=points]")).sendKeys("1");
            b.driver
                    .findElement(By.cssSelector(item + " textarea[name=reason]"))
                    .sendKeys("上半年仅听取一次法治建设工作汇报");
            b.click(By.cssSelector(item + " .deduct-form button"));
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(item + " .item-score"), "5/6"));
            assertThat(b.driver
                            .findElement(By.cssSelector(".sheet[data-sheet='党委主要负责人'] .sheet-score"))
                            .getAttribute("textContent"))
                    .isEqualTo("99");
            assertThat(b.driver
                            .findElement(By.cssSelector(item + " .deductions"))
                            .getAttribute("textContent"))
                    .contains("上半年仅听取一次法治建设工作汇报");

            // back on the item just scored, still open; clause 2 is worth 2 points: 3 is refused, nothing saved
            assertThat(b.driver.findElement(By.cssSelector(item)).getAttribute("open"))
                    .isNotNull();
            new Select(b.driver.findElement(By.cssSelector(item + " select[name=clauseNo]"))).selectByValue("2");
            b.driver.findElement(By.cssSelector(item + " input[name=points]")).sendKeys("3");
            b.driver
                    .findElement(By.cssSelector(item + " textarea[name=reason]"))
                    .sendKeys("记录不完整");
            b.click(By.cssSelector(item + " .deduct-form button"));
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "不能超过本条分值"));
            assertThat(ok(office.get(base + "/targets/" + target + "/sheets"))
                            .get(0)
                            .get("score")
                            .decimalValue())
                    .isEqualByComparingTo("99");

            // on-the-spot feedback
            WebElement note = b.driver.findElement(By.cssSelector("#noteForm textarea"));
            b.driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", note);
            note.sendKeys("现场反馈：理论中心组学法记录不全，请补齐。");
            b.click(By.cssSelector("#noteForm button"));
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("scorePage"), "理论中心组学法记录不全"));
            b.screenshot("inspection-score-phone");
        }
    }
}
