package org.itu.tsb.reply;

import java.util.Set;
import org.apache.tika.Tika;
import org.itu.tsb.kernel.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A scanned reply form must be a PDF or an image, judged by its content (magic bytes, via Apache Tika), never by
 * its file name or the type the browser declared; and no larger than the configured limit.
 */
@Component
public class AttachmentCheck {

    public static final Set<String> ACCEPTED_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/tiff");

    private final Tika tika = new Tika();
    private final long maxBytes;

    public AttachmentCheck(@Value("${consultation.replies.max-attachment-bytes}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The attachment as it will be stored: its detected type and a safe file name. */
    public Attachment check(String filename, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("attachment", "the file is empty");
        }
        if (content.length > maxBytes) {
            throw new InvalidInputException("attachment", "the file is " + content.length + " bytes, at most " + maxBytes + " are accepted");
        }
        String detected = tika.detect(content);
        if (!ACCEPTED_TYPES.contains(detected)) {
            throw new InvalidInputException("attachment", "the file is " + detected
                    + ", not a PDF or an image (PNG, JPEG, TIFF) of the reply form");
        }
        return new Attachment(safeName(filename, detected), detected, content);
    }

    public long maxBytes() {
        return maxBytes;
    }

    private static String safeName(String filename, String type) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N} ._()-]", "_").strip();
        if (name.isEmpty()) {
            name = "reply-form." + type.substring(type.indexOf('/') + 1);
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
