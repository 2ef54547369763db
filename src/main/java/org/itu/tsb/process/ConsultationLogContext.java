package org.itu.tsb.process;

import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * What the engine runs for a consultation (delegates, listeners, expressions; on a request's thread or the job
 * executor's) logs with the consultation's id in the MDC as {@code consultationId}, as the requests do (the web layer
 * sets it from the path). Both models carry the id as the process variable {@code consultationId}; Camunda's own
 * logging context has the business key, which for an undelivered notice is the notice's.
 */
@Component
class ConsultationLogContext extends AbstractProcessEnginePlugin {

    static final String MDC_KEY = ProcessVariables.CONSULTATION_ID;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DelegateInterceptor engines = configuration.getDelegateInterceptor() == null
                ? new DefaultDelegateInterceptor() : configuration.getDelegateInterceptor();
        configuration.setDelegateInterceptor(invocation -> withConsultation(invocation, engines));
    }

    private static void withConsultation(DelegateInvocation invocation, DelegateInterceptor engines) throws Exception {
        Object id = consultationId(invocation.getContextExecution());
        if (id == null) {
            engines.handleInvocation(invocation);
            return;
        }
        String before = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id.toString());
        try {
            engines.handleInvocation(invocation);
        } finally {
            if (before == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, before);
            }
        }
    }

    private static Object consultationId(BaseDelegateExecution execution) {
        return execution == null ? null : execution.getVariable(ProcessVariables.CONSULTATION_ID);
    }
}
