package org.dudao.report.documents;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 公文设置 of a campaign, as {@code GET/PUT /api/v1/campaigns/{id}/documents/settings} shows them.
 *
 * @param issuingAuthority 发文机关 (the red mark, the signature and the printing office)
 * @param documentNo 文号 of the results notice, e.g. 平法政办〔2026〕12号
 * @param reportDocumentNo 文号 of the annual assessment report
 * @param addressees 主送机关 of the results notice
 * @param reportAddressees 主送机关 of the annual report (the leading group)
 * @param copyTo 抄送机关 (纪委监委、组织部 ...), printed in the 版记
 * @param signingDate 成文日期; null = the day the document is generated
 * @param chineseNumeralDate the date in Chinese numerals (二〇二六年十一月二十二日) instead of 2026年11月22日
 * @param rectificationDue the day by which rectification notices ask for completion; null = none named
 * @param extraParagraph a paragraph the office adds before the closing of the notice and the report
 * @param stored false while the office has not saved any: the values are the defaults
 */
public record DocumentSettings(
        long campaignId,
        String issuingAuthority,
        String documentNo,
        String reportDocumentNo,
        String addressees,
        String reportAddressees,
        String copyTo,
        LocalDate signingDate,
        boolean chineseNumeralDate,
        LocalDate rectificationDue,
        String extraParagraph,
        boolean stored,
        String updatedBy,
        Instant updatedAt) {}
