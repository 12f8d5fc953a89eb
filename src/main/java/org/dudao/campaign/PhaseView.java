package org.dudao.campaign;

import java.time.LocalDate;

/** A step of a campaign with its dates (either may be open: "另行通知"). */
public record PhaseView(long id, String code, String name, LocalDate startsOn, LocalDate endsOn, String note) {}
