package org.dudao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import org.dudao.identity.domain.AccountService;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts: unique login names, the 三员 separation, and what each administrator may reach. */
@DudaoIntegrationTest
class AccountAdministrationIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoLoginNamesAreKeptExactlyAsPrinted() {
        assertThat(jdbc.sql("select username from identity_account where username_key = 'pdssszfbgsxzfyysk'")
                        .query(String.class)
                        .single())
                .isEqualTo("Pdssszfbgsxzfyysk");
        WebClient web = new WebClient(port);
        assertThat(WebClient.location(web.login("pdssszfbgsxzfyysk", demo.password("Pdssszfbgsxzfyysk"))))
                .endsWith("/");
    }

    @Test
    void usernamesDifferingOnlyInCaseOrWidthAreRefused() {
        long unit = unitId("市委编办");
        assertThatThrownBy(() -> accounts.create(
                        new NewAccount("PDSSSWBB", "重复", unit, EnumSet.noneOf(Role.class), null, true, null)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("username.taken");
        assertThatThrownBy(() -> accounts.create(
                        new NewAccount("ｐｄｓｓｓｗｂｂ", "重复", unit, EnumSet.noneOf(Role.class), null, true, null)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void securityAdminCannotGiveOneAccountTwoAdministratorRoles() {
        long id = accountId("pds-bm2-45");
        WebClient sec = new WebClient(port);
        sec.login("secadmin", demo.password("secadmin"));
        sec.get("/admin/accounts");
        HttpResponse<String> r = sec.post("/admin/accounts/" + id + "/roles", Map.of("roles", "SYSTEM_ADMIN"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(sec.get("/admin/accounts").body()).contains("角色已保存");
        // form encoding of two values for one name
        HttpResponse<String> two = sec.postRaw(
                "/admin/accounts/" + id + "/roles",
                "_csrf=" + sec.csrf() + "&roles=SYSTEM_ADMIN&roles=AUDIT_ADMIN",
                "application/x-www-form-urlencoded");
        assertThat(two.statusCode()).isEqualTo(302);
        assertThat(sec.get("/admin/accounts").body()).contains("三员）不能由同一账户兼任");
        assertThat(jdbc.sql("select role from identity_account_role where account_id = " + id)
                        .query(String.class)
                        .list())
                .containsExactly("SYSTEM_ADMIN");
        // put the demo account back
        sec.get("/admin/accounts");
        sec.post("/admin/accounts/" + id + "/roles", Map.of("roles", "TARGET"));
    }

    @Test
    void administratorsCannotReachBusinessPermissionsOrEachOthersPages() {
        assertThatThrownBy(() -> accounts.grant(Role.AUDIT_ADMIN, "scoring:result:read"))
                .isInstanceOf(InvalidInputException.class);
        WebClient audit = new WebClient(port);
        audit.login("auditadmin", demo.password("auditadmin"));
        assertThat(audit.get("/admin/accounts").statusCode()).isEqualTo(403);
        assertThat(audit.get("/units").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'security.access'"
                                + " and outcome = 'DENIED' and actor_username = 'auditadmin'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        WebClient sys = new WebClient(port);
        sys.login("sysadmin", demo.password("sysadmin"));
        assertThat(sys.get("/audit").statusCode()).isEqualTo(403);
        assertThat(sys.get("/admin/roles").statusCode()).isEqualTo(403);
        assertThat(sys.get("/admin/accounts").statusCode()).isEqualTo(200);
        String perms = String.join(
                ",",
                jdbc.sql("select permission from identity_role_permission where role in"
                                + " ('SYSTEM_ADMIN','SECURITY_ADMIN','AUDIT_ADMIN')")
                        .query(String.class)
                        .list());
        for (String module : Role.BUSINESS_MODULES) {
            assertThat(perms).doesNotContain(module + ":");
        }
    }

    @Test
    void systemAdminCreatesAnAccountWhosePasswordMustBeChangedAtFirstLogin() {
        WebClient sys = new WebClient(port);
        sys.login("sysadmin", demo.password("sysadmin"));
        sys.get("/admin/accounts");
        HttpResponse<String> r = sys.post(
                "/admin/accounts",
                Map.of("username", "new-clerk-01", "displayName", "新职员", "unitId", String.valueOf(unitId("市委编办"))));
        assertThat(r.statusCode()).isEqualTo(302);
        String page = sys.get("/admin/accounts").body();
        assertThat(page).contains("账户 new-clerk-01 已创建，初始密码：");
        String password = page.replaceAll("(?s).*初始密码：(\\S+?)（.*", "$1");
        WebClient clerk = new WebClient(port);
        clerk.login("new-clerk-01", password);
        assertThat(WebClient.location(clerk.get("/"))).endsWith("/account/password");
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'identity.account.create'"
                                + " and actor_username = 'sysadmin'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void systemAdminSetsAnEmailAddressForNotifications() {
        WebClient sys = new WebClient(port);
        sys.login("sysadmin", demo.password("sysadmin"));
        sys.get("/admin/accounts");
        long id = jdbc.sql("select id from identity_account where username = 'pds-leader'")
                .query(Long.class)
                .single();
        HttpResponse<String> bad = sys.post("/admin/accounts/" + id + "/email", Map.of("email", "不是邮箱"));
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(sys.get("/admin/accounts").body()).contains("电子邮箱格式不正确");
        sys.post("/admin/accounts/" + id + "/email", Map.of("email", "leader@pds.example"));
        assertThat(sys.get("/admin/accounts").body()).contains("leader@pds.example");
        assertThat(jdbc.sql("select email from identity_account where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("leader@pds.example");
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'identity.account.email'"
                                + " and object_id = ?")
                        .param(String.valueOf(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private long unitId(String name) {
        return jdbc.sql("select id from organization_unit where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    private long accountId(String username) {
        return jdbc.sql("select id from identity_account where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }
}
