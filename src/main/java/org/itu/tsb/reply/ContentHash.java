package org.itu.tsb.reply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import org.itu.tsb.kernel.Attachment;

/** SHA-256 fingerprints for the audit trail. */
final class ContentHash {

    private ContentHash() {
    }

    static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * The reply's content in a canonical form: Member State, positions sorted by Question, comments, reasons, and
     * the attachment's own hash. Each text is length-prefixed, so no two different replies share a canonical form.
     */
    static String of(ReplySubmission reply, Attachment attachment) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, reply.memberState());
        new TreeMap<>(reply.positions()).forEach((q, p) -> field(canonical, q + "=" + p));
        field(canonical, "comments:" + (reply.comments() == null ? "" : reply.comments()));
        field(canonical, "reasons:" + (reply.reasons() == null ? "" : reply.reasons()));
        field(canonical, "attachment:" + (attachment == null ? "" : of(attachment.content())));
        return of(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void field(StringBuilder canonical, String value) {
        canonical.append(value.length()).append(':').append(value).append('\n');
    }
}
