package org.dudao.organization;

/** The editable fields of a unit, as typed by a user or read from an import row. */
public record UnitCommand(
        String name,
        String shortName,
        UnitKind kind,
        Integer sortOrder,
        String contactPerson,
        String contactPhone,
        String contactAddress,
        String note,
        String sourceRef) {

    public static UnitCommand of(String name, UnitKind kind) {
        return new UnitCommand(name, null, kind, 0, null, null, null, null, null);
    }
}
