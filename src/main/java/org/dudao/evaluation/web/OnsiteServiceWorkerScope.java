package org.dudao.evaluation.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the on-site page's service worker ({@code /js/onsite-sw.js}) control {@code /campaigns/{id}/onsite}:
 * a worker's scope may not lie outside its script's folder unless the script is served with
 * {@code Service-Worker-Allowed}. The page registers it with the scope of its own path only.
 */
@Component
class OnsiteServiceWorkerScope extends OncePerRequestFilter {

    static final String SCRIPT = "/js/onsite-sw.js";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(request.getContextPath() + SCRIPT);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Service-Worker-Allowed", request.getContextPath() + "/campaigns/");
        chain.doFilter(request, response);
    }
}
