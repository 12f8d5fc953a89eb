package org.dudao.campaign;

/** A target (考核对象) of a campaign: a unit in a category. */
public record TargetView(long id, long campaignId, long unitId, String name, long categoryId, String category) {}
