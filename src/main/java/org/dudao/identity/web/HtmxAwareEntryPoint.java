package org.dudao.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dudao.shared.web.Htmx;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Sends an unauthenticated page request to the login form. An htmx request gets 401 with
 * {@code HX-Redirect}, so the browser reloads the whole login page instead of swapping a login form
 * into a table.
 */
@Component
public class HtmxAwareEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        redirect(request, response, "/login");
    }

    static void redirect(HttpServletRequest request, HttpServletResponse response, String target) throws IOException {
        String url = request.getContextPath() + target;
        if (Htmx.isHtmx(request)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", url);
        } else {
            response.sendRedirect(url);
        }
    }
}
