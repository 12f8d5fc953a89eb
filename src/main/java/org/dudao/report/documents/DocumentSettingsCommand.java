package org.dudao.report.documents;

import java.time.LocalDate;

/**
 * {@code PUT /api/v1/campaigns/{id}/documents/settings}: replaces the settings; a blank issuing authority
 * falls back to the default, a null signing date means "the day of generation".
 */
public record DocumentSettingsCommand(
        String issuingAuthority,
        String documentNo,
        String reportDocumentNo,
        String addressees,
        String reportAddressees,
        String copyTo,
        LocalDate signingDate,
        Boolean chineseNumeralDate,
        LocalDate rectificationDue,
        String extraParagraph) {}
