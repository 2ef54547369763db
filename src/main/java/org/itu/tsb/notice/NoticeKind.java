package org.itu.tsb.notice;

/** The notices the procedure sends. Each is recorded once per consultation, Question and recipient. */
public enum NoticeKind {
    /** The circular opening the consultation, to every Member State. */
    CIRCULAR,
    /** A Question approved, to the study group. */
    APPROVAL_ANNOUNCED,
    /** A Question not approved and referred back, to the study group. */
    REFERRED_BACK,
    /** The comments received with the replies, to the study group. */
    COMMENTS_FORWARDED
}
