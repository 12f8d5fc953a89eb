package org.dudao.report.jobs;

import java.io.IOException;
import java.io.OutputStream;
import org.dudao.campaign.CampaignView;

/**
 * One kind of background job (a bean): writes one file for a campaign. The requester's right to it is checked when
 * the job is submitted; {@link #write} runs later on a job thread with no signed-in user.
 */
public interface JobHandler {

    /** The kind clients ask for, e.g. {@code RESULT_SUMMARY}: upper case, at most 40 characters. */
    String kind();

    /** The name the file is downloaded under (Chinese, with its extension). */
    String fileName(CampaignView campaign);

    String contentType();

    /** Writes the file, reporting progress; an exception fails the job (its message is kept for the requester). */
    void write(CampaignView campaign, OutputStream out, JobProgress progress) throws IOException;
}
