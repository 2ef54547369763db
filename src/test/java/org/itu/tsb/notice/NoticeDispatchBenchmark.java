package org.itu.tsb.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.ToLongFunction;
import javax.net.SocketFactory;
import org.itu.tsb.Sg17;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.kernel.ConsultationProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * How long the circular takes to reach every Member State address and the information-copy list, on one SMTP
 * server (GreenMail, in this JVM, on a free port), against a plain {@code JavaMailSender} loop to the same server in
 * the same run. Run it with {@code mvn -Pbench test -Dtest=NoticeDispatchBenchmark}; the report goes to stdout and to
 * {@value #REPORT_FILE}. Each round opens a new consultation (which records its circular) and then, in alternating
 * order:
 * <ul>
 *   <li><b>ours</b>: {@link NoticeDelivery#deliverDue()} on the application's outbox, from its first call until the
 *       mail server took every notice of the circular and each is marked SENT (claim, one SMTP connection per batch
 *       of 200, mark);</li>
 *   <li><b>baseline</b>: the same notices (the composer's rendered bodies, so the same sizes), each built as the
 *       application builds it and handed to a {@link JavaMailSenderImpl} with one {@code send(MimeMessage)} per
 *       recipient: a connection per message, no database;</li>
 *   <li>for reference, <b>one connection</b>: the same messages in one {@code send(MimeMessage...)} call, no database:
 *       what is left of ours without the outbox.</li>
 * </ul>
 * It also times the recording: {@link ConsultationService#open} (the transaction that completes "Issue circular",
 * records the opening, composes the circular and inserts one outbox row per address), and the composition alone.
 * After each round of ours, one more {@code deliverDue()} with nothing due is timed: what the scheduled delivery costs
 * every {@code deliver-every} (1 s) while nothing is to be sent.
 * <p>
 * System properties {@code bench.dispatch.rounds} and {@code bench.dispatch.warmup} set the measured and the untimed
 * rounds; {@code bench.dispatch.history} fills the outbox first with that many notices already sent (copies of one
 * circular, about 8.5 kB each), as after some years of consultations. It asserts only that every recipient got
 * exactly one message per round and that no Message-ID repeats, never timings.
 * <p>
 * {@code -Dbench.dispatch.nodelay=true} gives every sender (ours and the baselines alike) sockets with
 * {@code TCP_NODELAY}, which JavaMail does not set: it shows how much of a message's time is Nagle's algorithm waiting
 * for the server's delayed acknowledgement before the final {@code .} of the message goes out.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// bench: an H2 file database as in production, fresh for the run; test: GreenMail's logging quiet, and a process engine
// of its own name (the reply benchmark's context may be alive in the same JVM)
@ActiveProfiles({"test", "bench"})
// its job executor and database are not left running while another benchmark is timed
@DirtiesContext
class NoticeDispatchBenchmark {

    static final String REPORT_FILE = "target/bench/notice-dispatch.txt";

    private static final int ROUNDS = Integer.getInteger("bench.dispatch.rounds", 7);
    /** Untimed rounds first: the JIT, the mail sessions, GreenMail's mailboxes and the database warm for every workload. */
    private static final int WARM_UP_ROUNDS = Integer.getInteger("bench.dispatch.warmup", 3);
    /** Notices already sent before the first round: an outbox that has served earlier consultations. */
    private static final int HISTORY = Integer.getInteger("bench.dispatch.history", 0);
    /** Every sender's sockets with TCP_NODELAY (not the application's configuration: an experiment). */
    private static final boolean NO_DELAY = Boolean.getBoolean("bench.dispatch.nodelay");

    @Autowired ConsultationService consultations;
    @Autowired NoticeComposer composer;
    @Autowired NoticeOutbox outbox;
    @Autowired ConsultationProperties properties;
    @Autowired ApplicationEventPublisher events;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp")); // port 0: a free one
    /** Every Message-ID the server received in the run, per workload: none may come twice. */
    private final Set<String> ourMessageIds = new HashSet<>();
    private final Set<String> baselineMessageIds = new HashSet<>();
    private final Set<String> oneConnectionMessageIds = new HashSet<>();

    /** One round's figures, in nanoseconds; {@code bytes} is the average size of a message as the server got it. */
    record Round(int round, int messages, long oursNanos, long idleNanos, long baselineNanos, long oneConnectionNanos,
                 long openNanos, long composeNanos, long bytes) {
    }

    @Test
    void circularToEveryMemberStateAgainstAPlainJavaMailSenderLoop() throws Exception {
        smtp.start();
        try {
            int port = smtp.getSmtp().getPort();
            int history = fillTheOutbox(HISTORY);
            for (int round = 1 - WARM_UP_ROUNDS; round <= 0; round++) {
                round(round, port); // untimed: checked like the others, not reported
            }
            List<Round> rounds = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                rounds.add(round(round, port));
            }
            report(rounds, port, history);
        } finally {
            smtp.stop();
        }
    }

    private Round round(int round, int port) throws Exception {
        NoticeDeliveryTest.parkTheNoticesOfEarlierTests(jdbc); // nothing else is due: only this round's circular is sent

        long adopted = consultations.adopt(Sg17.adopted(), "officer").id();
        Instant deadline = clock.instant().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.DAYS).minusMillis(1);
        long begin = System.nanoTime();
        long id = consultations.open(adopted, "dispatch-" + round + "-" + System.nanoTime(), deadline, "officer").id();
        long openNanos = System.nanoTime() - begin;

        begin = System.nanoTime();
        List<Notice> circular = composer.circular(id); // read-only: the same notices the opening recorded
        long composeNanos = System.nanoTime() - begin;
        List<String> recipients = circular.stream().map(Notice::recipient).toList();
        assertThat(outbox.findByConsultation(id)).as("the opening recorded the circular to every address")
                .extracting(e -> e.notice().recipient()).containsExactlyInAnyOrderElementsOf(recipients);

        long ours = 0;
        long idle = 0;
        long baseline = 0;
        long oneConnection = 0;
        long bytes = 0;
        // alternating, so that neither always runs on a machine warmed (or tired) by the other
        for (String workload : round % 2 == 0 ? List.of("ours", "baseline", "one") : List.of("baseline", "one", "ours")) {
            smtp.purgeEmailFromAllMailboxes();
            switch (workload) {
                case "ours" -> {
                    NoticeDelivery delivery = delivery(port);
                    ours = ours(delivery, id, circular.size());
                    begin = System.nanoTime();
                    int more = delivery.deliverDue(); // nothing is due: what every idle run of the schedule costs
                    idle = System.nanoTime() - begin;
                    assertThat(more).as("nothing left to send").isZero();
                    MimeMessage[] received = received(recipients, ourMessageIds);
                    Set<String> expected = new HashSet<>();
                    outbox.findByConsultation(id).forEach(e -> {
                        assertThat(e.status()).as("notice %d", e.id()).isEqualTo(NoticeOutbox.Status.SENT);
                        expected.add("<notice-" + e.id() + "@consultation-workflow>");
                    });
                    assertThat(Arrays.stream(received).map(NoticeDispatchBenchmark::messageId)).as("the notices' own Message-IDs")
                            .containsExactlyInAnyOrderElementsOf(expected);
                    bytes = averageSize(received);
                }
                case "baseline" -> {
                    baseline = baseline(circular, port);
                    received(recipients, baselineMessageIds);
                }
                default -> {
                    oneConnection = oneConnection(circular, port);
                    received(recipients, oneConnectionMessageIds);
                }
            }
        }
        return new Round(round, circular.size(), ours, idle, baseline, oneConnection, openNanos, composeNanos, bytes);
    }

    /**
     * Notices sent before the benchmark: the circular of one consultation, marked SENT, copied (under references of
     * their own) until the outbox holds at least {@code notices}. Returns how many the outbox holds.
     */
    private int fillTheOutbox(int notices) {
        if (notices <= 0) {
            return 0;
        }
        long adopted = consultations.adopt(Sg17.adopted(), "officer").id();
        long id = consultations.open(adopted, "history-" + System.nanoTime(), clock.instant().plus(Duration.ofDays(60)), "officer").id();
        jdbc.sql("update notice set status = 'SENT', sent_at = created_at, attempts = 1 where consultation_id = :id")
                .param("id", id).update();
        for (int copy = 1; count() < notices; copy++) {
            jdbc.sql("""
                            insert into notice (consultation_id, kind, reference, recipient, language, subject, body, html_body, status,
                                                attempts, created_at, next_attempt_at, sent_at)
                            select consultation_id, kind, :reference, recipient, language, subject, body, html_body, status,
                                   attempts, created_at, next_attempt_at, sent_at
                              from notice where consultation_id = :id and reference = ''""")
                    .param("reference", "history-" + copy).param("id", id).update();
        }
        return count();
    }

    private int count() {
        return jdbc.sql("select count(*) from notice").query(Integer.class).single();
    }

    /** A delivery worker on the application's outbox and clock, sending to the benchmark's server. */
    private NoticeDelivery delivery(int port) {
        return new NoticeDelivery(outbox, NoticeDeliveryTest.provider(mailSender(port)), properties, events, clock);
    }

    /** The application's way: the worker called until the circular is all sent. */
    private long ours(NoticeDelivery delivery, long consultation, int notices) {
        long begin = System.nanoTime();
        int sent = 0;
        for (int calls = 0; sent < notices; calls++) {
            if (calls == 10) {
                throw new AssertionError("consultation " + consultation + ": " + sent + " of " + notices
                        + " circular notices sent after 10 deliveries");
            }
            sent += delivery.deliverDue(); // each returns once the notices it sent are marked SENT
        }
        long nanos = System.nanoTime() - begin;
        assertThat(sent).as("notices sent").isEqualTo(notices);
        return nanos;
    }

    /** A plain loop: each notice built as the application builds it, one {@code send} (one connection) per recipient. */
    private long baseline(List<Notice> circular, int port) throws MessagingException {
        JavaMailSenderImpl mail = mailSender(port);
        long begin = System.nanoTime();
        for (Notice notice : circular) {
            mail.send(message(mail, notice));
        }
        return System.nanoTime() - begin;
    }

    /** The same messages in one call: one connection, as ours, without the outbox. */
    private long oneConnection(List<Notice> circular, int port) throws MessagingException {
        JavaMailSenderImpl mail = mailSender(port);
        long begin = System.nanoTime();
        MimeMessage[] messages = new MimeMessage[circular.size()];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = message(mail, circular.get(i));
        }
        mail.send(messages);
        return System.nanoTime() - begin;
    }

    /** As {@code NoticeDelivery} writes a notice: multipart text and HTML, UTF-8, its language (its own Message-ID aside). */
    private MimeMessage message(JavaMailSenderImpl mail, Notice notice) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.notices().from());
        helper.setTo(notice.recipient());
        helper.setSubject(notice.subject());
        helper.setText(notice.body(), notice.htmlBody());
        message.setHeader("Content-Language", notice.language());
        return message;
    }

    /** A sender to the benchmark's server, with the application's timeouts (application.yml). */
    private static JavaMailSenderImpl mailSender(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        Properties timeouts = new Properties();
        timeouts.setProperty("mail.smtp.connectiontimeout", "5000");
        timeouts.setProperty("mail.smtp.timeout", "10000");
        timeouts.setProperty("mail.smtp.writetimeout", "10000");
        if (NO_DELAY) {
            timeouts.put("mail.smtp.socketFactory", new NoDelaySockets());
            timeouts.setProperty("mail.smtp.socketFactory.fallback", "false");
        }
        mail.setJavaMailProperties(timeouts);
        return mail;
    }

    /** Plain sockets that send each write at once, without waiting for the acknowledgement of the previous one. */
    private static final class NoDelaySockets extends SocketFactory {

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return noDelay(new Socket(address, port, localAddress, localPort));
        }
    }

    /** What the server got this round: one message per recipient, none more, no Message-ID seen before in the run. */
    private MimeMessage[] received(List<String> recipients, Set<String> messageIdsOfTheRun) {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(Arrays.stream(received).map(NoticeDispatchBenchmark::recipient))
                .as("one message per recipient").containsExactlyInAnyOrderElementsOf(recipients);
        for (MimeMessage m : received) {
            assertThat(messageIdsOfTheRun.add(messageId(m))).as("Message-ID %s received once", messageId(m)).isTrue();
        }
        return received;
    }

    private static long averageSize(MimeMessage[] messages) throws IOException, MessagingException {
        long total = 0;
        for (MimeMessage m : messages) {
            CountingStream out = new CountingStream();
            m.writeTo(out);
            total += out.count;
        }
        return total / messages.length;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private void report(List<Round> rounds, int port, int history) throws IOException {
        int messages = rounds.get(0).messages();
        StringBuilder out = new StringBuilder();
        out.append(line("Notice dispatch benchmark, %s: %d cores, Java %s; GreenMail SMTP on 127.0.0.1:%d in the same JVM",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), port));
        out.append(line("the circular: %d messages a round (every address of every Member State and the information copies),"
                + " %d bytes each on average; %d untimed warm-up rounds, %d measured", messages, rounds.get(0).bytes(),
                WARM_UP_ROUNDS, ROUNDS));
        out.append(line("senders' sockets: %s", NO_DELAY
                ? "TCP_NODELAY (bench.dispatch.nodelay, not the application's configuration)" : "as JavaMail makes them (Nagle on)"));
        out.append(line("the outbox held %d notices already sent before the first round (bench.dispatch.history), %d after the last",
                history, count()));
        out.append(line("ours     = NoticeDelivery.deliverDue() until every notice is SENT (claim, send in batches of 200 over one"
                + " connection, mark)"));
        out.append(line("baseline = a JavaMailSenderImpl loop, one send(MimeMessage) per recipient (a connection each), no database"));
        out.append(line("one conn = the same messages in one send(MimeMessage...) call, no database (ours without the outbox)"));
        out.append(line("open     = ConsultationService.open: completes 'Issue circular', records the opening and the reply slots,"
                + " composes the circular and inserts it into the outbox, one transaction"));
        out.append(line("idle     = one more deliverDue() after ours, with nothing due (the schedule runs it every"
                + " consultation.notices.deliver-every, 1 s by default)"));
        out.append(line("compose  = NoticeComposer.circular alone (read-only): three languages plus one text per information copy"));
        out.append(line(""));
        out.append(line("%5s %9s %11s %11s %9s %9s %11s", "round", "ours ms", "baseline ms", "one conn ms", "idle ms", "open ms",
                "compose ms"));
        for (Round r : rounds) {
            out.append(line("%5d %9.1f %11.1f %11.1f %9.1f %9.1f %11.1f", r.round(), ms(r.oursNanos()), ms(r.baselineNanos()),
                    ms(r.oneConnectionNanos()), ms(r.idleNanos()), ms(r.openNanos()), ms(r.composeNanos())));
        }
        out.append(line(""));
        double ours = median(rounds, Round::oursNanos);
        double baseline = median(rounds, Round::baselineNanos);
        double oneConnection = median(rounds, Round::oneConnectionNanos);
        out.append(line("%-40s %10s %12s", "median of rounds", "ms", "messages/s"));
        out.append(line("%-40s %10.1f %12.0f", "ours: NoticeDelivery.deliverDue", ms(ours), messages / (ours / 1e9)));
        out.append(line("%-40s %10.1f %12.0f", "baseline: JavaMailSender loop", ms(baseline), messages / (baseline / 1e9)));
        out.append(line("%-40s %10.1f %12.0f", "for reference: one connection, no DB", ms(oneConnection),
                messages / (oneConnection / 1e9)));
        out.append(line("ratio ours/baseline (time) = %.2f, i.e. %.2f times the baseline's messages/s", ours / baseline,
                baseline / ours));
        out.append(line("ratio ours/one connection (time) = %.2f: the rest of ours is %.1f ms a round (claiming and marking, and a"
                + " second connection for what is beyond the first batch of 200)", ours / oneConnection, ms(ours - oneConnection)));
        out.append(line("idle deliverDue (nothing due): %.1f ms (median)", ms(median(rounds, Round::idleNanos))));
        double open = median(rounds, Round::openNanos);
        double compose = median(rounds, Round::composeNanos);
        out.append(line("recording: ConsultationService.open %.1f ms (median), of which composing the circular alone %.1f ms",
                ms(open), ms(compose)));

        System.out.print(out);
        Path file = Path.of(REPORT_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    private static double median(List<Round> rounds, ToLongFunction<Round> figure) {
        long[] values = rounds.stream().mapToLong(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }

    private static String line(String format, Object... args) {
        return String.format(Locale.ROOT, format, args) + System.lineSeparator();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
