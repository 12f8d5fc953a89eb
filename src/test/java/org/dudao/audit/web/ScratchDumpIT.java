package org.dudao.audit.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dudao.audit.AuditTestUsers;
import org.dudao.shared.audit.AuditEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ScratchDumpIT {
    @Autowired MockMvc mvc;
    @Autowired ApplicationEventPublisher events;

    @Test
    void dump() throws Exception {
        for (int i = 0; i < 60; i++) {
            events.publishEvent(AuditEvent.success("x.y", "unit", i, Map.of("a", i), Map.of("a", i + 1)));
        }
        Files.writeString(Path.of("/tmp/audit-page.html"), mvc.perform(get("/audit").param("page", "2").with(authentication(AuditTestUsers.auditAdmin()))).andReturn().getResponse().getContentAsString());
        Files.writeString(Path.of("/tmp/audit-page-en.html"), mvc.perform(get("/audit").param("lang", "en").param("actor", "a b{c}").with(authentication(AuditTestUsers.auditAdmin()))).andReturn().getResponse().getContentAsString());
    }
}
