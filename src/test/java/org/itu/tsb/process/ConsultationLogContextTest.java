package org.itu.tsb.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** What the engine runs for a consultation logs with its id (MDC consultationId), and leaves the MDC as it found it. */
class ConsultationLogContextTest {

    private final List<String> seen = new ArrayList<>();

    /** The MDC's consultationId inside the engine's own interceptor (which runs the delegate), then after it. */
    private List<String> seen(BaseDelegateExecution execution) throws Exception {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setDelegateInterceptor(invocation -> seen.add(MDC.get(ConsultationLogContext.MDC_KEY)));
        new ConsultationLogContext().preInit(configuration);
        configuration.getDelegateInterceptor().handleInvocation(new DelegateInvocation(execution, null) {
            @Override
            protected void invoke() {
            }
        });
        seen.add(MDC.get(ConsultationLogContext.MDC_KEY));
        return seen;
    }

    private static BaseDelegateExecution of(Object consultationId) {
        BaseDelegateExecution execution = mock(BaseDelegateExecution.class);
        when(execution.getVariable(ProcessVariables.CONSULTATION_ID)).thenReturn(consultationId);
        return execution;
    }

    @Test
    void aDelegateOfAConsultationsProcessLogsWithItsId() throws Exception {
        assertThat(seen(of(42L))).containsExactly("42", null);
    }

    @Test
    void anythingElseLogsWithout() throws Exception {
        assertThat(seen(of(null))).containsExactly(null, null);
        seen.clear();
        assertThat(seen(null)).as("an expression with no execution").containsExactly(null, null);
    }

    @Test
    void theIdOfTheRequestThatRunsTheEngineIsKept() throws Exception {
        MDC.put(ConsultationLogContext.MDC_KEY, "7");
        try {
            assertThat(seen(of(8L))).containsExactly("8", "7");
        } finally {
            MDC.remove(ConsultationLogContext.MDC_KEY);
        }
    }
}
