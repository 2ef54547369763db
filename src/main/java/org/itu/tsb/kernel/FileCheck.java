package org.itu.tsb.kernel;

import java.util.Set;
import org.apache.tika.Tika;

/**
 * What a file must be to be kept: not empty, no larger than a limit, and of an accepted type judged by its content
 * (magic bytes, via Apache Tika), never by its file name or the type the sender declared. Its name is made safe to
 * store and to give back in a download.
 */
public final class FileCheck {

    private static final Tika TIKA = new Tika();

    private final String field;
    private final Set<String> acceptedTypes;
    private final String accepted;
    private final long maxBytes;
    private final String defaultName;

    /**
     * @param field         the field a refusal names
     * @param acceptedTypes the media types accepted, as detected
     * @param accepted      what the file should have been, in the refusal's words: "a PDF"
     * @param maxBytes      the largest file accepted
     * @param defaultName   the file's name when it came without a usable one (the type's extension is added)
     */
    public FileCheck(String field, Set<String> acceptedTypes, String accepted, long maxBytes, String defaultName) {
        this.field = field;
        this.acceptedTypes = Set.copyOf(acceptedTypes);
        this.accepted = accepted;
        this.maxBytes = maxBytes;
        this.defaultName = defaultName;
    }

    /** The file as it will be stored: its detected type and a safe file name. */
    public Attachment check(String filename, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(field, "the file is empty");
        }
        if (content.length > maxBytes) {
            throw new InvalidInputException(field, "the file is " + content.length + " bytes, at most " + maxBytes + " are accepted");
        }
        String detected = TIKA.detect(content);
        if (!acceptedTypes.contains(detected)) {
            throw new InvalidInputException(field, "the file is " + detected + ", not " + accepted);
        }
        return new Attachment(safeName(filename, detected), detected, content);
    }

    public long maxBytes() {
        return maxBytes;
    }

    private String safeName(String filename, String type) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N} ._()-]", "_").strip();
        if (name.isEmpty()) {
            name = defaultName + "." + type.substring(type.indexOf('/') + 1);
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
