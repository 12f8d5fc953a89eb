package org.dudao.evaluation.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Lets tests outside the package redo a draw from the recorded list and seed, as an inspector would. */
public final class EvaluationSamplesAccess {

    private EvaluationSamplesAccess() {}

    public static List<String> draw(String jsonList, int size, long seed) {
        try {
            List<String> population = new ObjectMapper().readValue(jsonList, new TypeReference<List<String>>() {});
            return EvaluationSamples.draw(population, size, seed);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
