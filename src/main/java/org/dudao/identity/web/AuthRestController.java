package org.dudao.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.dudao.identity.domain.DudaoUser;
import org.dudao.identity.domain.LoginService;
import org.dudao.identity.domain.TokenStore;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: a bearer token for API clients, under the same lockout as the form. */
@RestController
@Tag(name = "auth", description = "API 令牌 / bearer tokens")
class AuthRestController {

    private final LoginService login;
    private final TokenStore tokens;
    private final ProblemResponses problems;
    private final ApplicationEventPublisher events;
    private final DudaoProperties properties;
    private final Clock clock;

    AuthRestController(
            LoginService login,
            TokenStore tokens,
            ProblemResponses problems,
            ApplicationEventPublisher events,
            DudaoProperties properties,
            Clock clock) {
        this.login = login;
        this.tokens = tokens;
        this.problems = problems;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    record TokenRequest(String username, String password) {}

    record TokenResponse(String token, Instant expiresAt) {}

    @Operation(summary = "用户名和密码换取访问令牌 / exchange username and password for a bearer token")
    @PostMapping(path = "/api/v1/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse token(@RequestBody TokenRequest body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String username = body == null || body.username() == null ? "" : body.username();
        String password = body == null || body.password() == null ? "" : body.password();
        DudaoUser user;
        try {
            user = login.login(username, password);
        } catch (BadCredentialsException e) {
            problems.write(request, response, 401, "Unauthorized", LoginService.GENERIC_FAILURE);
            return null;
        }
        if (user.passwordChangeRequired()) {
            problems.write(request, response, 403, "Forbidden", "api.passwordChangeRequired");
            return null;
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.security().tokenTtl());
        String token = TokenStore.newToken();
        tokens.saveApiToken(token, user.currentUser().accountId(), now, expiresAt);
        var u = user.currentUser();
        events.publishEvent(new AuditEvent(
                "identity.token.issue",
                "account",
                String.valueOf(u.accountId()),
                AuditEvent.Outcome.SUCCESS,
                null,
                null,
                "expires " + expiresAt,
                new AuditEvent.Actor(u.accountId(), u.username(), u.unitId(), String.join(",", u.roles()))));
        return new TokenResponse(token, expiresAt);
    }
}
