package org.dudao.inspection;

import java.time.Instant;

/** 现场反馈: what a team told the target on the spot. */
public record NoteView(long id, long targetId, Long teamId, String body, String by, Instant at) {}
