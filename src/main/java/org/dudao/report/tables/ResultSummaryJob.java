package org.dudao.report.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import org.dudao.campaign.CampaignView;
import org.dudao.report.jobs.JobHandler;
import org.dudao.report.jobs.JobProgress;
import org.dudao.shared.web.Downloads;
import org.springframework.stereotype.Component;

/** {@code RESULT_SUMMARY}: the result summary of a (big) campaign, written in the background. */
@Component
class ResultSummaryJob implements JobHandler {

    static final String KIND = "RESULT_SUMMARY";

    private final ResultSummaryTable table;
    private final Clock clock;

    ResultSummaryJob(ResultSummaryTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String fileName(CampaignView campaign) {
        return ResultSummaryTable.fileName(campaign);
    }

    @Override
    public String contentType() {
        return Downloads.XLSX.toString();
    }

    @Override
    public void write(CampaignView campaign, OutputStream out, JobProgress progress) throws IOException {
        table.write(campaign, out, progress, clock.instant());
    }
}
