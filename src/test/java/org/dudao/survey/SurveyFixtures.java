package org.dudao.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dudao.indicator.IndicatorApi;
import org.dudao.indicator.IndicatorNode;
import org.dudao.indicator.IndicatorTree;
import org.dudao.indicator.NodeKind;
import org.dudao.indicator.domain.IndicatorService;
import org.dudao.organization.OrganizationApi;
import org.dudao.shared.security.CurrentUser;
import org.dudao.support.WebClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test helpers: a 2022 indicator system whose 满意度调查 task has points (the built-in one prints none), as
 * an office would prepare it, and an anonymous respondent's browser (its own cookies and address).
 */
final class SurveyFixtures {

    /** The task of PDS-2022-ASSESS the office turns into the satisfaction task (004:467-469 names 群众满意度). */
    static final String SATISFACTION_TASK = "深化公共法律服务体系建设";

    private SurveyFixtures() {}

    static CurrentUser office(JdbcClient jdbc, OrganizationApi organization, String username) {
        long unit = jdbc.sql("select unit_id from identity_account where username = ?")
                .param(username)
                .query(Long.class)
                .single();
        long city = organization.jurisdictionOf(unit);
        return new CurrentUser(0, username, "考核办", unit, "考核办", city, Set.of("OFFICE_ADMIN"), Set.of(), false);
    }

    /**
     * A new published version of PDS-2022-ASSESS where {@link #SATISFACTION_TASK} is worth 10 points and is
     * assessed by 满意度调查 only; idempotent (nothing new when the newest version already has it).
     */
    static synchronized void prepareSystem(IndicatorApi indicatorApi, IndicatorService indicators, CurrentUser office) {
        IndicatorTree tree = indicatorApi.builtinTree("PDS-2022-ASSESS", office);
        IndicatorNode node = find(tree.roots());
        if (node.points() != null) {
            return;
        }
        long draft = indicators.newDraft(tree.system().id(), office).id();
        IndicatorNode n = find(indicatorApi.tree(draft).roots());
        IndicatorNode changed = new IndicatorNode(
                n.id(),
                NodeKind.TASK,
                n.label(),
                n.name(),
                new BigDecimal("10"),
                null,
                List.of("满意度调查"),
                n.materials(),
                n.deadline(),
                n.description(),
                n.requirement(),
                n.assessorLead(),
                n.assessorCo(),
                n.responsibleLead(),
                n.responsibleCo(),
                n.categories(),
                n.wordLimit(),
                n.wordLimitMax(),
                n.sourceRef(),
                "测试：考核办为满意度调查设定分值10分（来源未印分值）",
                List.of());
        indicators.updateNode(draft, n.id(), changed, office);
        indicators.publish(draft, office);
    }

    private static IndicatorNode find(List<IndicatorNode> nodes) {
        for (IndicatorNode n : nodes) {
            if (n.kind() == NodeKind.TASK && SATISFACTION_TASK.equals(n.name())) {
                return n;
            }
            try {
                return find(n.children());
            } catch (AssertionError e) {
                // not in this subtree
            }
        }
        throw new AssertionError("no task " + SATISFACTION_TASK);
    }

    /** An anonymous respondent: a browser-like client with its own cookies, seen from its own address. */
    static final class Respondent {
        private static final Pattern PAGE_TOKEN = Pattern.compile("name=\"pageToken\" value=\"([^\"]+)\"");
        final WebClient web;
        final String address;
        String pageToken;

        Respondent(int port, String address) {
            this.web = new WebClient(port);
            this.address = address;
        }

        HttpResponse<String> open(String path) {
            HttpResponse<String> r = web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                    .header("X-Forwarded-For", address)
                    .GET()
                    .build());
            Matcher m = PAGE_TOKEN.matcher(r.body());
            pageToken = m.find() ? m.group(1) : null;
            return r;
        }

        HttpResponse<String> post(String path, String form) {
            return web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
                    .header("X-Forwarded-For", address)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                    .build());
        }
    }

    static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(java.net.URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    static void assertStatus(HttpResponse<?> r, int status) {
        assertThat(r.statusCode()).as(String.valueOf(r.body())).isEqualTo(status);
    }
}
