package org.dudao.inspection.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The inspection rules a campaign carries under {@code settings.inspection} (template PY-2020): the
 * minimum share of problems and measures (60 %, seed 002), the report's length limit (not in the seed:
 * a Dudao default), and the days team reports and rectification reports are due (8-25, 9-05).
 */
public record InspectionSettings(
        int problemShareMin, int reportMaxChars, MonthDay teamReportDue, MonthDay rectificationDue) {

    static final InspectionSettings DEFAULT = new InspectionSettings(60, 20000, MonthDay.of(8, 25), MonthDay.of(9, 5));

    private static final ObjectMapper JSON = new ObjectMapper();

    static InspectionSettings parse(String settingsJson) {
        try {
            JsonNode n =
                    JSON.readTree(settingsJson == null ? "{}" : settingsJson).path("inspection");
            return new InspectionSettings(
                    n.path("problemShareMin").asInt(DEFAULT.problemShareMin()),
                    n.path("reportMaxChars").asInt(DEFAULT.reportMaxChars()),
                    day(n.path("teamReportDue"), DEFAULT.teamReportDue()),
                    day(n.path("rectificationReportDue"), DEFAULT.rectificationDue()));
        } catch (Exception e) {
            return DEFAULT;
        }
    }

    private static MonthDay day(JsonNode n, MonthDay fallback) {
        return n.isTextual() ? MonthDay.parse("--" + n.asText()) : fallback;
    }

    LocalDate teamReportDueIn(int year) {
        return teamReportDue.atYear(year);
    }

    LocalDate rectificationDueIn(int year) {
        return rectificationDue.atYear(year);
    }
}
