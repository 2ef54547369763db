package org.itu.tsb.process;

import static org.itu.tsb.process.ProcessVariables.CONSULTATION_ID;

import java.util.List;
import java.util.function.LongFunction;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itu.tsb.notice.Notice;
import org.itu.tsb.notice.NoticeComposer;
import org.itu.tsb.notice.NoticeSender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The send tasks of the model, one bean each (the bean name is the task's {@code delegateExpression}). Each records
 * its notices in the outbox, in the job's transaction; {@code NoticeDelivery} sends them apart from the process, so
 * the mail server never holds up the path to the deadline.
 */
@Configuration(proxyBeanMethods = false)
public class NoticeTasks {

    /** "Send circular": to every Member State, and the information copies. */
    @Bean
    JavaDelegate sendCircular(NoticeComposer composer, NoticeSender sender) {
        return issue(sender, composer::circular);
    }

    /** "Remind Member States that have not replied". */
    @Bean
    JavaDelegate sendReminder(NoticeComposer composer, NoticeSender sender) {
        return issue(sender, composer::reminder);
    }

    /** "Announce result": to every Member State and the information copies. */
    @Bean
    JavaDelegate announceResult(NoticeComposer composer, NoticeSender sender) {
        return issue(sender, composer::resultAnnouncement);
    }

    /** "Send result, reasons and comments to study group", whatever the decisions. */
    @Bean
    JavaDelegate informStudyGroup(NoticeComposer composer, NoticeSender sender) {
        return issue(sender, composer::toStudyGroup);
    }

    /** "Request reasons" from the Member States that did not support a Question without giving them. */
    @Bean
    JavaDelegate requestReasons(NoticeComposer composer, NoticeSender sender) {
        return issue(sender, composer::requestsForReasons);
    }

    /** "Send reasons to Director of TSB". */
    @Bean
    JavaDelegate informDirector(NoticeComposer composer, NoticeSender sender) {
        return issue(sender, composer::toDirector);
    }

    private static JavaDelegate issue(NoticeSender sender, LongFunction<List<Notice>> notices) {
        return execution -> sender.issue(notices.apply((Long) execution.getVariable(CONSULTATION_ID)));
    }
}
