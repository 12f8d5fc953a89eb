package org.dudao.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan task as the ledger shows it.
 *
 * @param heading the first-level heading (二、…), subheading the second (（一）…)
 * @param text the task's text as the plan prints it
 * @param sourceNamedUnits whether the source printed a lead or responsible unit for the task (004 prints
 *     none: every assignment is the office's, made in Dudao)
 * @param stored the status set by people; status what the task shows (OVERDUE computed)
 */
public record PlanTaskView(
        long id,
        long campaignId,
        int position,
        String label,
        String name,
        String heading,
        String subheading,
        String text,
        LocalDate due,
        PlanStatus stored,
        PlanStatus status,
        String reason,
        String statusBy,
        Instant statusAt,
        List<UnitRef> leads,
        List<UnitRef> cos,
        boolean sourceNamedUnits,
        String sourceRef,
        String sourceNote) {

    /** A unit assigned to a task; demo when the demo loader assigned it (not the source, not the office). */
    public record UnitRef(long unitId, String name, boolean demo) {}

    public String title() {
        return label == null || label.isEmpty() ? name : label + " " + name;
    }

    public boolean assigned() {
        return !leads.isEmpty();
    }

    public boolean involves(long unitId) {
        return leads.stream().anyMatch(u -> u.unitId() == unitId)
                || cos.stream().anyMatch(u -> u.unitId() == unitId);
    }

    public boolean ledBy(long unitId) {
        return leads.stream().anyMatch(u -> u.unitId() == unitId);
    }
}
