package org.itu.tsb.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes' mail server: GreenMail in the test's JVM on {@code -Dcluster.mail.port} (3975). Every message is told
 * apart by its {@code Message-ID}, {@code <notice-{id}@consultation-workflow>}: the notice's own, also when sent again.
 */
final class MailCatcher implements AutoCloseable {

    private final GreenMail greenMail;
    final int port;

    MailCatcher() {
        // GreenMail logs every mailbox it creates: one per Member State address
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        this.port = Integer.getInteger("cluster.mail.port", 3975);
        this.greenMail = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    List<String> nodeArguments() {
        return List.of("--spring.mail.host=localhost", "--spring.mail.port=" + port);
    }

    /** For each notice id, the recipients of every message received for it (a repeat shows as two). */
    Map<Long, List<String>> receivedByNotice() throws MessagingException {
        Map<Long, List<String>> received = new HashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            String id = message.getMessageID();
            if (id == null || !id.matches("<notice-\\d+@consultation-workflow>")) {
                throw new AssertionError("a message that is not a notice: " + id);
            }
            long notice = Long.parseLong(id.substring("<notice-".length(), id.indexOf('@')));
            for (var recipient : message.getAllRecipients()) {
                received.computeIfAbsent(notice, n -> new java.util.ArrayList<>()).add(recipient.toString());
            }
        }
        return received;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
