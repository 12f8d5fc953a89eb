package org.dudao.inspection;

import java.time.LocalDate;

/** 实地督察日程: a team's visit to a target on a day. */
public record VisitView(long id, long targetId, String targetName, long teamId, String teamName, LocalDate visitOn) {}
