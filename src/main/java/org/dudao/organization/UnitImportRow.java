package org.dudao.organization;

/**
 * One row of a unit import sheet, as typed (all text; checked by the import).
 *
 * @param rowNumber the row number the user sees in Excel (header is row 1)
 * @param parent the parent's name, or its full path from the root separated by "/" when the name is
 *     not unique; blank for a root unit
 * @param kind the kind's Chinese label (e.g. 科室) or its code (SECTION)
 */
public record UnitImportRow(
        int rowNumber,
        String name,
        String parent,
        String kind,
        String shortName,
        String contactPerson,
        String contactPhone,
        String contactAddress,
        String sortOrder,
        String note) {}
