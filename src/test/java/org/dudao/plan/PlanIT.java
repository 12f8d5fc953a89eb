package org.dudao.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.json;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.evidence.EvidenceFixtures;
import org.dudao.notification.domain.Reminders;
import org.dudao.shared.time.ClockConfiguration;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.MutableClock;
import org.dudao.support.MutableDatabaseTime;
import org.dudao.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plan tracking end to end through the REST API: the 2022–2025 plan from its template, units assigned
 * by the office (one by one, several at once, from xlsx), yearly reports with a file, the lead unit
 * reading its co-unit's report, status changes, overdue by the clock, the overdue reminder sent once,
 * the overview's counts, the ledger xlsx, and the refusals that change nothing.
 */
@DudaoIntegrationTest
class PlanIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableDatabaseTime databaseTime;

    @Autowired
    MutableClock clock;

    @Autowired
    Reminders reminders;

    @AfterEach
    void resetClocks() {
        databaseTime.reset();
        clock.reset();
    }

    static Instant beijing(String at) {
        return LocalDateTime.parse(at).atZone(ClockConfiguration.ZONE).toInstant();
    }

    void clockTo(String at) {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), beijing(at)));
        databaseTime.setTo(beijing(at));
    }

    long unit(String name) {
        return jdbc.sql("select id from organization_unit where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    long assignments(long taskId) {
        return jdbc.sql("select count(*) from plan_assignment where task_id = ?")
                .param(taskId)
                .query(Long.class)
                .single();
    }

    @Test
    void planFromTemplateAssignReportStatusOverdueReminderOverviewAndLedger() throws Exception {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        ApiClient justice = ApiClient.as(port, demo, "pds-bm2-09"); // 市司法局
        ApiClient reform = ApiClient.as(port, demo, "pds-bm2-02"); // 市发改委
        ApiClient police = ApiClient.as(port, demo, "pds-bm2-07"); // 市公安局, never assigned
        long justiceUnit = unit("市司法局");
        long reformUnit = unit("市发改委");

        // -- the template: 82 tasks under their headings, due 2025-12-31, no unit named by the source
        long plan = ok(office.post(
                        "/api/v1/campaigns", "{\"template\":\"PDS-2022-PLAN\",\"year\":2022,\"name\":\"方案跟踪测试\"}"))
                .get("id")
                .asLong();
        String base = "/api/v1/plans/" + plan;
        JsonNode tasks = ok(office.get(base + "/tasks"));
        assertThat(tasks).hasSize(82);
        Map<String, Long> byLabel = new HashMap<>();
        tasks.forEach(t -> byLabel.put(t.get("label").asText(), t.get("id").asLong()));
        assertThat(tasks.get(0).get("label").asText() + tasks.get(0).get("name").asText())
                .isEqualTo("1.优化政府职能");
        assertThat(tasks.get(0).get("heading").asText()).isEqualTo("二、健全政府机构职能体系，推动更好发挥政府作用");
        assertThat(tasks.get(81).get("label").asText()).isEqualTo("82.");
        tasks.forEach(t -> {
            assertThat(t.get("due").asText()).isEqualTo("2025-12-31");
            assertThat(t.get("sourceNamedUnits").asBoolean()).isFalse();
            assertThat(t.get("leads")).isEmpty();
        });
        long t1 = byLabel.get("1.");
        long t2 = byLabel.get("2.");
        long t3 = byLabel.get("3.");

        // -- a unit not assigned to any task does not see the plan at all
        assertThat(police.get(base + "/tasks").statusCode()).isEqualTo(404);

        // -- bad assignments change nothing: unknown unit, a unit both lead and co-unit, co-units without lead
        HttpResponse<String> unknown = office.post(
                base + "/assignments", "{\"taskIds\":[" + t1 + "],\"leadUnitIds\":[" + justiceUnit + ",999999]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("detail").asText()).contains("999999");
        HttpResponse<String> both = office.post(
                base + "/assignments",
                "{\"taskIds\":[" + t1 + "],\"leadUnitIds\":[" + justiceUnit + "],\"coUnitIds\":[" + justiceUnit + "]}");
        assertThat(json(both).get("detail").asText()).contains("市司法局").contains("不能同时");
        assertThat(assignments(t1)).isZero();
        // a unit cannot assign
        assertThat(justice.post(
                                base + "/assignments",
                                "{\"taskIds\":[" + t1 + "],\"leadUnitIds\":[" + justiceUnit + "]}")
                        .statusCode())
                .isEqualTo(403);

        // -- bulk: tasks 1 and 2 led by 市司法局 with 市发改委; task 3 led by 市发改委
        JsonNode assigned = ok(office.post(
                base + "/assignments",
                "{\"taskIds\":[" + t1 + "," + t2 + "],\"leadUnitIds\":[" + justiceUnit + "],\"coUnitIds\":["
                        + reformUnit + "]}"));
        assertThat(assigned).hasSize(2);
        assertThat(assigned.get(0).get("leads").get(0).get("name").asText()).isEqualTo("市司法局");
        assertThat(assigned.get(0).get("cos").get(0).get("name").asText()).isEqualTo("市发改委");
        ok(office.post(base + "/assignments", "{\"taskIds\":[" + t3 + "],\"leadUnitIds\":[" + reformUnit + "]}"));
        assertThat(count(
                        "select count(*) from audit_record where action = 'plan.task.assign' and object_id = ?",
                        "" + t1))
                .isEqualTo(1);

        // -- a unit sees its own tasks only; another task is 404
        assertThat(ok(justice.get(base + "/tasks")))
                .extracting(t -> t.get("id").asLong())
                .containsExactly(t1, t2);
        assertThat(ok(reform.get(base + "/tasks")))
                .extracting(t -> t.get("id").asLong())
                .containsExactly(t1, t2, t3);
        assertThat(justice.get(base + "/tasks/" + t3).statusCode()).isEqualTo(404);

        // -- yearly progress reports, in the first quarter of 2023
        clockTo("2023-02-10T10:00");
        byte[] pdf = EvidenceFixtures.pdf("实施方案进展附件");
        String script = "<script>alert('x')</script>完成权责清单动态调整";
        HttpResponse<String> r1 =
                report(reform, base + "/tasks/" + t1 + "/reports", "2022", script, "调整事项 12 项", "清单.pdf", pdf);
        JsonNode coReport = ok(r1);
        assertThat(coReport.get("role").asText()).isEqualTo("CO");
        assertThat(coReport.get("workDone").asText()).isEqualTo(script);
        assertThat(coReport.get("files").get(0).get("sha256").asText()).isEqualTo(sha256(pdf));
        ok(report(justice, base + "/tasks/" + t1 + "/reports", "2022", "牵头制定工作方案。", null, null, null));
        // not assigned: 404 for a unit outside the plan, 404 for a task not its own, 403 for the office
        assertThat(report(police, base + "/tasks/" + t1 + "/reports", "2022", "代报", null, null, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(report(justice, base + "/tasks/" + t3 + "/reports", "2022", "代报", null, null, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(report(office, base + "/tasks/" + t1 + "/reports", "2022", "代报", null, null, null)
                        .statusCode())
                .isEqualTo(403);
        // a year that has not begun (2023 itself may already be reported on); blank work
        assertThat(report(reform, base + "/tasks/" + t1 + "/reports", "2024", "提前报", null, null, null)
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> blank =
                report(reform, base + "/tasks/" + t2 + "/reports", "2022", "  ", null, "x.pdf", pdf);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(json(blank).get("detail").asText()).isEqualTo("请填写工作进展。");
        assertThat(count("select count(*) from plan_report where task_id = ?", t2))
                .isZero();

        // -- the lead unit reads its co-unit's report and file; the co-unit reads its own only
        JsonNode leadSees = ok(justice.get(base + "/tasks/" + t1 + "/reports"));
        assertThat(leadSees).extracting(r -> r.get("unitName").asText()).containsExactlyInAnyOrder("市司法局", "市发改委");
        long fileId = coReport.get("files").get(0).get("id").asLong();
        HttpResponse<byte[]> file = justice.getBytes(base + "/files/" + fileId);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);
        assertThat(ok(reform.get(base + "/tasks/" + t1 + "/reports")))
                .extracting(r -> r.get("unitName").asText())
                .containsExactly("市发改委");
        assertThat(police.getBytes(base + "/files/" + fileId).statusCode()).isEqualTo(404);
        // the text with a script is stored as typed and shown escaped on the lead unit's task page
        WebClient justicePages = new WebClient(port);
        justicePages.login("pds-bm2-09", demo.password("pds-bm2-09"));
        String page = justicePages.get("/plans/" + plan + "/tasks/" + t1).body();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;完成权责清单动态调整");
        assertThat(page).doesNotContain("<script>alert");
        // the lead unit got a notice of the co-unit's report
        assertThat(count(
                        "select count(*) from notification n join identity_account a on a.id = n.account_id"
                                + " where a.username = 'pds-bm2-09' and n.title like '配合单位市发改委报送了2022年度进展%'",
                        null))
                .isEqualTo(1);

        // -- three working days before the year's deadline, units with tasks not yet reported are reminded, once
        clockTo("2023-03-28T09:00");
        reminders.sendDue();
        reminders.sendDue();
        String reformKey = "plan-report:" + plan + ":2022:" + reformUnit;
        assertThat(count("select count(*) from notification_reminder where object_key = ? and stage = 'D3'", reformKey))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from notification n join notification_reminder r on r.id = n.reminder_id"
                                + " join identity_account a on a.id = n.account_id where r.object_key = ?"
                                + " and a.username = 'pds-bm2-02' and n.title like '%尚有2项任务未报告%'",
                        reformKey))
                .isEqualTo(1);

        // -- after the year's deadline (31 March 2023) reports are closed
        clockTo("2023-04-01T08:00");
        HttpResponse<String> late = report(reform, base + "/tasks/" + t2 + "/reports", "2022", "迟报", null, null, null);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json(late).get("detail").asText()).contains("2023-03-31 24:00");

        // -- status: a co-unit may not set it; OVERDUE cannot be set; a reason is needed
        String s = base + "/tasks/" + t1 + "/status";
        assertThat(reform.post(s, "{\"status\":\"DONE\",\"reason\":\"完成\"}").statusCode())
                .isEqualTo(403);
        assertThat(justice.post(s, "{\"status\":\"OVERDUE\",\"reason\":\"x\"}").statusCode())
                .isEqualTo(400);
        assertThat(justice.post(s, "{\"status\":\"IN_PROGRESS\"}").statusCode()).isEqualTo(400);
        JsonNode inProgress =
                ok(justice.post(s, "{\"status\":\"IN_PROGRESS\",\"reason\":\"=HYPERLINK(\\\"http://x\\\")推进中\"}"));
        assertThat(inProgress.get("status").asText()).isEqualTo("IN_PROGRESS");
        ok(office.post(base + "/tasks/" + t2 + "/status", "{\"status\":\"DONE\",\"reason\":\"已全面完成\"}"));
        assertThat(count(
                        "select count(*) from audit_record where action = 'plan.task.status' and object_id = ?",
                        "" + t1))
                .isEqualTo(1);

        // -- 2026-01-05: the due day 2025-12-31 has passed; tasks not done are overdue, done ones are not
        clockTo("2026-01-05T09:00");
        Map<Long, String> status = new HashMap<>();
        ok(office.get(base + "/tasks"))
                .forEach(t -> status.put(t.get("id").asLong(), t.get("status").asText()));
        assertThat(status.get(t1)).isEqualTo("OVERDUE");
        assertThat(status.get(t2)).isEqualTo("DONE");
        assertThat(status.get(t3)).isEqualTo("OVERDUE");
        assertThat(status.values().stream().filter("OVERDUE"::equals).count()).isEqualTo(81);

        // -- the overdue reminder: sent once however often the job runs
        reminders.sendDue();
        reminders.sendDue();
        assertThat(count(
                        "select count(*) from notification_reminder where object_key = ? and stage = 'OVERDUE'",
                        "plan-task:" + t1))
                .isEqualTo(1);
        assertThat(count("select count(*) from notification_reminder where object_key = ?", "plan-task:" + t2))
                .isZero();
        assertThat(count(
                        "select count(*) from notification n join notification_reminder r on r.id = n.reminder_id"
                                + " join identity_account a on a.id = n.account_id"
                                + " where r.object_key = ? and a.username in ('pds-bm2-09', 'pds-bm2-02')",
                        "plan-task:" + t1))
                .isEqualTo(2);

        // -- overview: counts by heading and by unit match the tasks
        JsonNode overview = ok(office.get(base + "/overview"));
        assertThat(overview.get("tasks").asInt()).isEqualTo(82);
        assertThat(overview.get("totals").get("OVERDUE").asInt()).isEqualTo(81);
        assertThat(overview.get("totals").get("DONE").asInt()).isEqualTo(1);
        assertThat(overview.get("unassigned").asInt()).isEqualTo(79);
        Map<String, Integer> perHeading = new LinkedHashMap<>();
        tasks.forEach(t -> perHeading.merge(t.get("heading").asText(), 1, Integer::sum));
        assertThat(overview.get("byHeading")).hasSize(9);
        overview.get("byHeading")
                .forEach(r -> assertThat(r.get("total").asInt())
                        .as(r.get("label").asText())
                        .isEqualTo(perHeading.get(r.get("label").asText())));
        JsonNode first = overview.get("byHeading").get(0);
        assertThat(first.get("counts").get("DONE").asInt()).isEqualTo(1);
        assertThat(first.get("counts").get("OVERDUE").asInt())
                .isEqualTo(perHeading.get(first.get("label").asText()) - 1);
        Map<String, JsonNode> byUnit = new HashMap<>();
        overview.get("byUnit").forEach(r -> byUnit.put(r.get("label").asText(), r));
        assertThat(byUnit.get("市司法局").get("total").asInt()).isEqualTo(2);
        assertThat(byUnit.get("市司法局").get("counts").get("DONE").asInt()).isEqualTo(1);
        assertThat(byUnit.get("市发改委").get("total").asInt()).isEqualTo(3);
        assertThat(byUnit.get("市发改委").get("counts").get("OVERDUE").asInt()).isEqualTo(2);
        assertThat(overview.get("overdue")).hasSize(81);
        assertThat(justice.get(base + "/overview").statusCode()).isEqualTo(404);

        // -- the ledger xlsx opens in POI; formula-looking text stays text
        HttpResponse<byte[]> xlsx = office.getBytes(base + "/ledger.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(sheet.getLastRowNum()).isEqualTo(82);
            Row row1 = sheet.getRow(1);
            assertThat(row1.getCell(3).getStringCellValue()).isEqualTo("优化政府职能");
            assertThat(row1.getCell(4).getStringCellValue()).isEqualTo("市司法局");
            assertThat(row1.getCell(5).getStringCellValue()).isEqualTo("市发改委");
            assertThat(row1.getCell(6).getStringCellValue()).startsWith("否");
            assertThat(row1.getCell(8).getStringCellValue()).isEqualTo("逾期");
            Cell reason = row1.getCell(9);
            assertThat(reason.getCellType()).isEqualTo(CellType.STRING);
            assertThat(reason.getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(reason.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(row1.getCell(10).getStringCellValue()).isEqualTo("2022年：2");
        }

        // -- bulk import from the ledger: all rows or none
        byte[] bad = workbook(List.of(new String[] {"4.", "市司法局", ""}, new String[] {"5.", "市不存在局", ""}));
        HttpResponse<String> refused = office.upload(base + "/assignments/import", "分工.xlsx", bad, null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("detail").asText()).contains("第3行").contains("市不存在局");
        assertThat(assignments(byLabel.get("4."))).isZero();
        // one task on two rows: which one was meant is not guessed
        byte[] twice = workbook(List.of(new String[] {"4.", "市司法局", ""}, new String[] {"4", "市公安局", ""}));
        HttpResponse<String> duplicate = office.upload(base + "/assignments/import", "分工.xlsx", twice, null);
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(json(duplicate).get("detail").asText()).contains("第3行").contains("与第2行重复");
        assertThat(assignments(byLabel.get("4."))).isZero();
        byte[] good = workbook(List.of(new String[] {"4.", "市司法局", "市发改委、市公安局"}, new String[] {"5", "市公安局", ""}));
        assertThat(ok(office.upload(base + "/assignments/import", "分工.xlsx", good, null))
                        .get("rows")
                        .asInt())
                .isEqualTo(2);
        assertThat(assignments(byLabel.get("4."))).isEqualTo(3);
        assertThat(ok(police.get(base + "/tasks"))).hasSize(2);

        // -- the yearly rule-of-law government report: one per year, due 31 March of the next year
        JsonNode annuals = ok(office.get(base + "/annual-reports"));
        assertThat(annuals).extracting(a -> a.get("year").asInt()).containsExactly(2022, 2023, 2024, 2025);
        assertThat(annuals.get(0).get("due").asText()).isEqualTo("2023-03-31");
        assertThat(annuals.get(0).get("status").asText()).isEqualTo("OVERDUE");
        assertThat(annuals.get(3).get("status").asText()).isEqualTo("NOT_STARTED");
        JsonNode done = ok(multipart(
                office, base + "/annual-reports/2022", Map.of("status", "DONE", "reason", "已报送并公开"), null, null));
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(multipart(
                                justice,
                                base + "/annual-reports/2023",
                                Map.of("status", "DONE", "reason", "x"),
                                null,
                                null)
                        .statusCode())
                .isEqualTo(403);
    }

    long count(String sql, Object param) {
        var spec = jdbc.sql(sql);
        return (param == null ? spec : spec.param(param)).query(Long.class).single();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static byte[] workbook(List<String[]> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("任务台账");
            String[] head = {"序号", "一级标题", "二级标题", "任务", "牵头单位", "配合单位"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            int r = 1;
            for (String[] row : rows) {
                Row x = sheet.createRow(r++);
                x.createCell(0).setCellValue(row[0]);
                x.createCell(4).setCellValue(row[1]);
                x.createCell(5).setCellValue(row[2]);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static HttpResponse<String> report(
            ApiClient as, String path, String year, String workDone, String figures, String fileName, byte[] file) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("year", year);
        fields.put("workDone", workDone);
        if (figures != null) {
            fields.put("figures", figures);
        }
        return multipart(as, path, fields, fileName, file);
    }

    static HttpResponse<String> multipart(
            ApiClient as, String path, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "----plan" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<byte[]> parts = new ArrayList<>();
        fields.forEach((k, v) -> parts.add(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        parts.forEach(body::writeBytes);
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                            + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return as.send(as.request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The pages render for the office (overview, chart data, ledger) and for a unit (its task), escaped. */
    @Test
    void pagesRenderForTheOfficeAndAUnit() {
        long plan = jdbc.sql("select id from campaign where template_code = 'PDS-2022-PLAN' and name not like '%测试%'"
                        + " order by id limit 1")
                .query(Long.class)
                .single();
        WebClient office = new WebClient(port);
        office.login("pds-office", demo.password("pds-office"));
        HttpResponse<String> show = office.get("/plans/" + plan);
        assertThat(show.statusCode()).isEqualTo(200);
        assertThat(show.body())
                .contains("id=\"planChart\"")
                .contains("data-chart=")
                .contains("源文件未列明牵头单位和责任单位")
                .contains("优化政府职能")
                .contains("法治政府建设年度报告")
                .contains("演示");
        WebClient justice = new WebClient(port);
        justice.login("pds-bm2-09", demo.password("pds-bm2-09"));
        HttpResponse<String> list = justice.get("/plans/" + plan);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("科学制定立法计划").doesNotContain("id=\"planChart\"");
        long task = jdbc.sql("select id from campaign_task where campaign_id = ? and label = '10.'")
                .param(plan)
                .query(Long.class)
                .single();
        HttpResponse<String> page = justice.get("/plans/" + plan + "/tasks/" + task);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("reportForm")
                .contains("编制并印发2022年度市政府立法计划")
                .contains("statusForm");
        assertThat(new WebClient(port).get("/plans/" + plan).statusCode()).isIn(302, 401);
    }
}
