package org.dudao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dudao.support.ApiClient.json;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.evidence.EvidenceFixtures;
import org.dudao.report.jobs.JobSweep;
import org.dudao.shared.DudaoProperties;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.MutableDatabaseTime;
import org.dudao.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report tables through the REST contract on a PDS-2020 campaign of its own: one assessor unit rates its tasks
 * itself (one rating's reason starts with "=", one pair left unrated), the office rates the rest with some grades below
 * 优, a bonus and a penalty that zeroes a task, results computed, approved by two leaders and published; a target hands
 * in one task and leaves a draft of another. Every figure in the files is checked against {@code GET …/results}, the
 * breakdowns and the counts the test itself set up.
 */
@DudaoIntegrationTest
class ResultSummaryIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final DataFormatter FORMAT = new DataFormatter();
    static final String FORMULA_REASON = "=SUM(A1:A9) 台账不全，扣分";

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableDatabaseTime databaseTime;

    @Autowired
    JobSweep sweep;

    @Autowired
    DudaoProperties properties;

    /** What the test set up, to check the files against. */
    record Setup(
            long id,
            String base,
            Map<Long, JsonNode> targets,
            List<JsonNode> tasks,
            String assessor,
            long assessorUnit,
            String assessorName,
            List<JsonNode> assessorTasks,
            long unratedTarget,
            long unratedTask,
            long submitter,
            int submitterRequired) {

        List<JsonNode> tasksOf(String category) {
            return tasks.stream()
                    .filter(t -> t.get("category").asText().equals(category))
                    .toList();
        }

        List<JsonNode> targetsOf(String category) {
            return targets.values().stream()
                    .filter(t -> t.get("category").asText().equals(category))
                    .toList();
        }
    }

    @Test
    void tablesMatchTheResultsAndAJobGivesTheSameFile() throws Exception {
        databaseTime.reset();
        Setup s = setUp();
        ApiClient office = ApiClient.as(port, demo, "pds-office");

        // ---------------------------------------------------------------- the result summary
        HttpResponse<byte[]> summary = office.getBytes(s.base() + "/documents/result-summary.xlsx");
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.openxml");
        assertThat(summary.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("filename*=UTF-8''");
        JsonNode results = ok(office.get(s.base() + "/results"));
        assertThat(results).hasSize(s.targets().size());
        Set<String> belowExcellent = new HashSet<>();
        int taskCellsChecked = 0;
        try (Workbook wb = open(summary.body())) {
            assertNoFormulas(wb);
            for (JsonNode r : results) {
                long targetId = r.get("targetId").asLong();
                String category = r.get("category").asText();
                Sheet sheet = wb.getSheet(category);
                assertThat(sheet).as("sheet of %s", category).isNotNull();
                Row row = rowOf(sheet, r.get("name").asText());
                Map<String, Integer> totals = totalColumns(sheet);
                number(row, totals.get("最终得分"), r.get("finalScore"));
                number(row, totals.get("加分"), r.get("bonus"));
                number(row, totals.get("减分"), r.get("penalty"));
                number(row, totals.get("换算得分"), r.get("convertedScore"));
                assertThat(text(row.getCell(totals.get("等次"))))
                        .isEqualTo(r.get("level").isNull() ? "" : r.get("level").asText());
                if (r.get("rank").isNull()) {
                    assertThat(text(row.getCell(totals.get("名次")))).isEmpty();
                } else {
                    assertThat(row.getCell(totals.get("名次")).getNumericCellValue())
                            .isEqualTo(r.get("rank").asInt());
                }
                // every task cell against the target's breakdown, the column found by the task's title
                JsonNode breakdown = ok(office.get(s.base() + "/results/" + targetId + "/breakdown"));
                List<JsonNode> tasks = s.tasksOf(category);
                Row titles = sheet.getRow(3);
                for (JsonNode line : breakdown.get("tasks")) {
                    int k = indexOf(tasks, line.get("taskId").asLong());
                    Cell titleCell = titles.getCell(2 + k);
                    assertThat(text(titleCell)).isEqualTo(title(tasks.get(k)));
                    Cell cell = row.getCell(2 + k);
                    if (line.get("notApplicable").asBoolean()) {
                        assertThat(text(cell)).isEqualTo("不适用");
                    } else if (!line.get("evaluated").asBoolean()) {
                        assertThat(text(cell)).isEqualTo("未评");
                    } else {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(cell.getNumericCellValue())
                                .isCloseTo(line.get("score").decimalValue().doubleValue(), within(0.0005));
                        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.00");
                        if (line.get("score")
                                        .decimalValue()
                                        .compareTo(line.get("maxPoints").decimalValue())
                                < 0) {
                            belowExcellent.add(r.get("name").asText());
                        }
                    }
                    taskCellsChecked++;
                }
            }
            // frozen panes below the header rows and right of the names
            Sheet first = wb.getSheetAt(0);
            assertThat(first.getPaneInformation().isFreezePane()).isTrue();
            assertThat(first.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 5);
            assertThat(first.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 2);
            // one sheet per category, in the campaign's category order
            List<String> categories = new ArrayList<>();
            for (JsonNode t : s.targets().values()) {
                if (!categories.contains(t.get("category").asText())) {
                    categories.add(t.get("category").asText());
                }
            }
            assertThat(wb.getNumberOfSheets()).isEqualTo(categories.size());
        }
        assertThat(taskCellsChecked).isGreaterThan(500);
        assertThat(belowExcellent).hasSizeGreaterThan(5);
        assertThat(results)
                .anySatisfy(r -> assertThat(r.get("bonus").decimalValue()).isEqualByComparingTo("1"))
                .anySatisfy(r -> assertThat(r.get("penalty").decimalValue()).isEqualByComparingTo("2"));

        // ---------------------------------------------------------------- the assessor detail
        HttpResponse<byte[]> detail =
                office.getBytes(s.base() + "/documents/assessor-detail.xlsx?unitId=" + s.assessorUnit());
        assertThat(detail.statusCode()).isEqualTo(200);
        ApiClient assessor = ApiClient.as(port, demo, s.assessor());
        HttpResponse<byte[]> own = assessor.getBytes(s.base() + "/documents/assessor-detail.xlsx");
        assertThat(own.statusCode()).isEqualTo(200);
        // (target, task) as the sheet names them; a category may hold two tasks of the same title, so a list
        List<String> expectedPairs = new ArrayList<>();
        for (JsonNode task : s.assessorTasks()) {
            for (JsonNode target : s.targetsOf(task.get("category").asText())) {
                expectedPairs.add(target.get("name").asText() + " | " + title(task));
            }
        }
        for (byte[] bytes : List.of(detail.body(), own.body())) {
            try (Workbook wb = open(bytes)) {
                assertNoFormulas(wb);
                Sheet sheet = wb.getSheetAt(0);
                List<String> header = values(sheet.getRow(2));
                int targetCol = header.indexOf("考核对象");
                int taskCol = header.indexOf("工作任务");
                int gradeCol = header.indexOf("等次");
                int reasonCol = header.indexOf("扣分原因 / 说明");
                int whoCol = header.indexOf("评价人");
                int whenCol = header.indexOf("评价时间");
                int stateCol = header.indexOf("状态");
                List<String> pairs = new ArrayList<>();
                int rows = 0;
                int toRate = 0;
                boolean sawFormulaReason = false;
                for (int i = 3; i <= sheet.getLastRowNum(); i++) {
                    Row row = sheet.getRow(i);
                    if (row == null) {
                        continue;
                    }
                    rows++;
                    pairs.add(text(row.getCell(targetCol)) + " | " + text(row.getCell(taskCol)));
                    if (text(row.getCell(stateCol)).equals("待评")) {
                        toRate++;
                        assertThat(text(row.getCell(gradeCol))).isEmpty();
                        continue;
                    }
                    assertThat(text(row.getCell(whoCol))).isEqualTo(s.assessorName());
                    assertThat(row.getCell(whenCol).getCellType()).isEqualTo(CellType.NUMERIC);
                    Cell reason = row.getCell(reasonCol);
                    if (reason != null && text(reason).startsWith("=")) {
                        // the "=" reason is text with Excel's quote prefix, never a formula
                        assertThat(reason.getCellType()).isEqualTo(CellType.STRING);
                        assertThat(reason.getStringCellValue()).isEqualTo(FORMULA_REASON);
                        assertThat(reason.getCellStyle().getQuotePrefixed()).isTrue();
                        assertThat(text(row.getCell(gradeCol))).isEqualTo("良");
                        sawFormulaReason = true;
                    }
                }
                assertThat(rows).isEqualTo(expectedPairs.size());
                assertThat(pairs).containsExactlyInAnyOrderElementsOf(expectedPairs);
                assertThat(toRate).isEqualTo(1);
                assertThat(sawFormulaReason).isTrue();
            }
        }

        // ---------------------------------------------------------------- the progress tables
        HttpResponse<byte[]> progress = office.getBytes(s.base() + "/documents/progress.xlsx");
        assertThat(progress.statusCode()).isEqualTo(200);
        try (Workbook wb = open(progress.body())) {
            Sheet submissions = wb.getSheet("报送进度");
            List<String> header = values(submissions.getRow(2));
            int rows = 0;
            for (int i = 3; i <= submissions.getLastRowNum(); i++) {
                Row row = submissions.getRow(i);
                rows++;
                String name = text(row.getCell(header.indexOf("考核对象")));
                JsonNode target = s.targets().values().stream()
                        .filter(t -> t.get("name").asText().equals(name))
                        .findFirst()
                        .orElseThrow();
                int required = (int) s.tasksOf(target.get("category").asText()).stream()
                        .filter(t -> t.get("needsMaterial").asBoolean())
                        .count();
                int handedIn = target.get("id").asLong() == s.submitter() ? 1 : 0;
                int drafts = target.get("id").asLong() == s.submitter() ? 1 : 0;
                assertThat(count(row, header, "应报任务")).as(name).isEqualTo(required);
                assertThat(count(row, header, "已报送")).as(name).isEqualTo(handedIn);
                assertThat(count(row, header, "草稿")).as(name).isEqualTo(drafts);
                assertThat(count(row, header, "未报送")).as(name).isEqualTo(required - handedIn);
                assertThat(row.getCell(header.indexOf("报送率")).getNumericCellValue())
                        .isCloseTo(required == 0 ? 1.0 : (double) handedIn / required, within(1e-9));
                String missing = text(row.getCell(header.indexOf("未报送任务")));
                int listed = missing.isEmpty() ? 0 : missing.split("；").length;
                assertThat(listed).as(name).isEqualTo(required - handedIn);
            }
            assertThat(rows).isEqualTo(s.targets().size());
            assertThat(s.submitterRequired()).isGreaterThan(2);

            Sheet evaluations = wb.getSheet("评价进度");
            List<String> eh = values(evaluations.getRow(2));
            String unitName = jdbc.sql("select name from organization_unit where id = ?")
                    .param(s.assessorUnit())
                    .query(String.class)
                    .single();
            Row mine = rowOf(evaluations, unitName, eh.indexOf("考核主体"));
            int expected = expectedPairs.size();
            assertThat(count(mine, eh, "负责任务")).isEqualTo(s.assessorTasks().size());
            assertThat(count(mine, eh, "应评")).isEqualTo(expected);
            assertThat(count(mine, eh, "已评")).isEqualTo(expected - 1);
            assertThat(count(mine, eh, "待评")).isEqualTo(1);
            int allToRate = 0;
            for (int i = 3; i <= evaluations.getLastRowNum(); i++) {
                allToRate += count(evaluations.getRow(i), eh, "待评");
            }
            assertThat(allToRate)
                    .as("the one pair left unrated in the whole campaign")
                    .isEqualTo(1);
        }

        // ---------------------------------------------------------------- who may not
        ApiClient otherOffice = ApiClient.as(port, demo, "ls-office"); // 鲁山县考核办: an office, not this one's
        long deniedBefore = denied("ls-office", s.id());
        assertThat(otherOffice
                        .getBytes(s.base() + "/documents/result-summary.xlsx")
                        .statusCode())
                .isEqualTo(404);
        assertThat(otherOffice.getBytes(s.base() + "/documents/progress.xlsx").statusCode())
                .isEqualTo(404);
        assertThat(otherOffice
                        .post(s.base() + "/jobs", "{\"kind\":\"RESULT_SUMMARY\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(denied("ls-office", s.id())).isEqualTo(deniedBefore + 3);
        ApiClient target = ApiClient.as(port, demo, "pds-xq-01");
        assertThat(target.getBytes(s.base() + "/documents/result-summary.xlsx").statusCode())
                .isEqualTo(403);
        // an assessor naming another unit: 404, audited
        long otherUnit = s.tasks().stream()
                .filter(t -> !t.get("assessorUnitId").isNull()
                        && t.get("assessorUnitId").asLong() != s.assessorUnit())
                .findFirst()
                .orElseThrow()
                .get("assessorUnitId")
                .asLong();
        assertThat(assessor.getBytes(s.base() + "/documents/assessor-detail.xlsx?unitId=" + otherUnit)
                        .statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'report.table.assessorDetail'"
                                + " and outcome = 'DENIED' and actor_username = ?")
                        .param(s.assessor())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(assessor.getBytes(s.base() + "/documents/result-summary.xlsx")
                        .statusCode())
                .isEqualTo(403);
        // the office must name the assessor unit
        assertThat(office.get(s.base() + "/documents/assessor-detail.xlsx").statusCode())
                .isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'report.table.summary'"
                                + " and outcome = 'SUCCESS' and object_id = ?")
                        .param(String.valueOf(s.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // ---------------------------------------------------------------- the same summary as a background job
        assertThat(office.post(s.base() + "/jobs", "{\"kind\":\"NO_SUCH_THING\"}")
                        .statusCode())
                .isEqualTo(400);
        long notificationsBefore = notifications("pds-office", s.id());
        HttpResponse<String> submitted = office.post(s.base() + "/jobs", "{\"kind\":\"RESULT_SUMMARY\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long jobId = json(submitted).get("id").asLong();
        assertThat(json(submitted).get("status").asText()).isIn("QUEUED", "RUNNING");
        assertThat(submitted.headers().firstValue("Location")).hasValue("/api/v1/jobs/" + jobId);
        JsonNode job = waitFor(office, jobId);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("progress").asInt()).isEqualTo(100);
        assertThat(job.get("message").asText()).isEqualTo("已完成，可以下载");
        assertThat(job.get("downloadUrl").asText()).isEqualTo("/api/v1/jobs/" + jobId + "/file");
        Instant finished = Instant.parse(job.get("finishedAt").asText());
        Instant expires = Instant.parse(job.get("expiresAt").asText());
        assertThat(Duration.between(finished, expires)).isEqualTo(Duration.ofDays(7));
        HttpResponse<byte[]> file = office.getBytes("/api/v1/jobs/" + jobId + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body()));
        assertThat(file.headers().firstValue("X-Content-SHA256")).hasValue(sha);
        assertThat(job.get("sha256").asText()).isEqualTo(sha);
        assertThat(job.get("fileSize").asLong()).isEqualTo(file.body().length);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo(summary.headers().firstValue("Content-Disposition").orElseThrow());
        assertThat(content(file.body())).isEqualTo(content(summary.body()));
        // the requester was notified, in the same transaction as the job's end
        assertThat(notifications("pds-office", s.id())).isEqualTo(notificationsBefore + 1);
        // another office's user sees no job of this campaign
        assertThat(otherOffice.get("/api/v1/jobs/" + jobId).statusCode()).isEqualTo(404);
        assertThat(otherOffice.getBytes("/api/v1/jobs/" + jobId + "/file").statusCode())
                .isEqualTo(404);
        assertThat(ok(office.get(s.base() + "/jobs")))
                .extracting(j -> j.get("id").asLong())
                .contains(jobId);

        // ---------------------------------------------------------------- the reports page
        pages(s, jobId);

        // ---------------------------------------------------------------- retention
        Path jobs = properties.dataDir().resolve("reports").resolve("jobs");
        assertThat(filesOf(jobs, jobId)).hasSize(1);
        JobSweep.Report early = sweep.sweep(Instant.now().plus(Duration.ofDays(6)));
        assertThat(early.deleted()).doesNotContain(jobId);
        assertThat(office.getBytes("/api/v1/jobs/" + jobId + "/file").statusCode())
                .isEqualTo(200);
        JobSweep.Report late = sweep.sweep(Instant.now().plus(Duration.ofDays(8)));
        assertThat(late.deleted()).contains(jobId);
        assertThat(filesOf(jobs, jobId)).isEmpty();
        assertThat(office.get("/api/v1/jobs/" + jobId).statusCode()).isEqualTo(404);
        assertThat(office.getBytes("/api/v1/jobs/" + jobId + "/file").statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'report.job.sweep'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    /** The reports page, its link on the campaign page, and the jobs list that polls while a job runs. */
    void pages(Setup s, long doneJob) {
        WebClient web = new WebClient(port);
        web.login("pds-office", demo.password("pds-office"));
        assertThat(web.get("/campaigns/" + s.id()).body()).contains("id=\"reportsLink\"");
        HttpResponse<String> page = web.get("/campaigns/" + s.id() + "/reports");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"summaryLink\"")
                .contains("/app/campaigns/" + s.id() + "/documents/result-summary.xlsx")
                .contains("value=\"" + s.assessorUnit() + "\"")
                .contains("data-job=\"" + doneJob + "\"")
                .contains("/app/jobs/" + doneJob + "/file")
                .doesNotContain("every 2s");
        // the session download the page links to
        HttpResponse<byte[]> viaPage = web.sendBytes(HttpRequest.newBuilder(
                        java.net.URI.create(web.base() + "/app/campaigns/" + s.id() + "/documents/progress.xlsx"))
                .GET()
                .build());
        assertThat(viaPage.statusCode()).isEqualTo(200);
        // a job running on another node: the list asks again every 2 s and shows its progress
        long running = jdbc.sql("insert into report_job (campaign_id, kind, params_key, status, progress, message_key,"
                        + " message_args, requested_by_account, requested_by, requested_unit_id, node, started_at,"
                        + " heartbeat_at, created_at, created_by, updated_at, updated_by) select ?, 'RESULT_SUMMARY',"
                        + " 'page-test', 'RUNNING', 40, 'report.job.step.rows', '[\"县区政府\",\"4\",\"10\"]', a.id,"
                        + " a.username, a.unit_id, 'another-node', now(), now(), now(), 'test', now(), 'test'"
                        + " from identity_account a where a.username = 'pds-office' returning id")
                .param(s.id())
                .query(Long.class)
                .single();
        try {
            HttpResponse<String> list = web.get("/campaigns/" + s.id() + "/reports/jobs", "HX-Request", "true");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body())
                    .contains("<div id=\"jobList\"")
                    .contains("hx-trigger=\"every 2s\"")
                    .contains("data-job=\"" + running + "\"")
                    .contains("width: 40%")
                    .contains("正在写入县区政府：4 / 10");
        } finally {
            jdbc.sql("delete from report_job where id = ?").param(running).update();
        }
    }

    // ==================================================================== set-up

    Setup setUp() throws IOException {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        long id = ok(office.post(
                        "/api/v1/campaigns",
                        "{\"template\":\"PDS-2020\",\"name\":\"" + year + "年度考核（汇总表测试）\",\"year\":" + year + "}"))
                .get("id")
                .asLong();
        String base = "/api/v1/campaigns/" + id;
        Map<Long, JsonNode> targets = new LinkedHashMap<>();
        for (JsonNode t : ok(office.get(base + "/targets"))) {
            targets.put(t.get("id").asLong(), t);
        }
        List<JsonNode> tasks = new ArrayList<>();
        ok(office.get(base + "/tasks")).forEach(tasks::add);

        // the assessor unit with an ASSESSOR account and the most tasks rates its own
        Map<Long, Integer> perUnit = new HashMap<>();
        for (JsonNode t : tasks) {
            if (!t.get("assessorUnitId").isNull() && !t.get("points").isNull()) {
                perUnit.merge(t.get("assessorUnitId").asLong(), 1, Integer::sum);
            }
        }
        Map<String, Object> account = jdbc
                .sql("select a.username, a.unit_id, a.display_name from identity_account a"
                        + " join identity_account_role r on r.account_id = a.id and r.role = 'ASSESSOR'"
                        + " where a.unit_id = any(?) order by a.username")
                .param(perUnit.keySet().toArray(Long[]::new))
                .query()
                .listOfRows()
                .stream()
                .max(java.util.Comparator.comparingInt(
                        (Map<String, Object> a) -> perUnit.get(((Number) a.get("unit_id")).longValue())))
                .orElseThrow();
        String assessorName = (String) account.get("username");
        long unit = ((Number) account.get("unit_id")).longValue();
        List<JsonNode> mine = tasks.stream()
                .filter(t -> !t.get("assessorUnitId").isNull()
                        && t.get("assessorUnitId").asLong() == unit)
                .toList();
        assertThat(mine).isNotEmpty();

        // the assessor: 优 everywhere, one 良 whose reason starts with "=", one pair left unrated
        ArrayNode own = JSON.createArrayNode();
        long unratedTarget = -1;
        long unratedTask = -1;
        boolean formula = false;
        for (JsonNode k : mine) {
            List<JsonNode> of = targets.values().stream()
                    .filter(t ->
                            t.get("category").asText().equals(k.get("category").asText()))
                    .toList();
            for (JsonNode g : of) {
                var r = own.addObject()
                        .put("targetId", g.get("id").asLong())
                        .put("taskId", k.get("id").asLong());
                if (k.get("points").isNull()) {
                    r.put("notApplicable", true).put("reason", "源表未列分值，认定不适用");
                } else if (!formula) {
                    r.put("grade", "GOOD").put("reason", FORMULA_REASON);
                    formula = true;
                } else if (unratedTarget < 0) {
                    own.remove(own.size() - 1);
                    unratedTarget = g.get("id").asLong();
                    unratedTask = k.get("id").asLong();
                } else {
                    r.put("grade", "EXCELLENT");
                }
            }
        }
        assertThat(unratedTarget)
                .as("the assessor has at least two rated pairs")
                .isPositive();
        ApiClient assessor = ApiClient.as(port, demo, assessorName);
        assertThat(ok(assessor.put(base + "/evaluations", own.toString()))
                        .get("applied")
                        .asBoolean())
                .isTrue();

        // the office: every other task, some below 优
        ArrayNode rows = JSON.createArrayNode();
        int ti = 0;
        for (JsonNode g : targets.values()) {
            int ki = 0;
            for (JsonNode k : tasks) {
                if (!k.get("category").asText().equals(g.get("category").asText())
                        || (!k.get("assessorUnitId").isNull()
                                && k.get("assessorUnitId").asLong() == unit)) {
                    continue;
                }
                var r = rows.addObject()
                        .put("targetId", g.get("id").asLong())
                        .put("taskId", k.get("id").asLong());
                if (k.get("points").isNull()) {
                    r.put("notApplicable", true).put("reason", "源表未列分值，认定不适用");
                } else if ((ti + ki) % 11 == 0) {
                    r.put("grade", "GOOD").put("reason", "台账资料不完整");
                } else if ((ti * 7 + ki) % 29 == 3) {
                    r.put("grade", "FAIR").put("reason", "制度未及时修订");
                } else if ((ti * 5 + ki) % 41 == 9) {
                    r.put("grade", "POOR").put("reason", "未开展此项工作");
                } else {
                    r.put("grade", "EXCELLENT");
                }
                ki++;
            }
            ti++;
        }
        assertThat(ok(office.put(base + "/evaluations", rows.toString()))
                        .get("applied")
                        .asBoolean())
                .isTrue();

        // a bonus, and a penalty that zeroes one task of its target
        List<JsonNode> list = new ArrayList<>(targets.values());
        JsonNode bonusTarget = list.get(0);
        JsonNode penaltyTarget = list.get(1);
        long zeroed = tasks.stream()
                .filter(k -> k.get("category")
                                .asText()
                                .equals(penaltyTarget.get("category").asText())
                        && !k.get("points").isNull())
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        ok(office.post(
                base + "/adjustments",
                "{\"targetId\":" + bonusTarget.get("id").asLong()
                        + ",\"kind\":\"BONUS\",\"matter\":\"法治建设经验被省级推广\",\"points\":1,"
                        + "\"relatedTaskIds\":[],\"reason\":\"省司法厅发文推广\"}"));
        ok(office.post(
                base + "/adjustments",
                "{\"targetId\":" + penaltyTarget.get("id").asLong()
                        + ",\"kind\":\"PENALTY\",\"matter\":\"行政诉讼败诉造成不良影响\",\"points\":2,"
                        + "\"relatedTaskIds\":[" + zeroed + "],\"reason\":\"经核实，事实清楚\"}"));

        // a target hands in one material task and leaves a draft of another
        JsonNode submitterNode = targets.values().stream()
                .filter(t -> t.get("name").asText().equals("舞钢市人民政府"))
                .findFirst()
                .orElseThrow();
        long submitter = submitterNode.get("id").asLong();
        List<JsonNode> material = tasks.stream()
                .filter(k -> k.get("category")
                                .asText()
                                .equals(submitterNode.get("category").asText())
                        && k.get("needsMaterial").asBoolean()
                        && (k.get("dueAt").isNull()
                                || Instant.parse(k.get("dueAt").asText()).isAfter(Instant.now())))
                .toList();
        ApiClient county = ApiClient.as(port, demo, "pds-xq-01");
        String t1 = base + "/tasks/" + material.get(0).get("id").asLong();
        ok(county.upload(t1 + "/files", "报告.pdf", EvidenceFixtures.pdf(), null));
        assertThat(ok(county.post(t1 + "/submit", null)).get("status").asText()).isEqualTo("SUBMITTED");
        String t2 = base + "/tasks/" + material.get(1).get("id").asLong();
        ok(county.upload(t2 + "/files", "草稿.pdf", EvidenceFixtures.pdf(), null));
        int required = (int) tasks.stream()
                .filter(k -> k.get("category")
                                .asText()
                                .equals(submitterNode.get("category").asText())
                        && k.get("needsMaterial").asBoolean())
                .count();

        // computed, approved by two leaders, published
        ok(office.post(base + "/results/compute", null));
        ok(office.post(base + "/results/propose", null));
        ok(office.post(
                base + "/results/consult", "{\"until\":\"" + LocalDate.now().plusDays(5) + "\"}"));
        ok(ApiClient.as(port, demo, "pds-leader").post(base + "/results/approve", null));
        ok(ApiClient.as(port, demo, "pds-leader-2").post(base + "/results/approve", null));
        assertThat(ok(office.post(base + "/results/publish", null))
                        .get("status")
                        .asText())
                .isEqualTo("PUBLISHED");

        return new Setup(
                id,
                base,
                targets,
                tasks,
                assessorName,
                unit,
                (String) account.get("display_name"),
                mine,
                unratedTarget,
                unratedTask,
                submitter,
                required);
    }

    // ==================================================================== helpers

    static Workbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static void assertNoFormulas(Workbook wb) {
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType())
                            .as("%s!%s", sheet.getSheetName(), cell.getAddress())
                            .isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }

    /** Every cell's shown value, sheet by sheet, except the note row (it says when the file was made). */
    static List<String> content(byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        try (Workbook wb = open(bytes)) {
            for (Sheet sheet : wb) {
                out.add("# " + sheet.getSheetName());
                for (Row row : sheet) {
                    if (row.getRowNum() != 1) {
                        out.add(row.getRowNum() + ": " + values(row));
                    }
                }
            }
        }
        return out;
    }

    static List<String> values(Row row) {
        List<String> v = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            v.add(text(row.getCell(c)));
        }
        return v;
    }

    static String text(Cell cell) {
        return cell == null ? "" : FORMAT.formatCellValue(cell);
    }

    static Row rowOf(Sheet sheet, String name) {
        return rowOf(sheet, name, 1);
    }

    static Row rowOf(Sheet sheet, String name, int column) {
        for (Row row : sheet) {
            if (row.getRowNum() >= 3 && name.equals(text(row.getCell(column)))) {
                return row;
            }
        }
        throw new AssertionError("no row " + name + " in " + sheet.getSheetName());
    }

    static Map<String, Integer> totalColumns(Sheet sheet) {
        Map<String, Integer> m = new HashMap<>();
        Row row = sheet.getRow(2);
        for (Cell c : row) {
            m.put(text(c), c.getColumnIndex());
        }
        return m;
    }

    static void number(Row row, int column, JsonNode expected) {
        Cell c = row.getCell(column);
        assertThat(c.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(BigDecimal.valueOf(c.getNumericCellValue())).isEqualByComparingTo(expected.decimalValue());
    }

    static int count(Row row, List<String> header, String column) {
        return (int) row.getCell(header.indexOf(column)).getNumericCellValue();
    }

    static int indexOf(List<JsonNode> tasks, long id) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).get("id").asLong() == id) {
                return i;
            }
        }
        throw new AssertionError("task " + id + " not in its category");
    }

    static String title(JsonNode task) {
        String label = task.get("label").isNull() ? "" : task.get("label").asText();
        return label + task.get("name").asText();
    }

    JsonNode waitFor(ApiClient office, long jobId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode job = ok(office.get("/api/v1/jobs/" + jobId));
        while (!job.get("status").asText().equals("DONE")
                && !job.get("status").asText().equals("FAILED")
                && System.nanoTime() < until) {
            assertThat(job.get("progress").asInt()).isBetween(0, 100);
            Thread.sleep(200);
            job = ok(office.get("/api/v1/jobs/" + jobId));
        }
        return job;
    }

    long denied(String username, long campaignId) {
        return jdbc.sql("select count(*) from audit_record where action = 'campaign.manage' and outcome = 'DENIED'"
                        + " and actor_username = ? and object_id = ?")
                .params(username, String.valueOf(campaignId))
                .query(Long.class)
                .single();
    }

    long notifications(String username, long campaignId) {
        return jdbc.sql("select count(*) from notification n join identity_account a on a.id = n.account_id"
                        + " where a.username = ? and n.kind = 'REPORT_JOB' and n.link = ?")
                .params(username, "/campaigns/" + campaignId + "/reports")
                .query(Long.class)
                .single();
    }

    static List<Path> filesOf(Path dir, long jobId) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(jobId + "-"))
                    .toList();
        }
    }
}
