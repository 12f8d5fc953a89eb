package org.dudao.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ErrorHandlingTest {

    private final ErrorHandling handling = new ErrorHandling(messages());

    @Test
    void aUniqueKeyHitTwiceAnswersConflictWithAChineseHint_notAServerError() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/plans/1/tasks/2/reports");
        Object answer = handling.duplicate(
                new DuplicateKeyException(
                        "insert",
                        new SQLException("duplicate key value violates unique constraint \"plan_report_once\"")),
                request,
                new MockHttpServletResponse(),
                Locale.SIMPLIFIED_CHINESE);

        ResponseEntity<?> entity = (ResponseEntity<?>) answer;
        assertThat(entity.getStatusCode().value()).isEqualTo(409);
        ProblemDetail problem = (ProblemDetail) entity.getBody();
        assertThat(problem.getDetail()).contains("重复点击").contains("刷新");
        // the constraint's name stays in the log, not in the answer
        assertThat(problem.getDetail()).doesNotContain("plan_report_once");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages/shared");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }
}
