package org.dudao.portal;

import java.util.List;
import org.dudao.campaign.CampaignApi;
import org.dudao.identity.Role;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitScope;
import org.dudao.organization.UnitView;
import org.dudao.shared.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 首页: what the signed-in user's unit is and what they can do, and the newest campaigns the user takes
 * part in with a link to their dashboards; nothing of other units' data.
 */
@Controller
class HomeController {

    static final int CAMPAIGNS_SHOWN = 5;

    private final OrganizationApi organization;
    private final CampaignApi campaigns;

    HomeController(OrganizationApi organization, CampaignApi campaigns) {
        this.organization = organization;
        this.campaigns = campaigns;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUser.require();
        UnitView unit = organization.find(user.unitId()).orElseThrow();
        List<UnitView> ancestry = organization.ancestry(user.unitId());
        model.addAttribute("unit", unit);
        model.addAttribute("ancestry", ancestry.subList(0, ancestry.size() - 1));
        model.addAttribute(
                "roles", user.roles().stream().map(Role::valueOf).sorted().toList());
        if (user.hasRole(Role.OFFICE_ADMIN.name()) || user.hasRole(Role.LEADER.name())) {
            List<UnitView> visible = organization.list(UnitScope.of(user));
            model.addAttribute(
                    "jurisdiction", organization.find(user.jurisdictionUnitId()).orElseThrow());
            model.addAttribute("unitCount", visible.size());
            model.addAttribute(
                    "notes", visible.stream().filter(u -> u.note() != null).toList());
        }
        if (user.permissions().contains("campaign:campaign:read")) {
            model.addAttribute(
                    "campaigns",
                    campaigns.list(user).stream().limit(CAMPAIGNS_SHOWN).toList());
        }
        return "portal/home";
    }
}
