package org.itu.tsb.web.filter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ConsultationInLogsTest {

    private final ConsultationInLogs filter = new ConsultationInLogs();

    /** The MDC's consultationId while the rest of the chain ran, and after the filter returned. */
    private List<String> seen(MockHttpServletRequest request) throws Exception {
        List<String> seen = new ArrayList<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.add(MDC.get(ConsultationInLogs.MDC_KEY)));
        seen.add(MDC.get(ConsultationInLogs.MDC_KEY));
        return seen;
    }

    @Test
    void aRequestAboutAConsultationLogsWithItsIdAndLeavesNothingBehind() throws Exception {
        assertThat(seen(new MockHttpServletRequest("POST", "/api/consultations/42/replies"))).containsExactly("42", null);
        assertThat(seen(new MockHttpServletRequest("GET", "/officer/consultations/7/replies"))).containsExactly("7", null);
        assertThat(seen(new MockHttpServletRequest("GET", "/consultations/9/reply"))).containsExactly("9", null);
        assertThat(seen(new MockHttpServletRequest("GET", "/api/consultations/12"))).containsExactly("12", null);
    }

    @Test
    void otherRequestsLogWithout() throws Exception {
        for (String path : List.of("/api/consultations", "/officer/consultations", "/login", "/consultations/abc/reply",
                "/api/consultations/99999999999999999999/replies", "/camunda/consultations/5", "/actuator/health")) {
            assertThat(seen(new MockHttpServletRequest("GET", path))).as(path).containsExactly(null, null);
        }
    }

    @Test
    void theErrorPageOfAFailedRequestIsAboutTheSameConsultation() throws Exception {
        MockHttpServletRequest error = new MockHttpServletRequest("GET", "/error");
        error.setDispatcherType(jakarta.servlet.DispatcherType.ERROR);
        error.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/officer/consultations/5/notices");
        assertThat(seen(error)).containsExactly("5", null);
    }
}
