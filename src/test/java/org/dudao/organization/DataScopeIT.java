package org.dudao.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every view is scoped on the server: a target sees its own unit only; an office its jurisdiction. */
@DudaoIntegrationTest
class DataScopeIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Test
    void targetRequestingAnotherUnitGets404_andTheAttemptIsAudited() {
        long own = unitId("郏县人民政府");
        long other = unitId("市司法局");
        WebClient web = new WebClient(port);
        web.login("pds-xq-03", demo.password("pds-xq-03"));
        assertThat(web.get("/units/" + own).statusCode()).isEqualTo(200);
        HttpResponse<String> denied = web.get("/units/" + other);
        assertThat(denied.statusCode()).isEqualTo(404);
        assertThat(denied.body()).contains("未找到该单位").doesNotContain("市司法局");
        assertThat(jdbc.sql("select count(*) from audit_record where actor_username = 'pds-xq-03'"
                                + " and outcome = 'DENIED' and object_type = 'unit' and object_id = :id")
                        .param("id", String.valueOf(other))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void apiUnitListIsScopedToTheCaller() {
        WebClient web = new WebClient(port);
        String token = token(web, "pds-bm2-09");
        HttpResponse<String> mine = api(web, token, "/api/v1/units");
        assertThat(mine.body()).contains("市司法局").doesNotContain("依法行政指导科").doesNotContain("舞钢市人民政府");
        HttpResponse<String> other = api(web, token, "/api/v1/units/" + unitId("舞钢市人民政府"));
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("舞钢市人民政府");
    }

    @Test
    void countyOfficeSeesItsCountyOnly_cityOfficeSeesTheCity() {
        WebClient web = new WebClient(port);
        String county = token(web, "ls-office");
        String countyUnits = api(web, county, "/api/v1/units").body();
        assertThat(countyUnits).contains("鲁山县人民政府").contains("鲁山县委全面依法治县委员会办公室");
        assertThat(countyUnits).doesNotContain("舞钢市人民政府").doesNotContain("平顶山市");
        assertThat(api(web, county, "/api/v1/units/" + unitId("市司法局")).statusCode())
                .isEqualTo(404);

        String city = token(web, "pds-office");
        String cityUnits = api(web, city, "/api/v1/units").body();
        assertThat(cityUnits).contains("平顶山市").contains("鲁山县人民政府").contains("依法行政指导科");
    }

    @Test
    void assessorSeesItsOwnSectionOnItsHomePageAndNotATargetsData() {
        WebClient web = new WebClient(port);
        web.login("pdssssfjyfxzzdk", demo.password("pdssssfjyfxzzdk"));
        String home = web.get("/").body();
        assertThat(home).contains("依法行政指导科").contains("2663225").contains("市政大厦 1130 房间");
        assertThat(web.get("/units/" + unitId("鲁山县人民政府")).statusCode()).isEqualTo(404);
    }

    private long unitId(String name) {
        return jdbc.sql("select id from organization_unit where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    private String token(WebClient web, String username) {
        HttpResponse<String> r = web.postRaw(
                "/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + demo.password(username) + "\"}",
                "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    static HttpResponse<String> api(WebClient web, String token, String path) {
        return web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                .header("Authorization", "Bearer " + token)
                .build());
    }
}
