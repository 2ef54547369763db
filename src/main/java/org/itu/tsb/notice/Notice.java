package org.itu.tsb.notice;

/**
 * One message to one recipient, in the recipient's language, as plain text and as HTML. (consultation, kind,
 * reference, recipient) identifies a notice: {@code reference} is empty for a notice sent once per consultation and
 * tells apart the notices of one kind that are not (an acknowledgement names its reply version).
 */
public record Notice(long consultationId, NoticeKind kind, String reference, String recipient, String language,
                     String subject, String body, String htmlBody) {

    /** The longest body the outbox keeps (the column's size); {@link NoticeComposer} keeps within it. */
    public static final int MAX_BODY_LENGTH = 1_000_000;

    public Notice {
        reference = reference == null ? "" : reference;
    }
}
