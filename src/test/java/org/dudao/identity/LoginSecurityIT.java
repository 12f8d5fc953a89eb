package org.dudao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.dudao.support.DemoAccounts;
import org.dudao.support.DudaoIntegrationTest;
import org.dudao.support.MutableClock;
import org.dudao.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Form login, lockout, idle timeout, CSRF, logout and the htmx session-expiry answer, over real HTTP. */
@DudaoIntegrationTest
class LoginSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demo;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void countyAccountLogsInAndSeesItsOwnHomePageInChinese() {
        WebClient web = new WebClient(port);
        HttpResponse<String> login = web.login("pds-xq-01", demo.password("pds-xq-01"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(login)).endsWith("/");
        HttpResponse<String> home = web.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("舞钢市人民政府").contains("您好").contains("演示环境");
    }

    @Test
    void wrongPasswordUnknownUserAndLockedAccountGetTheSameMessage_andFiveFailuresLock() {
        String user = "pds-bm2-40";
        String right = demo.password(user);
        WebClient web = new WebClient(port);
        HttpResponse<String> unknown = web.login("no-such-user", "Whatever-123!");
        assertThat(WebClient.location(unknown)).endsWith("/login?error");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = web.login(user, "Wrong-password-" + i);
            assertThat(WebClient.location(wrong)).endsWith("/login?error");
        }
        // locked: even the right password fails, with the same answer
        HttpResponse<String> locked = web.login(user, right);
        assertThat(WebClient.location(locked)).endsWith("/login?error");
        String page = web.get("/login?error").body();
        assertThat(page).contains("登录失败：用户名或密码错误，或账户已被锁定");
        assertThat(audited("identity.account.lockout", user)).isEqualTo(1);
        assertThat(auditedOutcome("identity.login", user, "DENIED")).isGreaterThanOrEqualTo(1);

        // after 30 minutes the lock expires by itself
        clock.advance(Duration.ofMinutes(31));
        assertThat(WebClient.location(new WebClient(port).login(user, right))).endsWith("/");
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotLock() {
        String user = "pds-bm2-41";
        WebClient web = new WebClient(port);
        for (int i = 0; i < 4; i++) {
            web.login(user, "Wrong-password-" + i);
        }
        clock.advance(Duration.ofMinutes(16));
        web.login(user, "Wrong-password-x");
        assertThat(WebClient.location(web.login(user, demo.password(user)))).endsWith("/");
    }

    @Test
    void securityAdminUnlocksALockedAccount() {
        String user = "pds-bm2-42";
        WebClient attacker = new WebClient(port);
        for (int i = 0; i < 5; i++) {
            attacker.login(user, "Wrong-password-" + i);
        }
        assertThat(WebClient.location(new WebClient(port).login(user, demo.password(user))))
                .endsWith("/login?error");

        WebClient sec = new WebClient(port);
        sec.login("secadmin", demo.password("secadmin"));
        long id = jdbc.sql("select id from identity_account where username = :u")
                .param("u", user)
                .query(Long.class)
                .single();
        HttpResponse<String> accounts = sec.get("/admin/accounts");
        assertThat(accounts.body()).contains("解锁");
        HttpResponse<String> unlock = sec.post("/admin/accounts/" + id + "/unlock", Map.of());
        assertThat(unlock.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(new WebClient(port).login(user, demo.password(user))))
                .endsWith("/");
        assertThat(audited("identity.account.unlock", "secadmin")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void idleSessionEndsAfterThirtyMinutes_andHtmxGetsAFullPageRedirect() {
        WebClient web = new WebClient(port);
        web.login("pds-xq-02", demo.password("pds-xq-02"));
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(29));
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        HttpResponse<String> htmx = web.get("/", "HX-Request", "true");
        assertThat(htmx.statusCode()).isEqualTo(401);
        assertThat(htmx.headers().firstValue("HX-Redirect"))
                .hasValueSatisfying(v -> assertThat(v).endsWith("/login?timeout"));
        assertThat(htmx.body()).doesNotContain("<form");
        HttpResponse<String> again = web.get("/");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(again)).contains("/login");
    }

    @Test
    void postWithoutCsrfTokenIsRejected() {
        WebClient web = new WebClient(port);
        web.login("pds-office", demo.password("pds-office"));
        HttpResponse<String> r = web.postRaw(
                "/units", "name=%E6%B5%8B%E8%AF%95&kind=DEPARTMENT&parentId=1", "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from organization_unit where name = '测试'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void logoutEndsTheServerSession() {
        WebClient web = new WebClient(port);
        web.login("pds-xq-03", demo.password("pds-xq-03"));
        web.get("/");
        HttpResponse<String> out = web.post("/logout", Map.of());
        assertThat(WebClient.location(out)).endsWith("/login?logout");
        assertThat(web.get("/").statusCode()).isEqualTo(302);
        assertThat(audited("identity.logout", "pds-xq-03")).isEqualTo(1);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() {
        WebClient web = new WebClient(port);
        HttpResponse<String> login = web.login("pds-xq-05", demo.password("pds-xq-05"));
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c)
                        .startsWith("DUDAO_SESSION=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
    }

    @Test
    void expiredPasswordMustBeChangedBeforeAnythingElse_andHistoryIsEnforced() {
        String user = "pds-xq-06";
        String old = demo.password(user);
        clock.advance(Duration.ofDays(91));
        WebClient web = new WebClient(port);
        web.login(user, old);
        HttpResponse<String> home = web.get("/");
        assertThat(WebClient.location(home)).endsWith("/account/password");
        assertThat(web.get("/account/password").body()).contains("密码已过期");
        HttpResponse<String> same =
                web.post("/account/password", Map.of("currentPassword", old, "password", old, "confirmPassword", old));
        assertThat(same.body()).contains("不能使用最近 5 次用过的密码");
        HttpResponse<String> weak = web.post(
                "/account/password",
                Map.of("currentPassword", old, "password", "abcdefghijkl", "confirmPassword", "abcdefghijkl"));
        assertThat(weak.body()).contains("至少 3 类");
        String fresh = "Fresh-Pass-2026!";
        HttpResponse<String> ok = web.post(
                "/account/password", Map.of("currentPassword", old, "password", fresh, "confirmPassword", fresh));
        assertThat(WebClient.location(ok)).endsWith("/");
        assertThat(web.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void apiTokenIsIssuedForValidCredentialsOnly_andEveryApiCallNeedsIt() {
        WebClient web = new WebClient(port);
        HttpResponse<String> bad =
                json(web, "/api/v1/auth/token", "{\"username\":\"pds-xq-07\",\"password\":\"nope\"}");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(web.get("/api/v1/me").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = json(
                web,
                "/api/v1/auth/token",
                "{\"username\":\"PDS-XQ-07\",\"password\":\"" + demo.password("pds-xq-07") + "\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"token\"").contains("\"expiresAt\"");
        String token = ok.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> me = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/v1/me"))
                .header("Authorization", "Bearer " + token)
                .build());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body())
                .contains("\"username\":\"pds-xq-07\"")
                .contains("TARGET")
                .contains("卫东区人民政府");
        HttpResponse<String> forged = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/v1/me"))
                .header("Authorization", "Bearer " + token + "x")
                .build());
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void malformedJsonAndInvalidUtf8GetAProblemNotAStackTrace() {
        WebClient web = new WebClient(port);
        HttpResponse<String> r = web.postBytes(
                "/api/v1/auth/token",
                new byte[] {'{', '"', 'u', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                "application/json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("无法解析").doesNotContain("Exception").doesNotContain("at org.");
    }

    private static HttpResponse<String> json(WebClient web, String path, String body) {
        return web.postRaw(path, body, "application/json");
    }

    private int audited(String action, String username) {
        return jdbc.sql("select count(*) from audit_record where action = :a and actor_username = :u")
                .param("a", action)
                .param("u", username)
                .query(Integer.class)
                .single();
    }

    private int auditedOutcome(String action, String username, String outcome) {
        return jdbc.sql("select count(*) from audit_record where action = :a and actor_username = :u and outcome = :o")
                .param("a", action)
                .param("u", username)
                .param("o", outcome)
                .query(Integer.class)
                .single();
    }
}
