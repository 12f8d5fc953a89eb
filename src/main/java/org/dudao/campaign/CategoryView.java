package org.dudao.campaign;

/** A target category (考核对象类别) with the indicator system its targets are assessed on. */
public record CategoryView(long id, String name, long indicatorSystemId, int position) {}
