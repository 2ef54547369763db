package org.itu.tsb.reply;

/** How a reply reached TSB. Whatever the channel, one Member State has one counted reply per consultation. */
public enum Channel {
    /** Submitted by an integration through the REST API. */
    API,
    /** Filled in by the Member State on the online reply form. */
    ONLINE,
    /** Received by e-mail and recorded by a TSB officer. */
    EMAIL,
    /** Received by fax and recorded by a TSB officer. */
    FAX,
    /** Received by letter and recorded by a TSB officer. */
    LETTER;

    /** The channels by which a reply reaches TSB outside the application: an officer records them, with the time received. */
    public static final java.util.List<Channel> RECORDED_BY_OFFICERS = java.util.List.of(EMAIL, FAX, LETTER);
}
