package org.dudao.identity.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 登录. Checks the password with lockout: 5 failures within 15 minutes lock the account for 30
 * minutes. An unknown user, a wrong password, a disabled and a locked account all get the same
 * answer, so that the form tells an attacker nothing. Every outcome is audited.
 */
@Component
public class LoginService {

    /** The one message every failed login shows. */
    public static final String GENERIC_FAILURE = "login.failed";

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final PrincipalFactory principals;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final DudaoProperties properties;
    private final Clock clock;
    private final String dummyHash;

    public LoginService(
            AccountRepository accounts,
            PasswordEncoder encoder,
            PrincipalFactory principals,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            DudaoProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.principals = principals;
        this.events = events;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = encoder.encode("dudao-timing-equaliser-" + TokenStore.newToken());
    }

    /** Returns the principal or throws {@link BadCredentialsException} with the generic message. */
    public DudaoUser login(String typedUsername, String password) {
        Instant now = clock.instant();
        String key = Usernames.key(typedUsername);
        String shownName = typedUsername.length() > 64 ? typedUsername.substring(0, 64) : typedUsername;
        // failures are committed (counted, audited) before the exception is thrown
        DudaoUser result = tx.execute(status -> {
            Optional<Account> found = accounts.findByUsernameKey(key);
            if (found.isEmpty()) {
                encoder.matches(password, dummyHash); // same time as a real check
                audit(AuditEvent.Outcome.FAILURE, null, shownName, "unknown user");
                return null;
            }
            Account account = found.get();
            if (account.isLocked(now)) {
                encoder.matches(password, dummyHash);
                audit(
                        AuditEvent.Outcome.DENIED,
                        account,
                        shownName,
                        "account locked until " + account.getLockedUntil());
                return null;
            }
            if (!encoder.matches(password, account.getPasswordHash())) {
                var s = properties.security();
                boolean locked =
                        account.recordFailure(now, s.lockoutThreshold(), s.lockoutWindow(), s.lockoutDuration());
                accounts.save(account);
                audit(AuditEvent.Outcome.FAILURE, account, shownName, "wrong password");
                if (locked) {
                    events.publishEvent(new AuditEvent(
                            "identity.account.lockout",
                            "account",
                            String.valueOf(account.getId()),
                            AuditEvent.Outcome.SUCCESS,
                            null,
                            account.snapshot(),
                            "locked after " + s.lockoutThreshold() + " failures",
                            actor(account, shownName)));
                }
                return null;
            }
            if (!account.isEnabled()) {
                audit(AuditEvent.Outcome.DENIED, account, shownName, "account disabled");
                return null;
            }
            account.recordSuccess(now);
            accounts.save(account);
            DudaoUser user = principals.principalOf(account);
            audit(AuditEvent.Outcome.SUCCESS, account, shownName, null);
            return user;
        });
        if (result == null) {
            throw failure();
        }
        return result;
    }

    private void audit(AuditEvent.Outcome outcome, Account account, String typed, String detail) {
        events.publishEvent(new AuditEvent(
                "identity.login",
                "account",
                account == null ? null : String.valueOf(account.getId()),
                outcome,
                null,
                null,
                detail,
                actor(account, typed)));
    }

    private static AuditEvent.Actor actor(Account account, String typed) {
        if (account == null) {
            return new AuditEvent.Actor(null, typed, null, null);
        }
        return new AuditEvent.Actor(
                account.getId(),
                account.getUsername(),
                account.getUnitId(),
                String.join(",", account.getRoles().stream().map(Enum::name).toList()));
    }

    private static BadCredentialsException failure() {
        return new BadCredentialsException(GENERIC_FAILURE);
    }
}
