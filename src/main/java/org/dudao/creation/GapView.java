package org.dudao.creation;

/**
 * What the expansion of responsible units could not resolve, shown to the office.
 *
 * @param kind UNIT_NOT_FOUND (a named unit not in the unit tree), GROUP_EMPTY (a group that matched no
 *     unit), NO_UNIT_PRINTED (the source prints no responsible unit for the task)
 */
public record GapView(long id, Long taskId, String taskTitle, String kind, String printed) {}
