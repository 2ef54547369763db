package org.itu.tsb.notice;

/** An officer sent a FAILED notice again. */
public record NoticeResent(long noticeId) {
}
