package org.dudao.evaluation.web;

import org.dudao.campaign.CampaignView;
import org.dudao.evaluation.Grade;
import org.dudao.evaluation.domain.OnsiteVisits;
import org.dudao.evidence.EvidenceApi;
import org.dudao.shared.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 实地考核表: the on-site form for an inspection team on a phone. The page is a shell; its script loads
 * the caller's tasks and targets from {@code /app/campaigns/{id}/onsite}, keeps visits in the browser
 * (IndexedDB) until the server confirmed them, and a service worker keeps the page usable offline.
 */
@Controller
class OnsiteController {

    private final OnsiteVisits onsite;
    private final EvidenceApi evidence;

    private final long multipartLimit;

    OnsiteController(
            OnsiteVisits onsite,
            EvidenceApi evidence,
            @Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize multipartLimit) {
        this.onsite = onsite;
        this.evidence = evidence;
        this.multipartLimit = multipartLimit.toBytes();
    }

    @GetMapping("/campaigns/{id}/onsite")
    @PreAuthorize("isAuthenticated()")
    String page(@PathVariable long id, Model model) {
        CampaignView campaign = onsite.campaignFor(id, CurrentUser.require(), OnsiteVisits.WRITE);
        model.addAttribute("campaign", campaign);
        model.addAttribute("grades", Grade.values());
        model.addAttribute("maxPhotoBytes", Math.min(evidence.maxFileBytes(), multipartLimit));
        return "evaluation/onsite";
    }
}
