package org.dudao.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.support.ApiClient.json;
import static org.dudao.support.ApiClient.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.support.ApiClient;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The offline scoring sheet: an assessor downloads its tasks × targets, fills it in Excel's way, uploads
 * it; the dry run lists the diff and row errors without saving, a sheet with errors saves nothing, a
 * clean sheet saves every row, and a sheet whose columns were moved is refused with the column named.
 */
@DudaoIntegrationTest
class ScoringSheetIT {

    static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Test
    void downloadFillCheckAndApply_allOrNothing() throws Exception {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        long id = ok(office.post(
                        "/api/v1/campaigns",
                        "{\"template\":\"PDS-2020\",\"name\":\"" + THIS_YEAR + "年度考核（评分表测试）\",\"year\":" + THIS_YEAR
                                + "}"))
                .get("id")
                .asLong();
        String base = "/api/v1/campaigns/" + id;
        ApiClient assessor = ApiClient.as(port, demo, "pdssssfjyfxzzdk");
        Set<Long> ownTasks = new HashSet<>();
        int expectedRows = 0;
        JsonNode targets = ok(office.get(base + "/targets"));
        for (JsonNode t : ok(office.get(base + "/tasks"))) {
            if (t.get("assessorName").asText("").contains("依法行政指导科")
                    && t.get("assessorMatch").asText().matches("NAME|INHERITED")) {
                ownTasks.add(t.get("id").asLong());
                for (JsonNode g : targets) {
                    if (g.get("category").asText().equals(t.get("category").asText())) {
                        expectedRows++;
                    }
                }
            }
        }
        assertThat(ownTasks).isNotEmpty();

        HttpResponse<byte[]> download = assessor.getBytes(base + "/evaluations/sheet.xlsx");
        assertThat(download.statusCode()).isEqualTo(200);
        byte[] filled;
        long firstTarget;
        long firstTask;
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            Sheet sheet = wb.getSheet("评分表");
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("等次（优/良/中/差）");
            assertThat(sheet.getLastRowNum()).isEqualTo(expectedRows);
            Set<Long> tasksInSheet = new HashSet<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                tasksInSheet.add((long) sheet.getRow(r).getCell(1).getNumericCellValue());
            }
            assertThat(tasksInSheet).isEqualTo(ownTasks);
            Row r1 = sheet.getRow(1);
            Row r2 = sheet.getRow(2);
            Row r3 = sheet.getRow(3);
            firstTarget = (long) r1.getCell(0).getNumericCellValue();
            firstTask = (long) r1.getCell(1).getNumericCellValue();
            r1.createCell(7).setCellValue("优");
            r2.createCell(7).setCellValue("良"); // no reason: an error
            r3.createCell(9).setCellValue("是");
            r3.createCell(10).setCellValue("本年度无此项工作");
            filled = bytes(wb);
        }

        HttpResponse<String> withError =
                assessor.upload(base + "/evaluations/sheet?dryRun=false", "评分表.xlsx", filled, null);
        assertThat(withError.statusCode()).isEqualTo(400);
        JsonNode rows = json(withError).get("rows");
        assertThat(json(withError).get("applied").asBoolean()).isFalse();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get("row").asInt()).isEqualTo(3);
        assertThat(rows.get(1).get("error").asText()).contains("扣分原因");
        assertThat(evaluations(id)).isZero();

        byte[] fixed;
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            wb.getSheet("评分表").getRow(2).createCell(10).setCellValue("=执法案卷缺少告知书"); // text that looks like a formula
            fixed = bytes(wb);
        }
        JsonNode check = ok(assessor.upload(base + "/evaluations/sheet", "评分表.xlsx", fixed, null));
        assertThat(check.get("applied").asBoolean()).isFalse();
        assertThat(check.get("rows").get(0).get("status").asText()).isEqualTo("CREATED");
        assertThat(check.get("rows").get(1).get("after").asText()).isEqualTo("良");
        assertThat(evaluations(id)).isZero();

        JsonNode applied = ok(assessor.upload(base + "/evaluations/sheet?dryRun=false", "评分表.xlsx", fixed, null));
        assertThat(applied.get("applied").asBoolean()).isTrue();
        assertThat(evaluations(id)).isEqualTo(3);
        assertThat(jdbc.sql("select grade from evaluation where target_id = ? and task_id = ?")
                        .params(firstTarget, firstTask)
                        .query(String.class)
                        .single())
                .isEqualTo("EXCELLENT");
        assertThat(jdbc.sql("select count(*) from evaluation_history where campaign_id = ? and channel = 'SHEET'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        // the downloaded sheet now carries the current values back
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                assessor.getBytes(base + "/evaluations/sheet.xlsx").body()))) {
            Row r2 = wb.getSheet("评分表").getRow(2);
            assertThat(r2.getCell(7).getStringCellValue()).isEqualTo("良");
            assertThat(r2.getCell(10).getStringCellValue()).isEqualTo("=执法案卷缺少告知书");
        }

        // columns moved: refused, naming the column
        byte[] moved;
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(fixed))) {
            wb.getSheet("评分表").getRow(0).getCell(7).setCellValue("分值");
            moved = bytes(wb);
        }
        HttpResponse<String> refused = assessor.upload(base + "/evaluations/sheet", "评分表.xlsx", moved, null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("detail").asText()).contains("第 8 列");
        // not an xlsx at all
        assertThat(assessor.upload(base + "/evaluations/sheet", "评分表.xlsx", "not a workbook".getBytes(), null)
                        .statusCode())
                .isEqualTo(400);
    }

    private long evaluations(long campaign) {
        return jdbc.sql("select count(*) from evaluation where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
    }

    private static byte[] bytes(Workbook wb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
