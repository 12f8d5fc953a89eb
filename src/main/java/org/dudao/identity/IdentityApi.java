package org.dudao.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.dudao.identity.domain.AccountRepository;
import org.dudao.identity.domain.AccountService;
import org.dudao.organization.OrganizationApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's facade for other modules (start-up work such as demo data, notice recipients). */
@Service
public class IdentityApi {

    private final AccountService accounts;
    private final AccountRepository repository;
    private final OrganizationApi organization;

    IdentityApi(AccountService accounts, AccountRepository repository, OrganizationApi organization) {
        this.accounts = accounts;
        this.repository = repository;
        this.organization = organization;
    }

    /**
     * The enabled office accounts (考核办, role {@code OFFICE_ADMIN}) of a jurisdiction: those whose unit lies in
     * the jurisdiction itself, not in a county or town below it. An office account sits on the office's own
     * unit (e.g. 市法治政府建设领导小组办公室), a child of the region a campaign names as its owner, so addressing
     * the owner unit alone would reach nobody. In id order.
     */
    @Transactional(readOnly = true)
    public List<Long> officeAccountIds(long jurisdictionUnitId) {
        List<Long> out = new java.util.ArrayList<>();
        Map<Long, Long> jurisdictionOfUnit = new java.util.HashMap<>();
        for (Object[] row : repository.activeIdsAndUnitsWithRole(Role.OFFICE_ADMIN)) {
            long unit = (Long) row[1];
            if (jurisdictionOfUnit.computeIfAbsent(unit, organization::jurisdictionOf) == jurisdictionUnitId) {
                out.add((Long) row[0]);
            }
        }
        return out;
    }

    /** Creates an account; the result carries the initial password, to be handed over once. */
    @Transactional
    public CreatedAccount create(NewAccount account) {
        AccountService.Created created = accounts.create(account);
        return new CreatedAccount(created.account(), created.password());
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    /**
     * The enabled accounts of the units that hold any of the roles ({@link Role} names); every enabled
     * account of the units when {@code roles} is empty. Each account once, in id order.
     *
     * @throws IllegalArgumentException for a name that is not a role
     */
    @Transactional(readOnly = true)
    public List<Long> activeAccountIds(Collection<Long> unitIds, Collection<String> roles) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        if (roles.isEmpty()) {
            return repository.activeIdsOfUnits(unitIds);
        }
        EnumSet<Role> wanted = EnumSet.noneOf(Role.class);
        roles.forEach(r -> wanted.add(Role.valueOf(r)));
        return repository.activeIdsOfUnitsWithRoles(unitIds, wanted);
    }

    /** Those of the given accounts that exist and are enabled, in id order. */
    @Transactional(readOnly = true)
    public List<Long> activeAmong(Collection<Long> accountIds) {
        return accountIds.isEmpty() ? List.of() : repository.activeIdsAmong(accountIds);
    }

    /** The e-mail addresses of those of the accounts that are enabled and have one. */
    @Transactional(readOnly = true)
    public Map<Long, String> emails(Collection<Long> accountIds) {
        Map<Long, String> out = new java.util.TreeMap<>();
        if (!accountIds.isEmpty()) {
            for (Object[] row : repository.activeEmailsAmong(accountIds)) {
                out.put((Long) row[0], (String) row[1]);
            }
        }
        return out;
    }

    public record CreatedAccount(AccountView account, String password) {}
}
