package org.itu.tsb.reply;

/**
 * The sizes a reply may have: validation, the forms' {@code maxlength} and the columns of {@code reply_version} use
 * these (a test checks the schema against them).
 */
public final class ReplyLimits {

    /** Comments and reasons, each: generous for a reply form; beyond it the text is surely not a reply. */
    public static final int MAX_TEXT_LENGTH = 20_000;

    /** Who recorded a reply: a user name. */
    public static final int MAX_RECORDED_BY = 100;

    private ReplyLimits() {
    }
}
