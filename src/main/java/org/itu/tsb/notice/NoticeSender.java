package org.itu.tsb.notice;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.itu.tsb.kernel.ConsultationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues notices: records each in the outbox, then hands the pending ones to the mail server when one is
 * configured ({@code spring.mail.host}). Without one, notices are logged and kept pending for later delivery.
 * A mail failure throws, so the notice's job is retried by the engine; replies and decisions live in other
 * transactions and are never rolled back by it.
 */
@Service
public class NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

    private final NoticeOutbox outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;
    private final Clock clock;

    public NoticeSender(NoticeOutbox outbox, ObjectProvider<JavaMailSender> mailSender,
                        ConsultationProperties properties, Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.from = properties.notices().from();
        this.clock = clock;
    }

    @Transactional
    public void issue(List<Notice> notices) {
        List<NoticeOutbox.Entry> pending = new ArrayList<>();
        for (Notice notice : notices) {
            NoticeOutbox.Entry entry = outbox.record(notice, clock.instant());
            if (entry.status() == NoticeOutbox.Status.PENDING) {
                pending.add(entry);
            }
        }
        JavaMailSender mail = mailSender.getIfAvailable();
        if (mail == null) {
            if (!pending.isEmpty()) {
                log.info("No mail server configured (spring.mail.host): {} notice(s) \"{}\" kept for later delivery",
                        pending.size(), pending.get(0).notice().subject());
            }
            return;
        }
        if (pending.isEmpty()) {
            return;
        }
        MimeMessage[] messages = pending.stream().map(e -> toMessage(mail, e.notice())).toArray(MimeMessage[]::new);
        mail.send(messages);
        pending.forEach(e -> outbox.markSent(e.id(), clock.instant()));
        log.info("Sent {} notice(s) {}", pending.size(), pending.get(0).notice().kind());
    }

    /**
     * Delivers the notices kept while no mail server was configured, once one is: "kept for later delivery" is
     * kept as a promise. Each is marked sent after the server took it (at least once; a crash in between resends).
     */
    @Scheduled(initialDelayString = "${consultation.notices.deliver-pending-after}",
            fixedDelayString = "${consultation.notices.deliver-pending-every}")
    public int deliverPending() {
        JavaMailSender mail = mailSender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        int delivered = 0;
        for (NoticeOutbox.Entry entry : outbox.pending(500)) {
            mail.send(toMessage(mail, entry.notice()));
            outbox.markSent(entry.id(), clock.instant());
            delivered++;
        }
        if (delivered > 0) {
            log.info("Delivered {} notice(s) kept from a time without a mail server", delivered);
        }
        return delivered;
    }

    private MimeMessage toMessage(JavaMailSender mail, Notice notice) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(notice.recipient());
            helper.setSubject(notice.subject());
            helper.setText(notice.body());
            return message;
        } catch (MessagingException e) {
            throw new MailPreparationException("cannot prepare notice to " + notice.recipient(), e);
        }
    }
}
