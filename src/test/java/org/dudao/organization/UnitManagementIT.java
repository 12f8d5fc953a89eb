package org.dudao.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.organization.domain.UnitWorkbook;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.TestFiles;
import org.dudao.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The office manages units: forms reject bad input clearly, imports are all-or-nothing. */
@DudaoIntegrationTest
class UnitManagementIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UnitWorkbook workbook;

    WebClient office;

    @BeforeEach
    void login() {
        office = new WebClient(port);
        office.login("pds-office", demo.password("pds-office"));
        office.get("/units/new");
    }

    @Test
    void htmlInANameIsStoredAndShownEscaped() {
        String name = "<script>alert('x')</script>科" + suffix();
        HttpResponse<String> r = create(Map.of("name", name, "kind", "SECTION", "parentId", id("市司法局")));
        assertThat(r.statusCode()).isEqualTo(302);
        String list = office.get("/units").body();
        assertThat(list).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
    }

    @Test
    void blankOversizedAndBadPhoneFieldsGetClearChineseMessages_andNothingIsSaved() {
        long before = count();
        assertThat(create(Map.of("name", "  ", "kind", "SECTION", "parentId", id("市司法局")))
                        .body())
                .contains("此项必填");
        assertThat(create(Map.of("name", "长".repeat(101), "kind", "SECTION", "parentId", id("市司法局")))
                        .body())
                .contains("不能超过 100 个字符");
        assertThat(create(Map.of(
                                "name",
                                "电话测试科" + suffix(),
                                "kind",
                                "SECTION",
                                "parentId",
                                id("市司法局"),
                                "contactPhone",
                                "call me"))
                        .body())
                .contains("电话号码只能包含");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void invalidUtf8InAFormIsRefusedWithAMessage() {
        long before = count();
        byte[] body = ("_csrf=" + office.csrf() + "&kind=SECTION&parentId=" + id("市司法局") + "&name=")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[body.length + 3];
        System.arraycopy(body, 0, bad, 0, body.length);
        bad[body.length] = '%';
        bad[body.length + 1] = 'C';
        bad[body.length + 2] = '3';
        HttpResponse<String> r = office.postBytes("/units", bad, "application/x-www-form-urlencoded");
        // Tomcat either drops the undecodable parameter (refused as a whole, 400) or decodes it to U+FFFD
        // (refused on the field); either way the user reads why and nothing is saved
        assertThat(r.statusCode()).isIn(200, 400);
        assertThat(r.body()).contains("含有无效字符");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void duplicateNameUnderTheSameParentIsRefused() {
        HttpResponse<String> r = create(Map.of("name", "依法行政指导科", "kind", "SECTION", "parentId", id("市司法局")));
        assertThat(r.body()).contains("同一上级单位下已有名为“依法行政指导科”的单位");
    }

    @Test
    void aUnitCannotMoveUnderItsOwnDescendant() {
        String justice = id("市司法局");
        String section = id("依法行政指导科");
        office.get("/units/" + justice);
        HttpResponse<String> r = office.post("/units/" + justice + "/move", Map.of("parentId", section));
        assertThat(WebClient.location(r)).endsWith("/units/" + justice);
        assertThat(office.get("/units/" + justice).body()).contains("不能把单位移动到它自己或它的下级单位之下");
        assertThat(jdbc.sql("select parent_id from organization_unit where id = " + justice)
                        .query(Long.class)
                        .single())
                .isEqualTo(Long.valueOf(id("平顶山市")));
    }

    @Test
    void movingAUnitMovesItsSubtree() {
        String dept = create("移动测试局" + suffix(), "DEPARTMENT", id("平顶山市"));
        String sec = create("移动测试科" + suffix(), "SECTION", dept);
        office.post("/units/" + dept + "/move", Map.of("parentId", id("鲁山县人民政府")));
        String path = jdbc.sql("select tree_path from organization_unit where id = " + sec)
                .query(String.class)
                .single();
        assertThat(path).startsWith("/" + id("平顶山市") + "/" + id("鲁山县人民政府") + "/" + dept + "/");
    }

    @Test
    void deleteNeedsNoChildrenAndNoAccounts() {
        office.get("/units/" + id("市司法局"));
        office.post("/units/" + id("市司法局") + "/delete", Map.of());
        assertThat(office.get("/units/" + id("市司法局")).body()).contains("还有下级单位");
        office.post("/units/" + id("依法行政指导科") + "/delete", Map.of());
        assertThat(office.get("/units/" + id("依法行政指导科")).body()).contains("仍有账户");
        String empty = create("待删除科" + suffix(), "SECTION", id("市司法局"));
        office.get("/units/" + empty);
        assertThat(WebClient.location(office.post("/units/" + empty + "/delete", Map.of())))
                .endsWith("/units");
        assertThat(jdbc.sql("select count(*) from organization_unit where id = " + empty)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void importWithRowErrorsSavesNothingAndNamesEveryRow() throws IOException {
        long before = count();
        String s = suffix();
        byte[] file = sheet(new String[][] {
            {"新局" + s, "平顶山市", "部门", "", "", "", "", "1", ""},
            {"新科" + s, "新局" + s, "科室", "", "", "", "", "", ""},
            {"", "平顶山市", "部门", "", "", "", "", "", ""},
            {"孤儿科" + s, "不存在的局", "科室", "", "", "", "", "", ""},
            {"怪类" + s, "平顶山市", "星球", "", "", "", "", "", ""},
            {"新局" + s, "平顶山市", "部门", "", "", "", "", "", ""},
            {"重名科" + s, "依法行政指导科", "科室", "", "", "", "", "", ""}
        });
        HttpResponse<String> r = upload(file, false);
        assertThat(r.body())
                .contains("未导入任何数据")
                .contains("<td>4</td>")
                .contains("此项必填")
                .contains("找不到上级单位“不存在的局”")
                .contains("未知的单位类型“星球”")
                .contains("与第 2 行重复");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void validImportCreatesChildrenOfEarlierRowsAndUpdatesExistingUnits() throws IOException {
        String s = suffix();
        byte[] file = sheet(new String[][] {
            {"导入局" + s, "平顶山市", "部门", "导局", "李四", "0375-1234567", "市政大厦 1 楼", "5", ""},
            {"导入科" + s, "平顶山市/导入局" + s, "科室", "", "", "", "", "", ""},
            {"依法行政指导科", "平顶山市/市司法局", "科室", "", "张 宇", "2663225", "市政大厦 1130 房间（已核对）", "6", ""}
        });
        HttpResponse<String> check = upload(file, true);
        assertThat(check.body()).contains("检查通过：将新增 2 个、更新 1 个单位");
        HttpResponse<String> done = upload(file, false);
        assertThat(done.body()).contains("导入完成：新增 2 个、更新 1 个单位");
        assertThat(jdbc.sql("select contact_address from organization_unit where name = '依法行政指导科'")
                        .query(String.class)
                        .single())
                .isEqualTo("市政大厦 1130 房间（已核对）");
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'organization.unit.import'")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void malformedNonXlsxAndZipBombUploadsAreRefused() throws IOException {
        assertThat(upload("not a spreadsheet".getBytes(StandardCharsets.UTF_8), true)
                        .body())
                .contains("不是 Excel（.xlsx）格式");
        assertThat(upload(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, true).body()).contains("无法读取该文件");
        assertThat(upload(TestFiles.zipBomb(workbook.template()), true).body()).contains("无法读取该文件");
    }

    @Test
    void exportedFileHasTheTemplateHeaderAndEveryVisibleUnit() throws IOException {
        HttpResponse<String> r = office.get("/units/template");
        assertThat(r.statusCode()).isEqualTo(200);
        byte[] bytes = workbook.export(
                java.util.List.of(), Map.of()); // the service's own export is checked through the page below
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("单位名称*");
        }
        var download =
                office.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(office.base() + "/units/export"))
                        .build());
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains("attachment"));
    }

    // ---------------------------------------------------------------------------------------------

    private HttpResponse<String> create(Map<String, String> form) {
        return office.post("/units", form);
    }

    private String create(String name, String kind, String parentId) {
        HttpResponse<String> r = create(Map.of("name", name, "kind", kind, "parentId", parentId));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return WebClient.location(r).replaceAll(".*/units/", "");
    }

    private HttpResponse<String> upload(byte[] file, boolean dryRun) {
        office.get("/units/import");
        String boundary = "----dudao" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + office.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\n" + dryRun
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"units.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return office.postBytes("/units/import", body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private byte[] sheet(String[][] rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook.template()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            sheet.removeRow(sheet.getRow(1));
            sheet.removeRow(sheet.getRow(2));
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private String id(String name) {
        return String.valueOf(jdbc.sql("select id from organization_unit where name = :n")
                .param("n", name)
                .query(Long.class)
                .single());
    }

    private long count() {
        return jdbc.sql("select count(*) from organization_unit")
                .query(Long.class)
                .single();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
