package org.dudao.calendar.domain;

import java.time.Instant;
import java.time.LocalDate;

/** 本地调整: a day off or working day decided for this installation's jurisdiction, with its reason. */
public record LocalOverride(
        long id, LocalDate date, SpecialDayKind kind, String reason, String createdBy, Instant createdAt) {}
