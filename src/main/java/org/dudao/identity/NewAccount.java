package org.dudao.identity;

import java.util.Set;

/**
 * An account to create.
 *
 * @param password the initial password; null to generate one
 * @param mustChangePassword whether the first login must change it
 */
public record NewAccount(
        String username,
        String displayName,
        long unitId,
        Set<Role> roles,
        String password,
        boolean mustChangePassword,
        String note) {}
