package org.dudao.survey.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Chart series as JSON for the pages' data attributes (Thymeleaf escapes the attribute). */
public final class ChartData {

    /** One chart's labels and values, each as a JSON array. */
    public record Chart(String labels, String values) {}

    static Chart of(List<?> labels, List<?> values) {
        return new Chart(json(labels), json(values));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartData() {}

    public static String json(List<?> values) {
        try {
            return JSON.writeValueAsString(values.stream()
                    .map(v -> v instanceof BigDecimal b ? b.setScale(2, RoundingMode.HALF_UP) : v)
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
