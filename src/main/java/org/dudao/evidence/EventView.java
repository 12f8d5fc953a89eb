package org.dudao.evidence;

import java.time.Instant;

/** One step of a submission's history. */
public record EventView(
        String action, SubmissionStatus from, SubmissionStatus to, String detail, String actor, Instant at) {}
