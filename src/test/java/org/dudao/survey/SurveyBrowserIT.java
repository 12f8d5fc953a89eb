package org.dudao.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.dudao.support.ApiClient;
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

/**
 * An anonymous respondent (no account, no login) opens a public link of the demo satisfaction
 * questionnaire in Chromium, answers it and submits; the page shows nothing but the questionnaire, a second
 * visit says it was answered, and no other page of Dudao is reachable from that browser. The office then
 * sees the answer in its results page, the free text escaped and the charts drawn.
 */
@DudaoIntegrationTest
class SurveyBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @BeforeAll
    static void requireBrowser() {
        BrowserSession.requireBrowser();
    }

    @Test
    void anonymousRespondentAnswersThePublicLinkAndReachesNothingElse() throws Exception {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        long campaignId = -1;
        JsonNode questionnaire = null;
        for (JsonNode c : ok(office.get("/api/v1/campaigns"))) {
            for (JsonNode q : ok(office.get("/api/v1/campaigns/" + c.get("id").asLong() + "/surveys"))) {
                if (q.get("title").asText().startsWith("【演示数据】")) {
                    campaignId = c.get("id").asLong();
                    questionnaire = q;
                }
            }
        }
        assertThat(questionnaire).as("the demo questionnaire").isNotNull();
        long qid = questionnaire.get("id").asLong();
        JsonNode link = null;
        for (JsonNode l : ok(office.get("/api/v1/surveys/" + qid + "/links"))) {
            if (l.get("targetName").asText().equals("高新区管委会")) {
                link = l;
            }
        }
        assertThat(link.get("responses").asLong()).isZero();
        String path =
                link.get("url").asText().substring(link.get("url").asText().indexOf("/s/"));

        try (BrowserSession b = new BrowserSession(port)) {
            b.open(path);
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("publicForm")));
            assertThat(b.text("#publicTitle"))
                    .isEqualTo(questionnaire.get("title").asText());
            assertThat(b.text("#publicTarget")).contains("高新区管委会");
            // nothing of the application: no menu, no link anywhere on the page
            assertThat(b.driver.findElements(By.cssSelector("nav, .navbar, #userMenu")))
                    .isEmpty();
            assertThat(b.driver.findElements(By.tagName("a"))).isEmpty();
            // the honeypot is not visible to a person
            assertThat(b.driver.findElement(By.id("website")).isDisplayed()).isFalse();

            // submitting with a required question unanswered: the message, the answers kept
            JsonNode questions = questionnaire.get("questions");
            long identity = questions.get(0).get("id").asLong();
            b.click(By.id("q" + identity + "-"
                    + questions.get(0).get("options").get(1).get("id").asLong()));
            b.click(By.id("publicSubmit"));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("publicError")));
            assertThat(b.text("#publicError")).contains("请回答第 2 题");
            assertThat(b.driver
                            .findElement(By.id("q" + identity + "-"
                                    + questions
                                            .get(0)
                                            .get("options")
                                            .get(1)
                                            .get("id")
                                            .asLong()))
                            .isSelected())
                    .isTrue();

            for (JsonNode q : questions) {
                String kind = q.get("kind").asText();
                if (kind.equals("RATING")) {
                    b.click(By.id("q" + q.get("id").asLong() + "-"
                            + q.get("options").get(0).get("id").asLong()));
                } else if (kind.equals("MULTIPLE")) {
                    b.click(By.id("q" + q.get("id").asLong() + "-"
                            + q.get("options").get(1).get("id").asLong()));
                } else if (kind.equals("TEXT")) {
                    WebElement text =
                            b.driver.findElement(By.id("q" + q.get("id").asLong()));
                    text.sendKeys("<b>浏览器测试</b>：办事很方便");
                }
            }
            b.click(By.id("publicSubmit"));
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("publicMessage")));
            assertThat(b.text("#publicMessage")).contains("提交成功");

            // a second visit from the same browser: answered already, no form
            b.open(path);
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("publicAnswered")));
            assertThat(b.driver.findElements(By.id("publicForm"))).isEmpty();

            // nothing else is reachable without an account
            for (String other : List.of(
                    "/",
                    "/campaigns",
                    "/campaigns/" + campaignId + "/surveys",
                    "/surveys/" + qid,
                    "/surveys/" + qid + "/results",
                    "/surveys/" + qid + "/export.xlsx",
                    "/audit")) {
                b.open(other);
                b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("username")));
                assertThat(b.driver.getCurrentUrl()).as(other).endsWith("/login");
            }
            b.open("/api/v1/surveys/" + qid);
            assertThat(b.driver.getPageSource())
                    .doesNotContain(questionnaire.get("title").asText());
        }

        assertThat(ok(office.get("/api/v1/surveys/" + qid + "/links")).findValues("responses").stream()
                        .mapToLong(JsonNode::asLong)
                        .sum())
                .isGreaterThan(0);
        try (BrowserSession b = new BrowserSession(port)) {
            b.login(demo, "pds-office");
            b.open("/surveys/" + qid + "/results");
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#satisfactionChart[data-drawn]")));
            b.open("/surveys/" + qid + "/results?target=" + link.get("targetId").asLong());
            b.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("chosenTarget")));
            assertThat(b.text("#chosenTarget")).isEqualTo("高新区管委会");
            assertThat(b.text(".text-answers")).contains("<b>浏览器测试</b>：办事很方便");
            assertThat(b.driver.findElements(By.cssSelector(".text-answers b"))).isEmpty();
            b.screenshot("survey-results");
        }
    }
}
