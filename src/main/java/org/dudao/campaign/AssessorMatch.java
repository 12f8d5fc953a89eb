package org.dudao.campaign;

/** How a task's assessor unit was found. */
public enum AssessorMatch {
    /** The responsible subject as printed names a unit (or a section under its department). */
    NAME,
    /**
     * The printed cell is empty, as merged cells come out of a PDF: the subject of the task above under
     * the same indicator was taken. The office should confirm it.
     */
    INHERITED,
    /** Assigned by the office. */
    ASSIGNED,
    /** No unit found: listed for the office to assign. */
    UNMATCHED
}
