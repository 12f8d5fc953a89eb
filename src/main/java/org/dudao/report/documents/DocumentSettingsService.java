package org.dudao.report.documents;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitView;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.db.DatabaseTime;
import org.dudao.shared.error.Texts;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.time.ClockConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's 公文设置 per campaign: read and replaced by the campaign's office only (anyone else: 404,
 * audited by {@link CampaignApi#managed}); every change audited with the values before and after. Until the
 * office saves, defaults are offered: the office's full name as issuing authority (its unit's name with the
 * jurisdiction in front: 市法治政府建设领导小组办公室 → 平顶山市法治政府建设领导小组办公室), a 文号 with the
 * campaign's prefix and this year but no number yet, the usual addressees and copy-to organs (seed 004:
 * results are copied to the discipline commission and the organisation department).
 */
@Service
public class DocumentSettingsService {

    static final String TYPE = "report-document";
    private static final Pattern DOC_NO = Pattern.compile("^(.*?)〔\\d{4}〕.*$");

    private final DocumentSettingsStore store;
    private final CampaignApi campaigns;
    private final OrganizationApi organization;
    private final DatabaseTime time;
    private final ApplicationEventPublisher events;

    DocumentSettingsService(
            DocumentSettingsStore store,
            CampaignApi campaigns,
            OrganizationApi organization,
            DatabaseTime time,
            ApplicationEventPublisher events) {
        this.store = store;
        this.campaigns = campaigns;
        this.organization = organization;
        this.time = time;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public DocumentSettings get(long campaignId, CurrentUser user) {
        CampaignView c = campaigns.managed(campaignId, user);
        return effective(c, user);
    }

    /** The stored settings, or the defaults (the caller has checked that the user is the campaign's office). */
    DocumentSettings effective(CampaignView c, CurrentUser user) {
        return store.find(c.id()).orElseGet(() -> defaults(c, user));
    }

    @Transactional
    public DocumentSettings put(long campaignId, DocumentSettingsCommand cmd, CurrentUser user) {
        CampaignView c = campaigns.managed(campaignId, user);
        DocumentSettings before = effective(c, user);
        String authority = Texts.optional("issuingAuthority", cmd.issuingAuthority(), 60);
        DocumentSettings next = new DocumentSettings(
                c.id(),
                authority == null ? defaultAuthority(c, user) : authority,
                Texts.optional("documentNo", cmd.documentNo(), 60),
                Texts.optional("reportDocumentNo", cmd.reportDocumentNo(), 60),
                Texts.optional("addressees", cmd.addressees(), 500),
                Texts.optional("reportAddressees", cmd.reportAddressees(), 200),
                Texts.optional("copyTo", cmd.copyTo(), 500),
                cmd.signingDate(),
                Boolean.TRUE.equals(cmd.chineseNumeralDate()),
                cmd.rectificationDue(),
                Texts.multiline("extraParagraph", cmd.extraParagraph(), 5000),
                true,
                user.username(),
                null);
        store.save(next, user.username());
        events.publishEvent(AuditEvent.success("report.documents.settings", TYPE, "campaign/" + c.id(), before, next));
        return store.find(c.id()).orElseThrow();
    }

    DocumentSettings defaults(CampaignView c, CurrentUser user) {
        String owner = organization.find(c.ownerUnitId()).map(UnitView::name).orElse("");
        String number = defaultNumber(c.documentNo(), today().getYear());
        return new DocumentSettings(
                c.id(),
                defaultAuthority(c, user),
                number,
                number,
                "各县（市、区）人民政府，" + owner + "直各有关单位",
                owner + "法治政府建设领导小组",
                owner.endsWith("市") ? "市纪委监委，市委组织部，市委文明办" : "纪委监委，组织部，文明办",
                null,
                false,
                null,
                null,
                false,
                null,
                null);
    }

    private String defaultAuthority(CampaignView c, CurrentUser user) {
        String owner = organization.find(c.ownerUnitId()).map(UnitView::name).orElse("");
        return fullName(owner, user.unitName());
    }

    /**
     * An office's full name: 市… and 县… under a jurisdiction named …市 / …县 take the jurisdiction's name
     * (市法治政府建设领导小组办公室 in 平顶山市 → 平顶山市法治政府建设领导小组办公室); a name that already starts
     * with the jurisdiction's stays.
     */
    static String fullName(String jurisdiction, String office) {
        if (office == null || office.isBlank()) {
            return jurisdiction;
        }
        if (jurisdiction == null || jurisdiction.isBlank() || office.startsWith(jurisdiction)) {
            return office;
        }
        char level = jurisdiction.charAt(jurisdiction.length() - 1);
        if (office.charAt(0) == level && "市县区".indexOf(level) >= 0) {
            return jurisdiction + office.substring(1);
        }
        return office;
    }

    /** 平法政办〔2020〕21号 → 平法政办〔2026〕号: the campaign's prefix, this year, the number left for the office. */
    static String defaultNumber(String campaignDocumentNo, int year) {
        if (campaignDocumentNo == null) {
            return null;
        }
        Matcher m = DOC_NO.matcher(campaignDocumentNo.strip());
        return m.matches() ? m.group(1) + "〔" + year + "〕号" : null;
    }

    LocalDate today() {
        return LocalDate.ofInstant(time.now(), ClockConfiguration.ZONE);
    }
}
