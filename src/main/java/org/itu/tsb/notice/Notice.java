package org.itu.tsb.notice;

/**
 * One message to one recipient. {@code questionNumber} is empty for notices about the whole consultation, so
 * (consultation, kind, Question, recipient) identifies a notice.
 */
public record Notice(long consultationId, NoticeKind kind, String questionNumber, String recipient, String subject, String body) {

    public Notice {
        questionNumber = questionNumber == null ? "" : questionNumber;
    }
}
