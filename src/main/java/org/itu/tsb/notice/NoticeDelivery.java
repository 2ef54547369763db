package org.itu.tsb.notice;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itu.tsb.kernel.ConsultationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the recorded notices, apart from the procedure's path: each notice is claimed, sent (a batch over one
 * connection) and marked on its own. One refused address never holds up the others; a refused notice is tried again after a growing delay and is FAILED, with its error,
 * after the last attempt. With no mail server configured ({@code spring.mail.host}) notices wait, and go out once
 * one is.
 * <p>
 * The one window left: a node that dies after the mail server took a message and before marking it sent. Its claim
 * is taken back after {@code claim-timeout} and the notice sent again; every message carries the notice's own
 * {@code Message-ID}, by which a receiver can drop the repeat.
 */
@Component
public class NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);
    private static final int BATCH = 200;
    private static final String CONSULTATION_ID = "consultationId";

    private final NoticeOutbox outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final ConsultationProperties.Notices settings;
    private final ApplicationEventPublisher failures;
    private final Clock clock;

    public NoticeDelivery(NoticeOutbox outbox, ObjectProvider<JavaMailSender> mailSender, ConsultationProperties properties,
                          ApplicationEventPublisher failures, Clock clock) {
        this.outbox = outbox;
        this.failures = failures;
        this.mailSender = mailSender;
        this.settings = properties.notices();
        this.clock = clock;
    }

    /** Sends what is due; returns how many notices the mail server took. */
    @Scheduled(fixedDelayString = "${consultation.notices.deliver-every}")
    public int deliverDue() {
        JavaMailSender mail = mailSender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        Instant now = clock.instant();
        int released = outbox.releaseClaimsBefore(now.minus(settings.claimTimeout()));
        if (released > 0) {
            log.warn("{} notice(s) claimed more than {} ago were never marked: sending them again", released, settings.claimTimeout());
        }
        int sent = 0;
        // batch after batch: what was sent, refused (due later) or taken by another node is not due any more
        int rounds = 0; // at most 50 batches a run: the next run goes on
        for (List<Long> due = outbox.due(now, BATCH); !due.isEmpty() && rounds++ < 50; due = outbox.due(clock.instant(), BATCH)) {
            Batch batch = send(mail, due);
            sent += batch.sent();
            if (batch.sent() == 0 && batch.claimed() > 0) {
                // the server took nothing (down, or refusing everyone): the next run tries again, rather than this one
                // knocking at a dead server once per batch of the whole backlog
                break;
            }
        }
        if (sent > 0) {
            log.info("Sent {} notice(s)", sent);
        }
        return sent;
    }

    /** What one batch did: notices claimed for it, and how many of those the mail server took. */
    private record Batch(int claimed, int sent) {}

    /**
     * Claims the notices, hands them to the mail server over one connection, and marks them: sent, or refused (the
     * server's answer for that message; a connection failure refuses them all). Claiming and marking are a few
     * statements per batch, not per notice: a circular to every Member State goes out in seconds.
     */
    private Batch send(JavaMailSender mail, List<Long> ids) {
        Map<MimeMessage, NoticeOutbox.Entry> messages = new LinkedHashMap<>();
        List<Refusal> refusals = new ArrayList<>();
        List<NoticeOutbox.Entry> claimed = outbox.claim(ids, clock.instant());
        for (NoticeOutbox.Entry entry : claimed) {
            try {
                messages.put(toMessage(mail, entry), entry);
            } catch (MessagingException | RuntimeException e) {
                refusals.add(new Refusal(entry, "the message could not be written: " + describe(e)));
            }
        }
        Map<Object, Exception> failed = Map.of();
        if (!messages.isEmpty()) {
            try {
                mail.send(messages.keySet().toArray(MimeMessage[]::new));
            } catch (MailSendException e) {
                failed = e.getFailedMessages().isEmpty() ? everyOne(messages.keySet(), e) : e.getFailedMessages();
            } catch (MailException e) {
                failed = everyOne(messages.keySet(), e);
            }
        }
        List<Long> sent = new ArrayList<>();
        for (var message : messages.entrySet()) {
            Exception refusal = failed.get(message.getKey());
            if (refusal == null) {
                sent.add(message.getValue().id());
            } else {
                refusals.add(new Refusal(message.getValue(), describe(refusal)));
            }
        }
        outbox.markSent(sent, clock.instant());
        refused(refusals);
        return new Batch(claimed.size(), sent.size());
    }

    private record Refusal(NoticeOutbox.Entry entry, String error) {}

    /** Tried again after a delay that grows with the attempts; FAILED after the last. Marked in groups, not one by one. */
    private void refused(List<Refusal> refusals) {
        if (refusals.isEmpty()) {
            return;
        }
        // one line for a whole outage, not one per Member State
        log.warn("{} notice(s) refused, to be tried again: {}", refusals.size(), refusals.get(0).error());
        Instant now = clock.instant();
        Map<Marking, List<Long>> groups = new LinkedHashMap<>();
        for (Refusal r : refusals) {
            boolean last = r.entry().attempts() >= settings.maxAttempts();
            groups.computeIfAbsent(new Marking(last, last ? 0 : r.entry().attempts(), r.error()), k -> new ArrayList<>())
                    .add(r.entry().id());
            if (last) {
                // a batch mixes consultations: each notice's line names its own (MDC consultationId, as requests do)
                try (var consultation = MDC.putCloseable(CONSULTATION_ID, Long.toString(r.entry().notice().consultationId()))) {
                    log.warn("Notice {} to {} FAILED after {} attempts: {}", r.entry().id(), r.entry().notice().recipient(),
                            r.entry().attempts(), r.error());
                }
            }
        }
        groups.forEach((marking, ids) -> {
            if (marking.failed()) {
                outbox.markFailed(ids, marking.error());
                failures.publishEvent(new NoticeFailed(ids, marking.error()));
            } else {
                outbox.retryAt(ids, now.plus(retryDelay(marking.attempts())), marking.error());
            }
        });
    }

    /** How refused notices are marked together: FAILED, or due again after a delay that depends on their attempts. */
    private record Marking(boolean failed, int attempts, String error) {}

    /** The error and its causes, e.g. "Exception reading response: Read timed out": what an officer needs to see. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

    private static Map<Object, Exception> everyOne(Iterable<MimeMessage> messages, Exception e) {
        Map<Object, Exception> failed = new HashMap<>();
        messages.forEach(m -> failed.put(m, e));
        return failed;
    }

    /** 1st retry after {@code first-retry-after}, then twice as long each time, at most {@code longest-retry-after}. */
    Duration retryDelay(int attempts) {
        Duration delay = settings.firstRetryAfter().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(settings.longestRetryAfter()) > 0 ? settings.longestRetryAfter() : delay;
    }

    private MimeMessage toMessage(JavaMailSender mail, NoticeOutbox.Entry entry) throws MessagingException {
        String messageId = entry.messageId();
        MimeMessage message = mail instanceof JavaMailSenderImpl impl
                ? new MimeMessage(impl.getSession()) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", messageId); // the notice's own: a repeat is recognisable
                    }
                }
                : mail.createMimeMessage();
        Notice notice = entry.notice();
        boolean html = notice.htmlBody() != null;
        MimeMessageHelper helper = new NoticeMessageHelper(message, html);
        helper.setFrom(settings.from());
        helper.setTo(notice.recipient());
        helper.setSubject(notice.subject());
        if (html) {
            helper.setText(notice.body(), notice.htmlBody()); // multipart/alternative: the reader's mail program chooses
        } else {
            helper.setText(notice.body());
        }
        message.setHeader("Content-Language", notice.language());
        return message;
    }

    /**
     * Spring's helper, with one file type map for every notice: for a message it did not create, the helper builds a new
     * map, reading the mime.types of every jar on the classpath, which cost more than writing the notice itself.
     */
    private static final class NoticeMessageHelper extends MimeMessageHelper {

        private static final FileTypeMap FILE_TYPES = sharedFileTypes();

        NoticeMessageHelper(MimeMessage message, boolean multipart) throws MessagingException {
            super(message, multipart, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return FILE_TYPES;
        }

        private static FileTypeMap sharedFileTypes() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet(); // read once, here
            return types;
        }
    }
}
