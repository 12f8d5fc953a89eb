package org.dudao.shared.notice;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * A message for people's inboxes (收件箱). Published as a Spring application event by any module inside
 * its transaction; the notification module delivers it in that same transaction, so an action that
 * rolls back sends nothing.
 *
 * <p>Recipients are the accounts listed in {@code accountIds} plus the active accounts of the listed
 * units that hold any of {@code roles}; empty {@code roles} means every active account of those units.
 * An account named in several ways receives the notice once. Role names are those of
 * {@code identity.Role} ({@code OFFICE_ADMIN}, {@code ASSESSOR}, {@code TARGET}, {@code INSPECTOR},
 * {@code LEADER}).
 *
 * @param kind what the notice is about, a free upper-case word (e.g. {@code SUBMISSION},
 *     {@code PROBLEM}); its label is the message {@code notification.kind.<KIND>}
 * @param title one line, shown in the list (stored as written: pass the user's language, Chinese first)
 * @param body more text, may be null
 * @param link a path inside Dudao to the object (e.g. {@code /campaigns/3/my/tasks/7}), may be null
 */
public record Notice(
        String kind,
        String title,
        String body,
        String link,
        Set<Long> unitIds,
        Set<String> roles,
        Set<Long> accountIds) {

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        unitIds = unitIds == null ? Set.of() : Set.copyOf(unitIds);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        accountIds = accountIds == null ? Set.of() : Set.copyOf(accountIds);
    }

    /** To the active accounts of the units holding any of the roles (every account when no role is given). */
    public static Notice toUnits(
            String kind, String title, String body, String link, Set<Long> unitIds, String... roles) {
        return new Notice(kind, title, body, link, unitIds, Set.copyOf(Arrays.asList(roles)), Set.of());
    }

    /** To the given accounts. */
    public static Notice toAccounts(String kind, String title, String body, String link, Set<Long> accountIds) {
        return new Notice(kind, title, body, link, Set.of(), Set.of(), accountIds);
    }

    /** To one account. */
    public static Notice toAccount(String kind, String title, String body, String link, long accountId) {
        return toAccounts(kind, title, body, link, Set.of(accountId));
    }
}
