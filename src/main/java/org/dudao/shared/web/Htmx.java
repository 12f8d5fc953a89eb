package org.dudao.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/** Small helpers for requests sent by htmx. */
public final class Htmx {
    private Htmx() {}

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equalsIgnoreCase(request.getHeader("HX-Request"));
    }

    public static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (uri.startsWith("/api/")) {
            return true;
        }
        // a page's script asking for JSON (fetch) gets problem+json too, not an error page
        String accept = request.getHeader("Accept");
        return accept != null && accept.startsWith("application/json") && !isHtmx(request);
    }
}
