package org.dudao.report.jobs;

/** 后台任务状态。排队 QUEUED → 运行中 RUNNING → 完成 DONE / 失败 FAILED。 */
public enum JobStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }

    public String labelKey() {
        return "report.job.status." + name();
    }
}
