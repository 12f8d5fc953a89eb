package org.dudao.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.json;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.dudao.calendar.domain.CalendarCache;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.MutableClock;
import org.dudao.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The calendar through its REST contract and its page, on the shipped data (2019–2026): the example of the issue,
 * local overrides (answers change, a contradiction is refused with nothing saved, audited), a new year entered by
 * the office extending the range, and who may do what. Every change is undone after each test, since the
 * application context (and its calendar) is shared with the other integration tests.
 */
@DudaoIntegrationTest
class CalendarIT {

    static final String OFFICE = "pds-office";
    static final String TARGET = "pds-bm1-03";
    static final String ASSESSOR = "pdssszfbgsznzbxtk";

    /** A made-up 2027 schedule (the real one is not announced yet): test data only. */
    static final String YEAR_2027 = """
            {"year": 2027, "source": "测试数据：2027年节假日安排（非官方）",
             "holidays": [{"date": "2027-01-01", "name": "元旦"}, {"date": "2027-01-02", "name": "元旦"},
                          {"date": "2027-01-03", "name": "元旦"}, {"date": "2027-02-08", "name": "春节"}],
             "workdays": [{"date": "2027-02-06", "name": "春节"}]}
            """;

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CalendarApi calendar;

    @Autowired
    CalendarCache cache;

    @Autowired
    MutableClock clock;

    @AfterEach
    void undoChanges() {
        clock.reset();
        jdbc.sql("delete from calendar_override").update();
        jdbc.sql("delete from calendar_year where not builtin").update();
        jdbc.sql("update calendar_revision set revision = revision + 1").update();
        cache.invalidateAfterCommit();
    }

    @Test
    void theIssuesExample_andWhatADayIs() {
        ApiClient target = ApiClient.as(port, demo, TARGET);
        // 10-01..10-07 off; 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat adjusted (3), 10-12 Mon (4), 10-13 Tue (5)
        JsonNode answer = ok(target.get("/api/v1/calendar/working-days?from=2026-09-30&add=5"));
        assertThat(answer.get("date").asText()).isEqualTo("2026-10-13");
        assertThat(answer.size()).isEqualTo(1);
        assertThat(ok(ApiClient.as(port, demo, ASSESSOR).get("/api/v1/calendar/working-days?from=2026-09-30&add=3"))
                        .get("date")
                        .asText())
                .isEqualTo("2026-10-10");

        JsonNode adjusted = ok(target.get("/api/v1/calendar/days/2026-10-10"));
        assertThat(adjusted.get("date").asText()).isEqualTo("2026-10-10");
        assertThat(adjusted.get("workingDay").asBoolean()).isTrue();
        assertThat(adjusted.get("kind").asText()).isEqualTo("ADJUSTED_WORKDAY");
        assertThat(adjusted.get("name").asText()).isEqualTo("国庆节");
        JsonNode holiday = ok(target.get("/api/v1/calendar/days/2025-10-08"));
        assertThat(holiday.get("workingDay").asBoolean()).isFalse();
        assertThat(holiday.get("kind").asText()).isEqualTo("HOLIDAY");
        assertThat(holiday.get("name").asText()).isEqualTo("国庆节、中秋节");
        assertThat(ok(target.get("/api/v1/calendar/days/2026-03-07"))
                        .get("kind")
                        .asText())
                .isEqualTo("REST_DAY");

        JsonNode year = ok(target.get("/api/v1/calendar/years/2026"));
        assertThat(year.get("builtin").asBoolean()).isTrue();
        assertThat(year.get("source").asText()).contains("2026年部分节假日安排");
        assertThat(year.get("days").findValuesAsText("date")).contains("2026-02-14", "2026-09-20", "2026-10-10");
        assertThat(year.get("days").size()).isEqualTo(39);

        JsonNode summary = ok(target.get("/api/v1/calendar"));
        assertThat(summary.get("firstYear").asInt()).isEqualTo(2019);
        assertThat(summary.get("lastYear").asInt()).isEqualTo(2026);

        // the facade agrees, and the window ends at 24:00 Beijing time of 10-13
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-09-30"), 5)).isEqualTo("2026-10-13");
        assertThat(calendar.windowEnd(LocalDate.parse("2026-09-30"), 5))
                .isEqualTo(LocalDate.parse("2026-10-14")
                        .atStartOfDay(ZoneId.of("Asia/Shanghai"))
                        .toInstant())
                .isEqualTo(Instant.parse("2026-10-13T16:00:00Z"));
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-13")))
                .isEqualTo(5);
        assertThat(calendar.firstYear()).isEqualTo(2019);
        assertThat(calendar.lastYear()).isEqualTo(2026);
    }

    @Test
    void outsideTheRange_andBadCounts_are400WithAChineseMessage() {
        ApiClient target = ApiClient.as(port, demo, TARGET);
        HttpResponse<String> out = target.get("/api/v1/calendar/days/2027-01-04");
        assertThat(out.statusCode()).isEqualTo(400);
        assertThat(json(out).get("detail").asText())
                .isEqualTo("日历数据只覆盖 2019–2026 年，2027-01-04 不在范围内，请先维护 2027 年节假日安排。");
        HttpResponse<String> past = target.get("/api/v1/calendar/working-days?from=2026-12-28&add=5");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(json(past).get("detail").asText()).contains("2019–2026", "2027-01-01 不在范围内");
        assertThat(target.get("/api/v1/calendar/working-days?from=2018-06-01&add=1")
                        .statusCode())
                .isEqualTo(400);
        assertThat(target.get("/api/v1/calendar/years/2030").statusCode()).isEqualTo(400);

        for (String add : new String[] {"0", "-1", "3651", "abc", ""}) {
            HttpResponse<String> bad = target.get("/api/v1/calendar/working-days?from=2026-09-30&add=" + add);
            assertThat(bad.statusCode()).as("add=" + add).isEqualTo(400);
        }
        assertThat(json(target.get("/api/v1/calendar/working-days?from=2026-09-30&add=0"))
                        .get("detail")
                        .asText())
                .contains("1 到 3650");
        assertThat(target.get("/api/v1/calendar/working-days?from=2026-09-30&add=3650")
                        .statusCode())
                .as("within the limit, but past the data")
                .isEqualTo(400);
        assertThat(target.get("/api/v1/calendar/working-days?from=2026-13-01&add=1")
                        .statusCode())
                .isEqualTo(400);
        assertThat(target.get("/api/v1/calendar/working-days?add=1").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aLocalDayOff_changesTheAnswers_aContradictionIsRefusedWithNothingSaved_andBothAreAudited() {
        ApiClient office = ApiClient.as(port, demo, OFFICE);
        ApiClient target = ApiClient.as(port, demo, TARGET);
        long auditBefore = auditCount("calendar.override.create", "SUCCESS");

        JsonNode created = ok(office.post(
                "/api/v1/calendar/overrides",
                "{\"date\":\"2026-10-12\",\"kind\":\"HOLIDAY\",\"reason\":\"市政府办公室通知：本地放假一天\"}"));
        long id = created.get("id").asLong();
        assertThat(created.get("kind").asText()).isEqualTo("HOLIDAY");
        assertThat(created.get("createdBy").asText()).isEqualTo(OFFICE);

        // 10-08 (1), 10-09 (2), 10-10 (3), 10-12 now off, 10-13 (4), 10-14 (5)
        assertThat(ok(target.get("/api/v1/calendar/working-days?from=2026-09-30&add=5"))
                        .get("date")
                        .asText())
                .isEqualTo("2026-10-14");
        JsonNode day = ok(target.get("/api/v1/calendar/days/2026-10-12"));
        assertThat(day.get("kind").asText()).isEqualTo("LOCAL_HOLIDAY");
        assertThat(day.get("workingDay").asBoolean()).isFalse();
        assertThat(day.get("reason").asText()).isEqualTo("市政府办公室通知：本地放假一天");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-12"))).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-09-30"), 5)).isEqualTo("2026-10-14");
        assertThat(auditCount("calendar.override.create", "SUCCESS")).isEqualTo(auditBefore + 1);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'calendar.override.create'"
                                + " and object_id = ? and actor_username = ?")
                        .params(String.valueOf(id), OFFICE)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the same date as a working day too: refused, nothing saved, the attempt audited
        long failuresBefore = auditCount("calendar.override.create", "FAILURE");
        HttpResponse<String> contradiction = office.post(
                "/api/v1/calendar/overrides", "{\"date\":\"2026-10-12\",\"kind\":\"WORKDAY\",\"reason\":\"补班\"}");
        assertThat(contradiction.statusCode()).isEqualTo(400);
        assertThat(json(contradiction).get("detail").asText()).contains("2026-10-12", "已有本地放假调整", "同一天不能既放假又上班");
        assertThat(jdbc.sql("select kind from calendar_override where day = date '2026-10-12'")
                        .query(String.class)
                        .list())
                .containsExactly("HOLIDAY");
        assertThat(auditCount("calendar.override.create", "FAILURE")).isEqualTo(failuresBefore + 1);
        assertThat(auditCount("calendar.override.create", "SUCCESS")).isEqualTo(auditBefore + 1);

        // the same override again: 409; an override that changes nothing or lies outside the data: 400
        assertThat(office.post(
                                "/api/v1/calendar/overrides",
                                "{\"date\":\"2026-10-12\",\"kind\":\"HOLIDAY\",\"reason\":\"again\"}")
                        .statusCode())
                .isEqualTo(409);
        HttpResponse<String> redundant = office.post(
                "/api/v1/calendar/overrides", "{\"date\":\"2026-10-03\",\"kind\":\"HOLIDAY\",\"reason\":\"x\"}");
        assertThat(redundant.statusCode()).isEqualTo(400);
        assertThat(json(redundant).get("detail").asText()).contains("本来就是休息日", "国庆节");
        HttpResponse<String> outside = office.post(
                "/api/v1/calendar/overrides", "{\"date\":\"2027-01-04\",\"kind\":\"HOLIDAY\",\"reason\":\"x\"}");
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(json(outside).get("detail").asText()).contains("不在范围内");
        assertThat(office.post(
                                "/api/v1/calendar/overrides",
                                "{\"date\":\"2026-10-13\",\"kind\":\"HOLIDAY\",\"reason\":\" \"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(office.post(
                                "/api/v1/calendar/overrides",
                                "{\"date\":\"2026-10-13\",\"kind\":\"SOMETIMES\",\"reason\":\"x\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from calendar_override")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // removing it restores the official answer
        assertThat(office.send(office.request("/api/v1/calendar/overrides/" + id)
                                .DELETE())
                        .statusCode())
                .isEqualTo(204);
        assertThat(ok(target.get("/api/v1/calendar/working-days?from=2026-09-30&add=5"))
                        .get("date")
                        .asText())
                .isEqualTo("2026-10-13");
        assertThat(auditCount("calendar.override.delete", "SUCCESS")).isGreaterThanOrEqualTo(1);
        assertThat(office.send(office.request("/api/v1/calendar/overrides/" + id)
                                .DELETE())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theOfficeAdds2027_andTheRangeExtends() {
        ApiClient office = ApiClient.as(port, demo, OFFICE);
        ApiClient target = ApiClient.as(port, demo, TARGET);
        assertThat(calendar.missingNextYearWarning(LocalDate.parse("2026-12-01")))
                .hasValueSatisfying(w -> assertThat(w).contains("2027 年的节假日安排尚未录入"));
        assertThat(calendar.missingNextYearWarning(LocalDate.parse("2026-11-30")))
                .isEmpty();

        // lists that overlap: refused, nothing saved
        HttpResponse<String> overlap = office.post(
                "/api/v1/calendar/years",
                YEAR_2027.replace("\"workdays\": [", "\"workdays\": [{\"date\": \"2027-01-02\", \"name\": \"元旦\"}, "));
        assertThat(overlap.statusCode()).isEqualTo(400);
        assertThat(json(overlap).get("detail").asText()).contains("2027-01-02", "同时出现在放假和调休上班两个名单中");
        // an adjusted working day on a Monday to Friday, a year that is not the next one
        assertThat(office.post("/api/v1/calendar/years", YEAR_2027.replace("2027-02-06", "2027-02-05"))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> notNext = office.post("/api/v1/calendar/years", YEAR_2027.replace("2027", "2028"));
        assertThat(notNext.statusCode()).isEqualTo(400);
        assertThat(json(notNext).get("detail").asText()).contains("只能录入 2027 年");
        assertThat(jdbc.sql("select count(*) from calendar_year where year >= 2027")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from calendar_day where year >= 2027")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(target.get("/api/v1/calendar/days/2027-01-04").statusCode()).isEqualTo(400);

        JsonNode added = ok(office.post("/api/v1/calendar/years", YEAR_2027));
        assertThat(added.get("year").asInt()).isEqualTo(2027);
        assertThat(added.get("builtin").asBoolean()).isFalse();
        assertThat(added.get("days").size()).isEqualTo(5);
        assertThat(auditCount("calendar.year.create", "SUCCESS")).isGreaterThanOrEqualTo(1);

        assertThat(ok(target.get("/api/v1/calendar")).get("lastYear").asInt()).isEqualTo(2027);
        assertThat(calendar.lastYear()).isEqualTo(2027);
        JsonNode monday = ok(target.get("/api/v1/calendar/days/2027-01-04"));
        assertThat(monday.get("workingDay").asBoolean()).isTrue();
        assertThat(monday.get("kind").asText()).isEqualTo("WEEKDAY");
        assertThat(ok(target.get("/api/v1/calendar/days/2027-02-06"))
                        .get("kind")
                        .asText())
                .isEqualTo("ADJUSTED_WORKDAY");
        // from Mon 2026-12-28: 12-29 (1), 12-30 (2), 12-31 (3), 2027-01-01..03 off, 01-04 (4), 01-05 (5)
        assertThat(ok(target.get("/api/v1/calendar/working-days?from=2026-12-28&add=5"))
                        .get("date")
                        .asText())
                .isEqualTo("2027-01-05");
        assertThat(calendar.missingNextYearWarning(LocalDate.parse("2026-12-01")))
                .isEmpty();
        assertThat(calendar.missingNextYearWarning(LocalDate.parse("2027-12-01")))
                .hasValueSatisfying(w -> assertThat(w).contains("2028"));

        // entered twice: 409; the shipped 2026 cannot be deleted; 2027 can, and the range shrinks back
        assertThat(office.post("/api/v1/calendar/years", YEAR_2027).statusCode())
                .isEqualTo(409);
        assertThat(office.send(office.request("/api/v1/calendar/years/2026").DELETE())
                        .statusCode())
                .isEqualTo(409);
        assertThat(office.send(office.request("/api/v1/calendar/years/2027").DELETE())
                        .statusCode())
                .isEqualTo(204);
        assertThat(calendar.lastYear()).isEqualTo(2026);
        assertThat(target.get("/api/v1/calendar/days/2027-01-04").statusCode()).isEqualTo(400);
        assertThat(auditCount("calendar.year.delete", "SUCCESS")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlyTheOfficeChangesTheCalendar_andOnlyBusinessRolesReadIt() {
        ApiClient target = ApiClient.as(port, demo, TARGET);
        ApiClient assessor = ApiClient.as(port, demo, ASSESSOR);
        assertThat(target.post(
                                "/api/v1/calendar/overrides",
                                "{\"date\":\"2026-10-12\",\"kind\":\"HOLIDAY\",\"reason\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(assessor.post("/api/v1/calendar/years", YEAR_2027).statusCode())
                .isEqualTo(403);
        assertThat(target.send(target.request("/api/v1/calendar/years/2026").DELETE())
                        .statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from calendar_override")
                        .query(Long.class)
                        .single())
                .isZero();
        // the system administrator (三员) holds no business permission
        assertThat(ApiClient.as(port, demo, "sysadmin")
                        .get("/api/v1/calendar/working-days?from=2026-09-30&add=5")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new WebClient(port)
                        .get("/api/v1/calendar/working-days?from=2026-09-30&add=5")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void thePage_showsTheMonths_theOfficeForms_andTheDecemberWarning() {
        WebClient office = new WebClient(port);
        office.login(OFFICE, demo.password(OFFICE));
        HttpResponse<String> page = office.get("/calendar?year=2026");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("工作日历", "id=\"monthGrid\"", "id=\"overrideForm\"", "id=\"yearForm\"", "录入 2027 年节假日安排")
                .contains("data-date=\"2026-10-10\" data-type=\"ADJUSTED_WORKDAY\"")
                .contains("data-date=\"2026-10-01\" data-type=\"HOLIDAY\"")
                .contains("data-date=\"2026-10-12\" data-type=\"WEEKDAY\"")
                .contains("href=\"/calendar\"");

        // a plain form post (no htmx) adds an override; the page shows it and the grid marks it
        HttpResponse<String> post =
                office.post("/calendar/overrides", Map.of("date", "2026-06-01", "kind", "HOLIDAY", "reason", "本地测试放假"));
        assertThat(post.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(post)).endsWith("/calendar?year=2026");
        HttpResponse<String> after = office.get("/calendar?year=2026");
        assertThat(after.body())
                .contains("本地调整已保存", "本地测试放假", "data-date=\"2026-06-01\" data-type=\"LOCAL_HOLIDAY\"")
                .contains("hx-confirm=\"确定删除 2026-06-01 的本地调整");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-06-01"))).isFalse();

        // a target reads the calendar but sees no form
        WebClient target = new WebClient(port);
        target.login(TARGET, demo.password(TARGET));
        HttpResponse<String> targetPage = target.get("/calendar");
        assertThat(targetPage.statusCode()).isEqualTo(200);
        assertThat(targetPage.body()).contains("monthGrid").doesNotContain("overrideForm", "yearForm");
        assertThat(target.post("/calendar/overrides", Map.of("date", "2026-06-02", "kind", "HOLIDAY", "reason", "x"))
                        .statusCode())
                .isEqualTo(403);

        // in December, with 2027 missing, the page warns (log in again: the session idles out in the jump)
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate december = LocalDate.of(calendar.lastYear(), 12, 5);
        clock.advance(Duration.ofDays(december.toEpochDay() - today.toEpochDay()));
        WebClient later = new WebClient(port);
        later.login(OFFICE, demo.password(OFFICE));
        HttpResponse<String> warned = later.get("/calendar");
        assertThat(warned.statusCode()).isEqualTo(200);
        assertThat(warned.body()).contains("id=\"calendarWarning\"", "2027 年的节假日安排尚未录入");
        // in June of the same year there is no warning (a fixed day, whatever the real date)
        clock.reset();
        LocalDate june = LocalDate.of(calendar.lastYear(), 6, 1);
        clock.advance(Duration.ofDays(june.toEpochDay() - today.toEpochDay()));
        WebClient summer = new WebClient(port);
        summer.login(OFFICE, demo.password(OFFICE));
        assertThat(summer.get("/calendar").body()).doesNotContain("id=\"calendarWarning\"");
        clock.reset();
    }

    long auditCount(String action, String outcome) {
        return jdbc.sql("select count(*) from audit_record where action = ? and outcome = ?")
                .params(action, outcome)
                .query(Long.class)
                .single();
    }
}
