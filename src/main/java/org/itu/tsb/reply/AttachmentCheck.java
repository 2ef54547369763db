package org.itu.tsb.reply;

import java.util.Set;
import org.itu.tsb.kernel.Attachment;
import org.itu.tsb.kernel.FileCheck;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A scanned reply form must be a PDF or an image, judged by its content, never by its file name or the type the
 * browser declared; and no larger than the configured limit ({@link FileCheck}).
 */
@Component
public class AttachmentCheck {

    public static final Set<String> ACCEPTED_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/tiff");

    private final FileCheck check;

    public AttachmentCheck(@Value("${consultation.replies.max-attachment-bytes}") long maxBytes) {
        this.check = new FileCheck("attachment", ACCEPTED_TYPES, "a PDF or an image (PNG, JPEG, TIFF) of the reply form", maxBytes,
                "reply-form");
    }

    /** The attachment as it will be stored: its detected type and a safe file name. */
    public Attachment check(String filename, byte[] content) {
        return check.check(filename, content);
    }

    public long maxBytes() {
        return check.maxBytes();
    }
}
