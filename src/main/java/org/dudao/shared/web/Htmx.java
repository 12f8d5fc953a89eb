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
        return uri.startsWith("/api/");
    }
}
