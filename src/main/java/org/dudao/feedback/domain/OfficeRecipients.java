package org.dudao.feedback.domain;

import java.util.Set;
import org.dudao.campaign.CampaignApi;
import org.dudao.identity.IdentityApi;
import org.springframework.stereotype.Component;

/** Who hears about the office's feedback work: the office accounts of the jurisdiction that runs the campaign. */
@Component
class OfficeRecipients {

    private final CampaignApi campaigns;
    private final IdentityApi identity;

    OfficeRecipients(CampaignApi campaigns, IdentityApi identity) {
        this.campaigns = campaigns;
        this.identity = identity;
    }

    Set<Long> of(long campaignId) {
        return Set.copyOf(
                identity.officeAccountIds(campaigns.campaign(campaignId).ownerUnitId()));
    }
}
