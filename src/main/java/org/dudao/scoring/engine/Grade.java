package org.dudao.scoring.engine;

/** 等次 of a platform-rated task: 优 / 良 / 中 / 差, worth a percentage of the task's points (see {@link Policy}). */
public enum Grade {
    /** 优 */
    EXCELLENT("优"),
    /** 良 */
    GOOD("良"),
    /** 中 */
    FAIR("中"),
    /** 差 */
    POOR("差");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    /** The Chinese label: "优", "良", "中" or "差". */
    public String label() {
        return label;
    }

    /**
     * Reads a grade written as the constant name (any case) or as its Chinese label, ignoring leading and
     * trailing white space (full-width spaces included).
     *
     * @throws IllegalArgumentException for null or anything else
     */
    public static Grade parse(String s) {
        if (s == null) {
            throw new IllegalArgumentException("grade is missing");
        }
        String t = s.strip();
        for (Grade g : values()) {
            if (g.name().equalsIgnoreCase(t) || g.label.equals(t)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown grade: '" + s + "'");
    }
}
