package org.dudao.report.documents;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code report_document_setting}. */
@Repository
class DocumentSettingsStore {

    private final JdbcClient jdbc;

    DocumentSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DocumentSettings> find(long campaignId) {
        return jdbc.sql("select * from report_document_setting where campaign_id = ?")
                .param(campaignId)
                .query(DocumentSettingsStore::row)
                .optional();
    }

    void save(DocumentSettings s, String user) {
        jdbc.sql("insert into report_document_setting (campaign_id, issuing_authority, document_no,"
                        + " report_document_no, addressees, report_addressees, copy_to,"
                        + " signing_date, chinese_numeral_date, rectification_due, extra_paragraph, created_by,"
                        + " updated_by) values (:c, :a, :n, :rn, :to, :rto, :cc, :d, :cn, :due, :x, :u, :u)"
                        + " on conflict (campaign_id) do update set issuing_authority = excluded.issuing_authority,"
                        + " document_no = excluded.document_no, report_document_no = excluded.report_document_no,"
                        + " addressees = excluded.addressees, report_addressees = excluded.report_addressees,"
                        + " copy_to = excluded.copy_to, signing_date = excluded.signing_date,"
                        + " chinese_numeral_date = excluded.chinese_numeral_date,"
                        + " rectification_due = excluded.rectification_due,"
                        + " extra_paragraph = excluded.extra_paragraph, updated_by = excluded.updated_by,"
                        + " updated_at = now(), row_version = report_document_setting.row_version + 1")
                .param("c", s.campaignId())
                .param("a", s.issuingAuthority())
                .param("n", s.documentNo())
                .param("rn", s.reportDocumentNo())
                .param("to", s.addressees())
                .param("rto", s.reportAddressees())
                .param("cc", s.copyTo())
                .param("d", date(s.signingDate()))
                .param("cn", s.chineseNumeralDate())
                .param("due", date(s.rectificationDue()))
                .param("x", s.extraParagraph())
                .param("u", user)
                .update();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static DocumentSettings row(ResultSet rs, int n) throws SQLException {
        Date signing = rs.getDate("signing_date");
        Date due = rs.getDate("rectification_due");
        Timestamp updated = rs.getTimestamp("updated_at");
        return new DocumentSettings(
                rs.getLong("campaign_id"),
                rs.getString("issuing_authority"),
                rs.getString("document_no"),
                rs.getString("report_document_no"),
                rs.getString("addressees"),
                rs.getString("report_addressees"),
                rs.getString("copy_to"),
                signing == null ? null : signing.toLocalDate(),
                rs.getBoolean("chinese_numeral_date"),
                due == null ? null : due.toLocalDate(),
                rs.getString("extra_paragraph"),
                true,
                rs.getString("updated_by"),
                updated == null ? null : updated.toInstant());
    }
}
