package org.dudao.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Roles. The three administrators (三员: 系统管理员, 安全保密管理员, 安全审计员) are held by three
 * different accounts, never together and never with a business role, and none of them can read or
 * change business scores.
 */
public enum Role {
    OFFICE_ADMIN(false),
    ASSESSOR(false),
    TARGET(false),
    INSPECTOR(false),
    LEADER(false),
    SYSTEM_ADMIN(true),
    SECURITY_ADMIN(true),
    AUDIT_ADMIN(true);

    private final boolean administrator;

    Role(boolean administrator) {
        this.administrator = administrator;
    }

    /** One of the three administrators (三员). */
    public boolean isAdministrator() {
        return administrator;
    }

    public String labelKey() {
        return "role." + name();
    }

    public static Set<Role> administrators() {
        return EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);
    }

    /**
     * Modules whose data are business data (scores, evidence, results): no administrator may hold a
     * permission in them.
     */
    public static final Set<String> BUSINESS_MODULES = Set.of(
            "indicator",
            "campaign",
            "evidence",
            "evaluation",
            "scoring",
            "feedback",
            "report",
            "survey",
            "creation",
            "plan",
            "inspection");
}
