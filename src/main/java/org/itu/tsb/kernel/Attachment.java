package org.itu.tsb.kernel;

/**
 * A file as it is kept: a scanned reply form, a document with a Question's text. {@code contentType} is what its
 * content is, as detected ({@link FileCheck}), not what the sender declared.
 */
public record Attachment(String filename, String contentType, byte[] content) {

    public long size() {
        return content.length;
    }
}
