package org.dudao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.dudao.identity.domain.SetupService;
import org.dudao.support.TestClockConfiguration;
import org.dudao.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Outside demo mode no account with a known password exists; a one-time link creates the first ones. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dudao.demo=false", "dudao.security.setup-link-ttl=2h", "dudao.security.cookie-secure=false"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class FirstSetupIT {

    @LocalServerPort
    int port;

    @Autowired
    SetupService setup;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOneTimeLinkCreatesTheThreeAdministratorsAndTheFirstOfficeAdmin() {
        assertThat(jdbc.sql("select count(*) from identity_account")
                        .query(Integer.class)
                        .single())
                .isZero();
        WebClient web = new WebClient(port);
        assertThat(web.get("/setup?token=guessed").statusCode()).isEqualTo(404);
        String token = setup.issueSetupToken();
        assertThat(web.get("/setup?token=" + token).statusCode()).isEqualTo(200);

        Map<String, String> form = new HashMap<>();
        form.put("token", token);
        form.put("organisationName", "平顶山市");
        form.put("organisationKind", "CITY");
        form.put("officeName", "市法治政府建设领导小组办公室");
        for (String p : new String[] {"system", "security", "audit", "office"}) {
            form.put(p + "Username", p + "-admin");
            form.put(p + "DisplayName", p);
            form.put(p + "Password", "Strong-Pass-2026!" + p);
        }
        form.put("auditPassword", "short");
        HttpResponse<String> weak = web.post("/setup", form);
        assertThat(weak.body()).contains("密码至少需要 12 个字符");
        assertThat(jdbc.sql("select count(*) from organization_unit")
                        .query(Integer.class)
                        .single())
                .isZero();

        form.put("auditPassword", "Strong-Pass-2026!audit");
        HttpResponse<String> done = web.post("/setup", form);
        assertThat(WebClient.location(done)).endsWith("/login?setup");
        assertThat(jdbc.sql("select r.role from identity_account a join identity_account_role r on r.account_id = a.id"
                                + " order by a.id")
                        .query(String.class)
                        .list())
                .containsExactly("SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN", "OFFICE_ADMIN");
        assertThat(web.get("/setup?token=" + token).statusCode()).isEqualTo(404);

        WebClient office = new WebClient(port);
        assertThat(WebClient.location(office.login("office-admin", "Strong-Pass-2026!office")))
                .endsWith("/");
        assertThat(office.get("/").body()).contains("市法治政府建设领导小组办公室").doesNotContain("演示环境");
    }
}
