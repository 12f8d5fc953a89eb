package org.dudao.report.dashboard;

import java.util.Locale;

/** Whose dashboard: the office (考核办), a leader (领导小组), a target (考核对象) or an assessor (考核主体). */
public enum DashboardRole {
    OFFICE,
    LEADER,
    TARGET,
    ASSESSOR;

    /** The role named by a request ({@code office}, {@code TARGET} …); null for none or an unknown name. */
    public static DashboardRole parseOrNull(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
