package org.dudao.evidence;

/**
 * Where one (target, task) submission stands, for progress tables of other modules (reports); a task
 * of the target's category with no cell has not been started.
 *
 * @param files the current (not withdrawn) files
 */
public record SubmissionCell(long targetId, long taskId, SubmissionStatus status, int files) {}
