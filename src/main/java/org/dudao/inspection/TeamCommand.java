package org.dudao.inspection;

import java.util.List;

/** A new inspection team: its name and members (exactly one LEADER; MEMBERs from member units; EXPERTs by name). */
public record TeamCommand(String name, List<MemberCommand> members) {

    /**
     * @param unitId the member unit (LEADER, MEMBER), within the office's jurisdiction
     * @param organisation where an invited expert comes from
     * @param username the account that scores for the team on site, if any
     */
    public record MemberCommand(String role, String name, Long unitId, String organisation, String username) {}
}
