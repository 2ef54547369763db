package org.itu.tsb.reply;

import java.time.Instant;

/**
 * A reply version without its positions, comments and reasons: what a list of every Member State's replies shows of
 * each version. {@code version} is numbered from 1 in the order recorded, as {@link ReplyVersion#version()}.
 */
public record ReplyHeader(long id, String memberState, int version, Instant receivedAt, Instant recordedAt, Channel channel,
                          boolean late, ReplyVersion.AttachmentInfo attachment) implements ReceivedVersion {
}
