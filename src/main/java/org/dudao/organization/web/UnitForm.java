package org.dudao.organization.web;

import org.dudao.organization.UnitCommand;
import org.dudao.organization.UnitKind;
import org.dudao.organization.UnitView;

/** The unit edit form as posted by the browser. */
public record UnitForm(
        Long parentId,
        String name,
        String shortName,
        UnitKind kind,
        Integer sortOrder,
        String contactPerson,
        String contactPhone,
        String contactAddress,
        String note,
        Long version) {

    UnitCommand command() {
        return new UnitCommand(
                name, shortName, kind, sortOrder, contactPerson, contactPhone, contactAddress, note, null);
    }

    static UnitForm empty(Long parentId) {
        return new UnitForm(parentId, "", "", UnitKind.DEPARTMENT, 0, "", "", "", "", null);
    }

    static UnitForm of(UnitView u, long version) {
        return new UnitForm(
                u.parentId(),
                u.name(),
                u.shortName(),
                u.kind(),
                u.sortOrder(),
                u.contactPerson(),
                u.contactPhone(),
                u.contactAddress(),
                u.note(),
                version);
    }
}
