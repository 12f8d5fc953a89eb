package org.dudao.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dudao.identity.domain.DudaoUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** A user whose password expired (or was reset) can only change it or log out. */
public class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof DudaoUser user && user.passwordChangeRequired()) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            boolean allowed = path.equals("/account/password")
                    || path.equals("/logout")
                    || path.startsWith("/webjars/")
                    || path.startsWith("/css/")
                    || path.startsWith("/js/")
                    || path.startsWith("/error");
            if (!allowed) {
                HtmxAwareEntryPoint.redirect(request, response, "/account/password");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
