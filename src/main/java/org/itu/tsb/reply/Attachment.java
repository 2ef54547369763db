package org.itu.tsb.reply;

/** A scanned reply form. {@code contentType} is what its content is, as detected, not what the sender declared. */
public record Attachment(String filename, String contentType, byte[] content) {

    public long size() {
        return content.length;
    }
}
