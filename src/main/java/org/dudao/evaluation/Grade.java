package org.dudao.evaluation;

import java.util.Locale;

/** 等次: 优 / 良 / 中 / 差, each a share of the task's points set by the campaign's scoring policy. */
public enum Grade {
    EXCELLENT("优"),
    GOOD("良"),
    FAIR("中"),
    POOR("差");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the code (EXCELLENT…) or the Chinese label (优…); null for anything else. */
    public static Grade parseOrNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        for (Grade g : values()) {
            if (g.label.equals(t) || g.name().equals(t.toUpperCase(Locale.ROOT))) {
                return g;
            }
        }
        return null;
    }
}
