package org.itu.tsb.reply;

import java.time.Instant;

/**
 * What {@link CountedReply} reads of a reply version: when TSB received it, when it was recorded, and its id (the
 * order recorded). A full version and a version's header alike, so a list of every Member State need not read bodies.
 */
public interface ReceivedVersion {

    long id();

    Instant receivedAt();

    Instant recordedAt();
}
