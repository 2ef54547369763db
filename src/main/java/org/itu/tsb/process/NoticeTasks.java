package org.itu.tsb.process;

import static org.itu.tsb.process.ProcessVariables.CONSULTATION_ID;
import static org.itu.tsb.process.ProcessVariables.QUESTION_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itu.tsb.notice.NoticeComposer;
import org.itu.tsb.notice.NoticeSender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The send tasks of the model, one bean each (the bean name is the task's {@code delegateExpression}).
 * They are {@code asyncBefore} with a retry cycle in the model, so a mail failure retries the notice alone.
 */
@Configuration(proxyBeanMethods = false)
public class NoticeTasks {

    /** "Send circular to Member States". */
    @Bean
    JavaDelegate sendCircular(NoticeComposer composer, NoticeSender sender) {
        return execution -> sender.issue(composer.circular(consultationId(execution)));
    }

    /** "Announce approval" of one Question. */
    @Bean
    JavaDelegate announceApproval(NoticeComposer composer, NoticeSender sender) {
        return execution -> sender.issue(composer.approvalAnnounced(consultationId(execution), questionNumber(execution)));
    }

    /** "Refer back to study group": one Question not approved. */
    @Bean
    JavaDelegate referBack(NoticeComposer composer, NoticeSender sender) {
        return execution -> sender.issue(composer.referredBack(consultationId(execution), questionNumber(execution)));
    }

    /** "Forward comments to study group", whatever the decisions. */
    @Bean
    JavaDelegate forwardComments(NoticeComposer composer, NoticeSender sender) {
        return execution -> sender.issue(composer.commentsForwarded(consultationId(execution)));
    }

    private static long consultationId(DelegateExecution execution) {
        return (Long) execution.getVariable(CONSULTATION_ID);
    }

    private static String questionNumber(DelegateExecution execution) {
        return (String) execution.getVariable(QUESTION_NUMBER);
    }
}
