package org.itu.tsb.notice;

import static org.assertj.core.api.Assertions.assertThat;
import org.itu.tsb.process.ProcessVariables;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.itu.tsb.ApplicationTest;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestClock;
import org.itu.tsb.consultation.ConsultationRepository;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStatus;
import org.itu.tsb.kernel.ConsultationProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Delivery of the recorded notices to a real SMTP server (GreenMail), by delivery workers built here on the
 * application's outbox and clock: exactly once per notice, whatever the server refuses and however many workers run.
 */
@ApplicationTest
class NoticeDeliveryTest {

    private static final int PORT = 3125;

    @Autowired NoticeOutbox outbox;
    @Autowired ConsultationService consultations;
    @Autowired ConsultationProperties properties;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ConsultationRepository consultationRows;
    @Autowired NoticeComposer composer;
    @Autowired NoticeSender sender;
    @Autowired Environment environment;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired org.springframework.context.ApplicationEventPublisher events;

    private final GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", "smtp"));
    private final AtomicInteger sends = new AtomicInteger();

    @BeforeEach
    void startTheMailServer() {
        smtp.start();
        clock.set(Instant.parse("2026-02-02T09:00:00Z"));
    }

    @AfterEach
    void stopTheMailServer() {
        smtp.stop();
    }

    @Test
    void aServerThatRefusesAfter50CircularsThenRecoversGetsEachOnceWithoutAnyoneRetryingByHand() throws Exception {
        long id = circularRecorded();
        int circulars = outbox.findByConsultation(id).size();
        // the 51st to the 80th message are refused, as by a server that stops taking mail for a while
        NoticeDelivery delivery = delivery(message -> {
            int n = sends.incrementAndGet();
            if (n > 50 && n <= 80) {
                throw new MailSendException("451 try again later");
            }
        });

        assertThat(delivery.deliverDue()).as("one refusal never holds up the others").isEqualTo(circulars - 30);
        assertThat(outbox.findByConsultation(id)).filteredOn(n -> n.status() == NoticeOutbox.Status.PENDING).hasSize(30)
                .allSatisfy(n -> assertThat(n.lastError()).contains("451"));

        clock.advance(properties.notices().firstRetryAfter().plusMillis(1)); // the first retry is due
        assertThat(delivery.deliverDue()).isEqualTo(30);

        assertThat(outbox.findByConsultation(id)).allSatisfy(n -> assertThat(n.status()).isEqualTo(NoticeOutbox.Status.SENT));
        List<String> recipients = Arrays.stream(smtp.getReceivedMessages()).map(NoticeDeliveryTest::recipient).toList();
        assertThat(recipients).hasSize(circulars).doesNotHaveDuplicates();
        assertThat(smtp.getReceivedMessages()[0].getMessageID()).matches("<notice-\\d+@consultation-workflow>");
    }

    @Test
    void twoWorkersAtOnceSendEachNoticeOnce() throws Exception {
        long id = circularRecorded(60);
        NoticeDelivery one = delivery(message -> { });
        NoticeDelivery other = delivery(message -> { });

        var a = CompletableFuture.supplyAsync(one::deliverDue);
        var b = CompletableFuture.supplyAsync(other::deliverDue);

        int notices = outbox.findByConsultation(id).size();
        assertThat(a.get() + b.get()).isEqualTo(notices);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(NoticeDeliveryTest::recipient).toList())
                .doesNotHaveDuplicates().hasSize(notices);
    }

    @Test
    void aNoticeRefusedAtEveryAttemptIsFailedWithItsErrorAfterGrowingDelays() throws Exception {
        long id = circularRecorded(5);
        NoticeDelivery delivery = delivery(message -> {
            throw new MailSendException("550 mailbox unavailable");
        });
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= properties.notices().maxAttempts(); attempt++) {
            delays.add(delivery.retryDelay(attempt));
            delivery.deliverDue();
            clock.advance(properties.notices().longestRetryAfter());
        }

        Duration first = properties.notices().firstRetryAfter();
        assertThat(delays.subList(0, 3)).containsExactly(first, first.multipliedBy(2), first.multipliedBy(4));
        assertThat(delays.get(delays.size() - 1)).isEqualTo(properties.notices().longestRetryAfter());
        assertThat(outbox.findByConsultation(id)).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(NoticeOutbox.Status.FAILED);
            assertThat(n.attempts()).isEqualTo(properties.notices().maxAttempts());
            assertThat(n.lastError()).contains("550");
        });
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRetriedStepRecordsNoNoticeTwice() throws Exception {
        long id = circularRecorded(5);
        List<Notice> circular = composer.circular(id);

        sender.issue(circular); // the whole circular again, as a retried job records it
        sender.issue(circular);

        assertThat(outbox.findByConsultation(id)).hasSize(circular.size())
                .extracting(e -> e.notice().recipient()).doesNotHaveDuplicates();
    }

    @Test
    void aClaimLeftByADeadNodeIsTakenBackAfterTheTimeout() throws Exception {
        long id = circularRecorded(3);
        long notice = outbox.findByConsultation(id).get(0).id();
        assertThat(outbox.claim(List.of(notice), clock.instant())).hasSize(1); // a node claimed it, then died
        assertThat(outbox.claim(List.of(notice), clock.instant())).as("claimed once only").isEmpty();
        NoticeDelivery survivor = delivery(message -> { });

        survivor.deliverDue();
        assertThat(outbox.find(notice).orElseThrow().status()).isEqualTo(NoticeOutbox.Status.SENDING);

        clock.advance(properties.notices().claimTimeout().plusSeconds(1));
        survivor.deliverDue();
        assertThat(outbox.find(notice).orElseThrow().status()).isEqualTo(NoticeOutbox.Status.SENT);
    }

    @Test
    void aMailServerThatNeverAnswersHoldsUpNeitherTheDeadlineNorTheDeliveryForLong() throws Exception {
        Map<String, String> smtpSettings = Binder.get(environment)
                .bind("spring.mail.properties", Bindable.mapOf(String.class, String.class)).get();
        for (String timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
            assertThat(smtpSettings.get("mail.smtp." + timeout)).as("the application's SMTP %s", timeout).matches("[1-9]\\d*");
        }
        long id = circularRecorded();
        int circulars = outbox.findByConsultation(id).size();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // takes the connection (the system's backlog does) and never says a word; timeouts of 1 s here
            JavaMailSenderImpl mail = new JavaMailSenderImpl();
            mail.setHost("127.0.0.1");
            mail.setPort(silent.getLocalPort());
            mail.getJavaMailProperties().putAll(Map.of("mail.smtp.connectiontimeout", "1000", "mail.smtp.timeout", "1000",
                    "mail.smtp.writetimeout", "1000"));
            NoticeDelivery stuck = new NoticeDelivery(outbox, provider(mail), properties, events, clock);
            var delivering = CompletableFuture.supplyAsync(stuck::deliverDue);

            // meanwhile the deadline passes: the tally does not wait for the mail server
            clock.set(consultations.get(id).deadline().plusSeconds(1));
            String instance = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY).variableValueEquals(ProcessVariables.CONSULTATION_ID, id).singleResult().getId();
            management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("TimerEvent_Deadline")
                    .singleResult().getId());
            assertThat(consultations.get(id).status()).isEqualTo(ConsultationStatus.TALLIED);
            consultations.announce(id, "officer");
            assertThat(consultations.get(id).status()).isEqualTo(ConsultationStatus.DECIDED);

            assertThat(delivering.get(30, TimeUnit.SECONDS)).as("the round gives up after the timeout").isZero();
        }
        assertThat(outbox.findByConsultation(id)).filteredOn(n -> n.notice().kind() == NoticeKind.CIRCULAR)
                .allSatisfy(n -> assertThat(n.status()).isEqualTo(NoticeOutbox.Status.PENDING))
                .anySatisfy(n -> assertThat(n.lastError()).containsIgnoringCase("timed out"));

        // a server that answers: every notice goes out once, nobody retrying by hand
        clock.advance(properties.notices().longestRetryAfter());
        management.executeJob(management.createJobQuery().processInstanceId(runtime.createProcessInstanceQuery()
                .processDefinitionKey(ProcessVariables.PROCESS_KEY).variableValueEquals(ProcessVariables.CONSULTATION_ID, id).singleResult().getId()).activityId("SendTask_AnnounceResult").singleResult()
                .getId()); // the notices after the tally
        NoticeDelivery healthy = delivery(message -> { });
        while (healthy.deliverDue() > 0) {
            // until everything due went out
        }
        assertThat(outbox.findByConsultation(id)).hasSizeGreaterThan(circulars)
                .allSatisfy(n -> assertThat(n.status()).isEqualTo(NoticeOutbox.Status.SENT));
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(NoticeDeliveryTest::messageId).toList()).doesNotHaveDuplicates()
                .hasSize(outbox.findByConsultation(id).size());
    }

    /**
     * An open consultation whose circular (one notice per Member State address and information copy) is recorded by
     * the process, not yet sent; nothing else is due.
     */
    private long circularRecorded() throws Exception {
        parkTheNoticesOfEarlierTests(jdbc);
        long id = consultations.open(consultations.adopt(Sg17.adopted(), "officer").id(), "mail-" + System.nanoTime(),
                Instant.parse("2026-04-03T23:59:59.999Z"), "officer").id();
        assertThat(outbox.findByConsultation(id)).hasSizeGreaterThan(194);
        return id;
    }

    /** The same with the circular to the first {@code addresses} addresses only, recorded here rather than by the process. */
    private long circularRecorded(int addresses) throws Exception {
        parkTheNoticesOfEarlierTests(jdbc);
        long id = consultations.adopt(Sg17.adopted(), "officer").id();
        consultationRows.recordOpening(id, "mail-" + System.nanoTime(), Instant.parse("2026-04-03T23:59:59.999Z"), clock.instant(), "officer");
        sender.issue(composer.circular(id).subList(0, addresses));
        assertThat(outbox.findByConsultation(id)).hasSize(addresses);
        return id;
    }

    /** A worker on the application's outbox and clock, sending to the test's server, {@code before} each message. */
    private NoticeDelivery delivery(Consumer<MimeMessage> before) {
        JavaMailSenderImpl real = new JavaMailSenderImpl();
        real.setHost("127.0.0.1");
        real.setPort(PORT);
        real.getJavaMailProperties().put("mail.smtp.socketFactory", new NoDelaySockets());
        JavaMailSenderImpl mail = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                Map<Object, Exception> refused = new LinkedHashMap<>();
                List<MimeMessage> taken = new ArrayList<>();
                for (MimeMessage message : messages) {
                    try {
                        before.accept(message);
                        taken.add(message);
                    } catch (MailException e) {
                        refused.put(message, e);
                    }
                }
                if (!taken.isEmpty()) {
                    real.send(taken.toArray(MimeMessage[]::new));
                }
                if (!refused.isEmpty()) {
                    throw new MailSendException(refused);
                }
            }
        };
        mail.setSession(real.getSession());
        return new NoticeDelivery(outbox, provider(mail), properties, events, clock);
    }

    static void parkTheNoticesOfEarlierTests(JdbcClient jdbc) {
        TestOutbox.parkTheNoticesOfEarlierTests(jdbc);
    }

    static ObjectProvider<JavaMailSender> provider(JavaMailSender mail) {
        return new StaticListableBeanFactory(Map.of("mailSender", mail)).getBeanProvider(JavaMailSender.class);
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
