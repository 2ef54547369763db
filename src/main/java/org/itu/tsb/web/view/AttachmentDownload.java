package org.itu.tsb.web.view;

import java.nio.charset.StandardCharsets;
import org.itu.tsb.kernel.Attachment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A scanned reply form as a download: its detected type, its name, never rendered inline by the browser. */
public final class AttachmentDownload {

    private AttachmentDownload() {
    }

    public static ResponseEntity<byte[]> of(Attachment attachment) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(attachment.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .body(attachment.content());
    }

    /** Plain ASCII names as they are; others also RFC 5987-encoded, which every current browser reads. */
    private static String disposition(String filename) {
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(filename);
        ContentDisposition.Builder builder = ContentDisposition.attachment();
        return (ascii ? builder.filename(filename) : builder.filename(filename, StandardCharsets.UTF_8)).build().toString();
    }
}
