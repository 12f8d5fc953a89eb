package org.dudao.evidence;

import java.time.Instant;
import java.util.List;

/** What was handed in at one submit; never changes afterwards. */
public record VersionView(
        int number,
        String explanation,
        List<String> checklist,
        List<Long> fileIds,
        List<Long> linkIds,
        Instant submittedAt,
        String submittedBy) {}
