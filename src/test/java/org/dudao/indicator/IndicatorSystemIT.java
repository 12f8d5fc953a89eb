package org.dudao.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The office loads, reads, validates, exports, re-imports and compares indicator systems. */
@DudaoIntegrationTest
class IndicatorSystemIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Test
    void builtinCountySystemLoadsWithItsPrintedPointsAndIsVisibleOnlyInItsJurisdiction() {
        WebClient web = new WebClient(port);
        String token = token(web, "pds-office");
        HttpResponse<String> load = post(web, token, "/api/v1/indicator-systems/builtin/PDS-2020-COUNTY");
        assertThat(load.statusCode()).isEqualTo(200);
        long id = Long.parseLong(load.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        assertThat(api(web, token, "/api/v1/indicator-systems").body()).contains("PDS-2020-COUNTY");
        String tree = api(web, token, "/api/v1/indicator-systems/" + id).body();
        assertThat(tree)
                .contains("\"label\":\"一、\"")
                .contains("\"name\":\"依法全面履行政府职能\"")
                .contains("\"points\":13")
                .contains("\"methods\":[\"报送资料\"]")
                .contains("\"assessors\":[\"市政府办公室职能转变协调科\"]")
                .contains("\"children\":[");
        assertThat(api(web, token, "/api/v1/indicator-systems/" + id + "/validation")
                        .statusCode())
                .isEqualTo(200);

        String county = token(web, "ls-office");
        assertThat(api(web, county, "/api/v1/indicator-systems/" + id).statusCode())
                .isEqualTo(404);
        assertThat(api(web, county, "/api/v1/indicator-systems").body()).doesNotContain("PDS-2020-COUNTY");
        String target = token(web, "pds-xq-08");
        assertThat(api(web, target, "/api/v1/indicator-systems").statusCode()).isEqualTo(403);
    }

    @Test
    void validationReportsThatDepartment1TotalsFarLessThan100() {
        WebClient web = new WebClient(port);
        String token = token(web, "pds-office");
        long id = id(post(web, token, "/api/v1/indicator-systems/builtin/PDS-2020-DEPT1"));
        String report = api(web, token, "/api/v1/indicator-systems/" + id + "/validation")
                .body();
        assertThat(report).contains("\"code\":\"TOTAL_NOT_100\"").contains("一级指标合计 15 分，不足 100 分");
    }

    @Test
    void exportedWorkbookImportsAsANewDraftVersionIdenticalToThePublishedOne() throws Exception {
        WebClient api = new WebClient(port);
        String token = token(api, "pds-office");
        long id = id(post(api, token, "/api/v1/indicator-systems/builtin/LS-2021-MODEL"));
        HttpResponse<byte[]> xlsx = api.sendBytes(
                HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/indicator-systems/" + id + "/xlsx"))
                        .header("Authorization", "Bearer " + token)
                        .build());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheet("指标体系").getLastRowNum()).isGreaterThan(140);
        }

        WebClient web = new WebClient(port);
        web.login("pds-office", demo.password("pds-office"));
        web.get("/indicators/import");
        HttpResponse<String> check = upload(web, xlsx.body(), true);
        assertThat(check.body()).contains("检查通过：共 248 个节点");
        HttpResponse<String> done = upload(web, xlsx.body(), false);
        assertThat(done.body()).contains("第 2 版（草稿）");
        long draft = jdbc.sql("select id from indicator_system where code = 'LS-2021-MODEL' and status = 'DRAFT'"
                        + " order by version desc limit 1")
                .query(Long.class)
                .single();
        assertThat(web.get("/indicators/" + draft + "/compare?other=" + id).body())
                .contains("两个版本没有差别");
        assertThat(web.get("/indicators/" + draft).body()).contains("发布").contains("第1项");
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'indicator.system.import'")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPublishedVersionCannotChange_editingMakesANewDraft() {
        WebClient web = new WebClient(port);
        web.login("pds-office", demo.password("pds-office"));
        web.get("/indicators");
        HttpResponse<String> loaded = web.post("/indicators/builtin", Map.of("code", "PDS-2019-MODEL"));
        String path = WebClient.location(loaded).replaceAll("^.*?(/indicators/\\d+)$", "$1");
        long id = Long.parseLong(path.replaceAll("\\D", ""));
        long node = jdbc.sql("select id from indicator_node where system_id = " + id
                        + " and kind = 'TASK' order by id limit 1")
                .query(Long.class)
                .single();
        web.get(path);
        HttpResponse<String> refused = web.post(path + "/nodes/" + node, Map.of("name", "改名", "points", "1"));
        assertThat(refused.statusCode()).isEqualTo(409);
        HttpResponse<String> draft = web.post(path + "/draft", Map.of());
        String draftPath = WebClient.location(draft).replaceAll("^.*?(/indicators/\\d+)$", "$1");
        long draftId = Long.parseLong(draftPath.replaceAll("\\D", ""));
        long draftNode = jdbc.sql("select id from indicator_node where system_id = " + draftId
                        + " and kind = 'TASK' order by id limit 1")
                .query(Long.class)
                .single();
        web.get(draftPath + "/nodes/" + draftNode);
        HttpResponse<String> bad = web.post(draftPath + "/nodes/" + draftNode, Map.of("name", "改名", "points", "1.234"));
        assertThat(bad.body()).contains("最多保留两位小数");
        HttpResponse<String> saved =
                web.post(draftPath + "/nodes/" + draftNode, Map.of("name", "改名后的任务", "points", "1.5"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(web.get(draftPath + "/compare?other=" + id).body())
                .contains("改名后的任务")
                .contains("新增")
                .contains("删除");
        assertThat(jdbc.sql("select name from indicator_node where id = " + node)
                        .query(String.class)
                        .single())
                .isNotEqualTo("改名后的任务");
    }

    // ---------------------------------------------------------------------------------------------

    private HttpResponse<String> upload(WebClient web, byte[] file, boolean dryRun) {
        String boundary = "----dudao" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + web.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\n" + dryRun
                + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"system.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return web.postBytes("/indicators/import", body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private static long id(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Long.parseLong(r.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    private String token(WebClient web, String username) {
        HttpResponse<String> r = web.postRaw(
                "/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + demo.password(username) + "\"}",
                "application/json");
        return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static HttpResponse<String> api(WebClient web, String token, String path) {
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Authorization", "Bearer " + token)
                .build());
    }

    private static HttpResponse<String> post(WebClient web, String token, String path) {
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }
}
