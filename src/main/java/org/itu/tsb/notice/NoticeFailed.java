package org.itu.tsb.notice;

import java.util.List;

/** Notices refused at their last attempt: FAILED, each with this error, for an officer to look at and re-send. */
public record NoticeFailed(List<Long> noticeIds, String error) {

    public NoticeFailed {
        noticeIds = List.copyOf(noticeIds);
    }
}
