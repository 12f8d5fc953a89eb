package org.dudao.campaign.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CampaignKind;

/**
 * A ready-made campaign set-up transcribed from a seed (e.g. {@code PDS-2020}): categories with their
 * built-in indicator system and the names of their targets, the phases with dates and the default
 * deadlines. Instantiated for another year, every date moves by the difference in years.
 */
public record CampaignTemplate(
        String code,
        CampaignKind kind,
        int year,
        String name,
        String documentNo,
        String source,
        String note,
        LocalDate materialsDue,
        LocalDate centralReviewDue,
        LocalDate routineScoresDue,
        List<Category> categories,
        List<Phase> phases,
        Map<String, Object> settings) {

    public record Category(String name, String system, List<String> targets) {}

    public record Phase(String code, LocalDate startsOn, LocalDate endsOn, String note) {}

    /** The date moved to the campaign's year (null stays null). */
    public static LocalDate shift(LocalDate date, int years) {
        return date == null ? null : date.plusYears(years);
    }
}
