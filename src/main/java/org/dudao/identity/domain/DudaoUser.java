package org.dudao.identity.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.dudao.shared.security.CurrentUser;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal in the security context (and in the shared HTTP session): the current user, whether
 * the password must be changed before anything else, and no password.
 */
public final class DudaoUser implements UserDetails, CredentialsContainer, CurrentUser.HasCurrentUser {

    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private final boolean passwordChangeRequired;

    public DudaoUser(CurrentUser user, boolean passwordChangeRequired) {
        this.user = user;
        this.passwordChangeRequired = passwordChangeRequired;
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    public DudaoUser withPasswordChanged() {
        return new DudaoUser(user, false);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> list = new ArrayList<>();
        user.roles().forEach(r -> list.add(new SimpleGrantedAuthority("ROLE_" + r)));
        user.permissions().forEach(p -> list.add(new SimpleGrantedAuthority(p)));
        return list;
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public void eraseCredentials() {}
}
