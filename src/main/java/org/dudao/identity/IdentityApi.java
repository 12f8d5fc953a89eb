package org.dudao.identity;

import org.dudao.identity.domain.AccountRepository;
import org.dudao.identity.domain.AccountService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's facade for other modules (start-up work such as demo data). */
@Service
public class IdentityApi {

    private final AccountService accounts;
    private final AccountRepository repository;

    IdentityApi(AccountService accounts, AccountRepository repository) {
        this.accounts = accounts;
        this.repository = repository;
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

    public record CreatedAccount(AccountView account, String password) {}
}
