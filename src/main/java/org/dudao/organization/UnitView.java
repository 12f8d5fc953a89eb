package org.dudao.organization;

/** A unit as other modules and the API see it. */
public record UnitView(
        long id,
        Long parentId,
        String name,
        String shortName,
        UnitKind kind,
        int sortOrder,
        String contactPerson,
        String contactPhone,
        String contactAddress,
        String note,
        String sourceRef,
        int depth) {}
