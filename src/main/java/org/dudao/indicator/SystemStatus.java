package org.dudao.indicator;

/** 草稿 / 已发布. A published version never changes; editing it makes a new draft version. */
public enum SystemStatus {
    DRAFT,
    PUBLISHED
}
