package org.dudao.identity.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dudao.identity.Role;
import org.dudao.shared.db.AuditedEntity;
import org.dudao.shared.error.Texts;

/** 账户. Belongs to one unit; guards its roles (三员) and its login state (lockout). */
@Entity
@Table(name = "identity_account")
public class Account extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "username_key")
    private String usernameKey;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "unit_id")
    private long unitId;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    private boolean enabled = true;

    @Column(name = "failed_count")
    private int failedCount;

    @Column(name = "first_failed_at")
    private Instant firstFailedAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    private String note;

    private String email;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "identity_account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected Account() {}

    public Account(String username, String displayName, long unitId, String passwordHash, Instant now) {
        this.username = Usernames.clean(username);
        this.usernameKey = Usernames.key(this.username);
        this.displayName = Texts.required("displayName", displayName, 100);
        this.unitId = unitId;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
    }

    /** Replaces the roles after checking the 三员 rules. */
    public void assignRoles(Set<Role> newRoles) {
        Set<Role> copy = newRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(newRoles);
        RoleRules.checkCombination(copy);
        this.roles.clear();
        this.roles.addAll(copy);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * 登录失败. Counts failures in a window opened by the first one; the threshold-th failure in the
     * window locks the account. Returns true when this failure locked it.
     */
    public boolean recordFailure(Instant now, int threshold, Duration window, Duration lockFor) {
        if (firstFailedAt == null || !now.isBefore(firstFailedAt.plus(window))) {
            firstFailedAt = now;
            failedCount = 0;
        }
        failedCount++;
        if (failedCount >= threshold) {
            lockedUntil = now.plus(lockFor);
            failedCount = 0;
            firstFailedAt = null;
            return true;
        }
        return false;
    }

    public void recordSuccess(Instant now) {
        failedCount = 0;
        firstFailedAt = null;
        lockedUntil = null;
        lastLoginAt = now;
    }

    /** 解锁, by the security admin. */
    public void unlock() {
        failedCount = 0;
        firstFailedAt = null;
        lockedUntil = null;
    }

    public void changePassword(String newHash, Instant now, boolean mustChangeNext) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        this.mustChangePassword = mustChangeNext;
    }

    public boolean passwordChangeRequired(Instant now, Duration expiry) {
        return mustChangePassword || !now.isBefore(passwordChangedAt.plus(expiry));
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public void rename(String displayName) {
        this.displayName = Texts.required("displayName", displayName, 100);
    }

    public void setNote(String note) {
        this.note = Texts.optional("note", note, 500);
    }

    /** What the audit log records of an account (never the password hash). */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", username);
        m.put("displayName", displayName);
        m.put("unitId", unitId);
        m.put("roles", new TreeSet<>(roles.stream().map(Enum::name).toList()));
        m.put("enabled", enabled);
        m.put("lockedUntil", lockedUntil == null ? null : lockedUntil.toString());
        m.put("email", email);
        return m;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public long getUnitId() {
        return unitId;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public String getNote() {
        return note;
    }

    public String getEmail() {
        return email;
    }

    /** An e-mail address (checked loosely: one @, a dot in the domain, no spaces), or null to remove it. */
    public void setEmail(String email) {
        String e = Texts.optional("email", email, 254);
        if (e != null && !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new org.dudao.shared.error.InvalidInputException("email", "account.emailInvalid");
        }
        this.email = e;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}
