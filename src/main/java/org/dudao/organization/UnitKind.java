package org.dudao.organization;

/** 单位类型. City, county and town are regions: a user's jurisdiction is rooted at one of them. */
public enum UnitKind {
    CITY(true),
    COUNTY(true),
    TOWN(true),
    DEPARTMENT(false),
    SECTION(false),
    OTHER(false);

    private final boolean region;

    UnitKind(boolean region) {
        this.region = region;
    }

    public boolean isRegion() {
        return region;
    }

    /** The message key of the Chinese/English label. */
    public String labelKey() {
        return "unit.kind." + name();
    }
}
