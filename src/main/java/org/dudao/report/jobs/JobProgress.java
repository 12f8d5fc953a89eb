package org.dudao.report.jobs;

/**
 * Where a long piece of work stands: a percentage and a message (a key of {@code messages/report-tables} with its
 * arguments, shown in the reader's language). Cheap to call often: a job's runner writes it to the job's row at most
 * every second or so, and the synchronous downloads ignore it.
 */
@FunctionalInterface
public interface JobProgress {

    JobProgress NONE = (percent, messageKey, args) -> {};

    void report(int percent, String messageKey, Object... args);
}
