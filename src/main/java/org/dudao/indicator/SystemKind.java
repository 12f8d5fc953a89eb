package org.dudao.indicator;

/** What kind of campaign a system drives. */
public enum SystemKind {
    ASSESSMENT,
    INSPECTION,
    CREATION,
    PLAN;

    public String labelKey() {
        return "indicator.systemKind." + name();
    }
}
