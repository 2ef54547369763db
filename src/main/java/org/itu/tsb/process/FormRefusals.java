package org.itu.tsb.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * A form refused for what the officer typed (a deadline in the past) is not a server failure. Camunda's REST API
 * answers it with 400 only as a {@link FormFieldValidationException}, which the engine would otherwise log at ERROR
 * with its stack trace; it is logged as the engine logs a {@code BadUserRequestException}: at DEBUG.
 */
@Component
class FormRefusals extends AbstractProcessEnginePlugin {

    /** The officer's input refused, in words Tasklist shows as they are. */
    static FormFieldValidationException refusal(String field, String message) {
        return new FormFieldValidationException(field, message);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCommandContextFactory(new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new CommandContext(configuration) {
                    @Override
                    protected boolean shouldLogFine(Throwable exception) {
                        return exception instanceof FormFieldValidationException || super.shouldLogFine(exception);
                    }
                };
            }
        });
    }
}
