package org.dudao.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.audit.AuditTestUsers;
import org.dudao.shared.audit.AuditEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuditControllerIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    final String prefix = "test." + UUID.randomUUID().toString().substring(0, 8) + ".";

    @BeforeEach
    void someRecords() {
        events.publishEvent(
                AuditEvent.success(prefix + "unit.update", "unit", 42, Map.of("name", "旧"), Map.of("name", "新")));
        events.publishEvent(AuditEvent.denied(prefix + "unit.read", "unit", 43, "outside data scope <script>"));
    }

    @Test
    void theAuditAdmin_seesTheLog() throws Exception {
        String html = mvc.perform(get("/audit").with(authentication(AuditTestUsers.auditAdmin())))
                .andExpect(status().isOk())
                .andExpect(view().name("audit/log"))
                .andExpect(header().string("Vary", org.hamcrest.Matchers.containsString("HX-Request")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("<html")
                .contains("id=\"auditFilter\"")
                .contains("id=\"auditRecords\"")
                .contains("id=\"auditVerifyButton\"")
                .contains(prefix + "unit.update")
                .contains("成功")
                .contains("拒绝")
                .contains("unit #42")
                .contains("正在校验…")
                // user text is escaped
                .contains("outside data scope &lt;script&gt;")
                .doesNotContain("outside data scope <script>");
    }

    @Test
    void anHtmxRequest_getsOnlyTheTable_filtered() throws Exception {
        String html = mvc.perform(get("/audit")
                        .param("action", prefix + "unit.upd")
                        .param("outcome", "SUCCESS")
                        .param("from", "2000-01-01")
                        .header("HX-Request", "true")
                        .with(authentication(AuditTestUsers.auditAdmin())))
                .andExpect(status().isOk())
                .andExpect(view().name("audit/log :: table"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).doesNotContain("<html").doesNotContain("auditFilter").contains("id=\"audit-table\"");
        assertThat(html).contains(prefix + "unit.update").doesNotContain(prefix + "unit.read");
        assertThat(html).contains("第 1 / 1 页，共 1 条");
        // the export link keeps the filters
        assertThat(html)
                .contains("/audit/export?from=2000-01-01&amp;action=" + prefix + "unit.upd&amp;outcome=SUCCESS");
    }

    @Test
    void aFutureRange_findsNothing_andABadDate_isRejected() throws Exception {
        String html = mvc.perform(get("/audit")
                        .param("from", "2999-01-01")
                        .header("HX-Request", "true")
                        .with(authentication(AuditTestUsers.auditAdmin())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("没有符合条件的记录");
        mvc.perform(get("/audit").param("from", "yesterday").with(authentication(AuditTestUsers.auditAdmin())))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/audit")
                        .param("from", "2026-02-01")
                        .param("to", "2026-01-01")
                        .with(authentication(AuditTestUsers.auditAdmin())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theExport_isAnXlsxWithChineseHeaders_andIsAudited() throws Exception {
        MvcResult result = mvc.perform(
                        get("/audit/export").param("action", prefix).with(authentication(AuditTestUsers.auditAdmin())))
                .andExpect(status().isOk())
                .andExpect(content().contentType(AuditController.XLSX))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
                .andReturn();
        byte[] bytes = result.getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("审计日志");
            assertThat(cells(sheet.getRow(0)))
                    .startsWith("序号", "时间", "操作人", "账户编号", "单位编号", "角色", "操作", "对象类型", "对象编号", "结果")
                    .contains("客户端地址", "请求编号", "说明", "变更前", "变更后", "哈希");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            // newest first
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo(prefix + "unit.read");
            assertThat(sheet.getRow(1).getCell(9).getStringCellValue()).isEqualTo("拒绝");
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo(prefix + "unit.update");
            assertThat(sheet.getRow(2).getCell(13).getStringCellValue()).isEqualTo("{\"name\":\"旧\"}");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue())
                    .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        }
        Map<String, Object> last = jdbc.sql(
                        "select action, actor_username, detail from audit_record order by seq desc limit 1")
                .query()
                .singleRow();
        assertThat(last.get("action")).isEqualTo("audit.log.export");
        assertThat(last.get("actor_username")).isEqualTo("auditor");
        assertThat((String) last.get("detail")).contains("2 records").contains("action=" + prefix);
    }

    @Test
    void verifying_showsTheResult() throws Exception {
        String html = mvc.perform(post("/audit/verify")
                        .header("HX-Request", "true")
                        .with(csrf())
                        .with(authentication(AuditTestUsers.auditAdmin())))
                .andExpect(status().isOk())
                .andExpect(view().name("audit/log :: verification"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("id=\"auditVerifyOk\"").contains("校验通过");

        mvc.perform(post("/audit/verify").with(csrf()).with(authentication(AuditTestUsers.auditAdmin())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/audit"))
                .andExpect(flash().attributeExists("verification"));
    }

    @Test
    void aUserWithoutAuditPermissions_isForbidden() throws Exception {
        var office = AuditTestUsers.officeAdmin();
        mvc.perform(get("/audit").with(authentication(office))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").header("HX-Request", "true").with(authentication(office)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit/export").with(authentication(office))).andExpect(status().isForbidden());
        mvc.perform(post("/audit/verify").with(csrf()).with(authentication(office)))
                .andExpect(status().isForbidden());
    }

    @Test
    void readingDoesNotAllowExportingOrVerifying() throws Exception {
        var reader = AuditTestUsers.auditReader();
        String html = mvc.perform(get("/audit").with(authentication(reader)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).doesNotContain("auditVerifyButton").doesNotContain("auditExport");
        mvc.perform(get("/audit/export").with(authentication(reader))).andExpect(status().isForbidden());
        mvc.perform(post("/audit/verify").with(csrf()).with(authentication(reader)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anonymousVisitors_areSentToLogin_andNothingEditsRecords() throws Exception {
        mvc.perform(get("/audit")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/audit/verify")).andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(delete("/audit").with(csrf()).with(authentication(AuditTestUsers.auditAdmin())))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(post("/audit").with(csrf()).with(authentication(AuditTestUsers.auditAdmin())))
                .andExpect(status().isMethodNotAllowed());
    }

    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        for (Cell c : row) {
            values.add(c.getStringCellValue());
        }
        return values;
    }
}
