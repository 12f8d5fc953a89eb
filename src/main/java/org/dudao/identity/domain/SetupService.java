package org.dudao.identity.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.dudao.identity.NewAccount;
import org.dudao.identity.Role;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitCommand;
import org.dudao.organization.UnitKind;
import org.dudao.organization.UnitView;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 首次设置. Outside demo mode a new installation has no account with a known password: the first start
 * prints a one-time link on the console; whoever opens it creates the organisation's root unit, the
 * office, the three administrators and the first office admin, each with a password of their own.
 */
@Service
public class SetupService {

    private static final Logger log = LoggerFactory.getLogger(SetupService.class);

    private final AccountRepository accounts;
    private final AccountService accountService;
    private final TokenStore tokens;
    private final OrganizationApi organization;
    private final ApplicationEventPublisher events;
    private final DudaoProperties properties;
    private final Clock clock;

    public SetupService(
            AccountRepository accounts,
            AccountService accountService,
            TokenStore tokens,
            OrganizationApi organization,
            ApplicationEventPublisher events,
            DudaoProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.tokens = tokens;
        this.organization = organization;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs after demo data (which creates accounts) had its chance. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    public void printSetupLinkIfNeeded(ApplicationReadyEvent event) {
        if (properties.demoEnabled() || accounts.count() > 0) {
            return;
        }
        String token = issueSetupToken();
        String base = properties.baseUrl() != null
                ? properties.baseUrl()
                : "http://localhost:"
                        + event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        log.warn(
                "\n==================================================================\n"
                        + " 首次启动：尚无任何账户。请在 {} 内打开以下一次性链接，创建三员和首个考核办管理员：\n"
                        + " First start: no account exists. Open this one-time link within {} to create\n"
                        + " the three administrators and the first office admin:\n\n   {}/setup?token={}\n"
                        + "==================================================================",
                properties.security().setupLinkTtl(),
                properties.security().setupLinkTtl(),
                base,
                token);
    }

    @Transactional
    public String issueSetupToken() {
        Instant now = clock.instant();
        String token = TokenStore.newToken();
        tokens.saveSetupToken(token, now, now.plus(properties.security().setupLinkTtl()));
        return token;
    }

    public boolean tokenValid(String token) {
        return accounts.count() == 0 && tokens.setupTokenValid(token, clock.instant());
    }

    /** One account to create in the setup form. */
    public record SetupAccount(String username, String displayName, String password) {}

    /** Everything the setup form asks for. */
    public record SetupCommand(
            String organisationName,
            UnitKind organisationKind,
            String officeName,
            SetupAccount systemAdmin,
            SetupAccount securityAdmin,
            SetupAccount auditAdmin,
            SetupAccount officeAdmin) {}

    @Transactional
    public void complete(String token, SetupCommand c) {
        if (accounts.count() > 0 || !tokens.useSetupToken(token, clock.instant())) {
            throw new ConflictException(null, "setup.linkInvalid");
        }
        if (c.organisationKind() == null || !c.organisationKind().isRegion()) {
            throw new InvalidInputException("organisationKind", "setup.rootMustBeRegion");
        }
        List<String> names = List.of(
                Usernames.key(c.systemAdmin().username()),
                Usernames.key(c.securityAdmin().username()),
                Usernames.key(c.auditAdmin().username()),
                Usernames.key(c.officeAdmin().username()));
        if (names.stream().distinct().count() < 4) {
            throw new InvalidInputException("username", "setup.usernamesDistinct");
        }
        UnitView root = organization.createSystemUnit(null, UnitCommand.of(c.organisationName(), c.organisationKind()));
        UnitView office = organization.createSystemUnit(root.id(), UnitCommand.of(c.officeName(), UnitKind.DEPARTMENT));
        create(c.systemAdmin(), root.id(), Role.SYSTEM_ADMIN);
        create(c.securityAdmin(), root.id(), Role.SECURITY_ADMIN);
        create(c.auditAdmin(), root.id(), Role.AUDIT_ADMIN);
        create(c.officeAdmin(), office.id(), Role.OFFICE_ADMIN);
        events.publishEvent(AuditEvent.success("identity.setup.complete", "installation", root.id(), null, null));
    }

    private void create(SetupAccount a, long unitId, Role role) {
        accountService.create(
                new NewAccount(a.username(), a.displayName(), unitId, EnumSet.of(role), a.password(), false, null));
    }
}
