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

    /** 集中评查: the assessor draws 3 of 8 case files with a seed, scores them, and the task's points follow. */
    @Test
    void centralReviewSample_reproducibleDraw_taskScoreFromTheItems() {
        ApiClient office = ApiClient.as(port, demo, "pds-office");
        long id = ok(office.post(
                        "/api/v1/campaigns",
                        "{\"template\":\"PDS-2020\",\"name\":\"" + THIS_YEAR + "年度考核（评查测试）\",\"year\":" + THIS_YEAR
                                + "}"))
                .get("id")
                .asLong();
        String base = "/api/v1/campaigns/" + id;
        JsonNode task = null;
        for (JsonNode t : ok(office.get(base + "/tasks"))) {
            if (t.get("category").asText().equals("县区政府")
                    && t.get("points").decimalValue().signum() > 0) {
                task = t;
                break;
            }
        }
        long target = 0;
        for (JsonNode g : ok(office.get(base + "/targets"))) {
            if (g.get("name").asText().equals("叶县人民政府")) {
                target = g.get("id").asLong();
            }
        }
        String items = "[\"案卷1\",\"案卷2\",\"案卷3\",\"案卷4\",\"案卷5\",\"案卷6\",\"案卷7\",\"案卷8\"]";
        String request = "{\"targetId\":" + target + ",\"taskId\":"
                + task.get("id").asLong() + ",\"items\":" + items + ",\"size\":3,\"seed\":20260113}";
        JsonNode sample = ok(office.post(base + "/samples", request));
        assertThat(sample.get("seed").asLong()).isEqualTo(20260113L);
        assertThat(sample.get("items")).hasSize(3);
        // the same list and seed give the same items: anyone can check the draw
        java.util.List<String> drawn = new java.util.ArrayList<>();
        sample.get("items").forEach(i -> drawn.add(i.get("item").asText()));
        assertThat(org.dudao.evaluation.domain.EvaluationSamplesAccess.draw(items, 3, 20260113L))
                .isEqualTo(drawn);
        assertThat(office.post(base + "/samples", request).statusCode()).isEqualTo(409);

        long sampleId = sample.get("id").asLong();
        ok(office.put(base + "/samples/" + sampleId + "/items/1", "{\"score\":100}"));
        assertThat(office.put(base + "/samples/" + sampleId + "/items/2", "{\"score\":50}")
                        .statusCode())
                .isEqualTo(400); // a deduction without a note
        ok(office.put(base + "/samples/" + sampleId + "/items/2", "{\"score\":50,\"note\":\"缺少听证告知\"}"));
        ok(office.put(base + "/samples/" + sampleId + "/items/3", "{\"score\":90,\"note\":\"文书不规范\"}"));
        // mean (100 + 50 + 90) / 3 = 80 → 80 % of the task's points
        java.math.BigDecimal expected = task.get("points")
                .decimalValue()
                .multiply(new java.math.BigDecimal("0.8"))
                .setScale(2, java.math.RoundingMode.HALF_UP);
        JsonNode h = ok(office.get(base + "/evaluations/history?targetId=" + target + "&taskId="
                + task.get("id").asLong()));
        assertThat(h.get("current").get("points").decimalValue()).isEqualByComparingTo(expected);
        assertThat(h.get("current").get("reason").asText())
                .contains("随机种子 20260113")
                .contains("缺少听证告知");
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
