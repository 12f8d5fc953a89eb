package org.dudao.identity.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dudao.identity.AccountView;
import org.dudao.identity.NewAccount;
import org.dudao.identity.PasswordGenerator;
import org.dudao.identity.Role;
import org.dudao.organization.OrganizationApi;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.ConflictException;
import org.dudao.shared.error.InvalidInputException;
import org.dudao.shared.error.NotFoundException;
import org.dudao.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account actions of the system admin, the security admin and the account holder. */
@Service
@Transactional
public class AccountService {

    static final String TYPE = "account";

    private final AccountRepository accounts;
    private final PasswordHistoryStore history;
    private final PermissionStore permissions;
    private final TokenStore tokens;
    private final PasswordEncoder encoder;
    private final OrganizationApi organization;
    private final ApplicationEventPublisher events;
    private final DudaoProperties properties;
    private final Clock clock;

    public AccountService(
            AccountRepository accounts,
            PasswordHistoryStore history,
            PermissionStore permissions,
            TokenStore tokens,
            PasswordEncoder encoder,
            OrganizationApi organization,
            ApplicationEventPublisher events,
            DudaoProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.history = history;
        this.permissions = permissions;
        this.tokens = tokens;
        this.encoder = encoder;
        this.organization = organization;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    public PasswordPolicy policy() {
        return new PasswordPolicy(properties.security().passwordMinLength());
    }

    /** Creates an account; returns it with the initial password (generated when none was given). */
    public Created create(NewAccount command) {
        String username = Usernames.clean(command.username());
        if (accounts.existsByUsernameKey(Usernames.key(username))) {
            throw new ConflictException("username", "username.taken", username);
        }
        if (organization.find(command.unitId()).isEmpty()) {
            throw new InvalidInputException("unitId", "account.unitUnknown");
        }
        String password = command.password() != null ? command.password() : PasswordGenerator.generate(16);
        policy().check(username, password);
        Instant now = clock.instant();
        String hash = encoder.encode(password);
        Account account = new Account(username, command.displayName(), command.unitId(), hash, now);
        account.assignRoles(command.roles() == null ? EnumSet.noneOf(Role.class) : command.roles());
        account.changePassword(hash, now, command.mustChangePassword());
        account.setNote(command.note());
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("username", "username.taken", username);
        }
        history.add(account.getId(), hash, now);
        events.publishEvent(
                AuditEvent.success("identity.account.create", TYPE, account.getId(), null, account.snapshot()));
        return new Created(view(account), password);
    }

    /** The account and the password to hand over once. */
    public record Created(AccountView account, String password) {}

    /** The holder changes their own password: current one, policy, not one of the last five. */
    public void changeOwnPassword(long accountId, String current, String newPassword) {
        Account account = load(accountId);
        if (current == null || !encoder.matches(current, account.getPasswordHash())) {
            events.publishEvent(new AuditEvent(
                    "identity.password.change",
                    TYPE,
                    String.valueOf(accountId),
                    AuditEvent.Outcome.FAILURE,
                    null,
                    null,
                    "current password wrong",
                    null));
            throw new InvalidInputException("currentPassword", "password.currentWrong");
        }
        policy().check(account.getUsername(), newPassword);
        for (String old : history.recent(accountId, properties.security().passwordHistory())) {
            if (encoder.matches(newPassword, old)) {
                throw new InvalidInputException(
                        "password", "password.reused", properties.security().passwordHistory());
            }
        }
        setPassword(account, newPassword, false);
        events.publishEvent(AuditEvent.success("identity.password.change", TYPE, accountId, null, null));
    }

    /** 重置口令 (system admin): a generated password that must be changed at the next login. */
    public String resetPassword(long accountId) {
        Account account = load(accountId);
        String password = PasswordGenerator.generate(16);
        setPassword(account, password, true);
        tokens.revokeApiTokensOf(accountId, clock.instant());
        events.publishEvent(AuditEvent.success("identity.password.reset", TYPE, accountId, null, null));
        return password;
    }

    /** 分配角色 (security admin), under the 三员 rules; nobody changes their own roles. */
    public AccountView assignRoles(long accountId, Set<Role> roles, CurrentUser actor) {
        if (actor != null && actor.accountId() == accountId) {
            throw new InvalidInputException("roles", "role.notOwn");
        }
        Account account = load(accountId);
        Map<String, Object> before = account.snapshot();
        account.assignRoles(roles);
        accounts.saveAndFlush(account);
        events.publishEvent(AuditEvent.success("identity.account.roles", TYPE, accountId, before, account.snapshot()));
        return view(account);
    }

    /** 解锁 (security admin). */
    public AccountView unlock(long accountId) {
        Account account = load(accountId);
        Map<String, Object> before = account.snapshot();
        account.unlock();
        accounts.saveAndFlush(account);
        events.publishEvent(AuditEvent.success("identity.account.unlock", TYPE, accountId, before, account.snapshot()));
        return view(account);
    }

    /** 启用/停用 (system admin); a disabled account's API tokens stop working. */
    public AccountView setEnabled(long accountId, boolean enabled, CurrentUser actor) {
        if (actor != null && actor.accountId() == accountId && !enabled) {
            throw new InvalidInputException("enabled", "account.cannotDisableSelf");
        }
        Account account = load(accountId);
        Map<String, Object> before = account.snapshot();
        account.setEnabled(enabled);
        accounts.saveAndFlush(account);
        if (!enabled) {
            tokens.revokeApiTokensOf(accountId, clock.instant());
        }
        events.publishEvent(
                AuditEvent.success("identity.account.enabled", TYPE, accountId, before, account.snapshot()));
        return view(account);
    }

    /** The account's e-mail address for notifications (null removes it). */
    public AccountView setEmail(long accountId, String email) {
        Account account = load(accountId);
        Map<String, Object> before = account.snapshot();
        account.setEmail(email);
        accounts.saveAndFlush(account);
        events.publishEvent(AuditEvent.success("identity.account.email", TYPE, accountId, before, account.snapshot()));
        return view(account);
    }

    public void grant(Role role, String permission) {
        RoleRules.checkGrant(role, permission);
        if (permissions.grant(role, permission)) {
            events.publishEvent(AuditEvent.success(
                    "identity.permission.grant", "role", role.name(), null, Map.of("permission", permission)));
        }
    }

    public void revoke(Role role, String permission) {
        if (permissions.revoke(role, permission)) {
            events.publishEvent(AuditEvent.success(
                    "identity.permission.revoke", "role", role.name(), Map.of("permission", permission), null));
        }
    }

    @Transactional(readOnly = true)
    public List<AccountView> list() {
        return accounts.findAllByOrderByIdAsc().stream()
                .map(AccountService::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public AccountView get(long id) {
        return view(load(id));
    }

    private void setPassword(Account account, String password, boolean mustChange) {
        Instant now = clock.instant();
        String hash = encoder.encode(password);
        account.changePassword(hash, now, mustChange);
        accounts.saveAndFlush(account);
        history.add(account.getId(), hash, now);
    }

    private Account load(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException(TYPE, id));
    }

    static AccountView view(Account a) {
        return new AccountView(
                a.getId(),
                a.getUsername(),
                a.getDisplayName(),
                a.getUnitId(),
                a.getRoles(),
                a.isEnabled(),
                a.getLockedUntil(),
                a.getLastLoginAt(),
                a.getPasswordChangedAt(),
                a.getNote(),
                a.getEmail());
    }
}
