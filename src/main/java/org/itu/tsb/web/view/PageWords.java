package org.itu.tsb.web.view;

import java.util.Locale;
import org.itu.tsb.reply.ReplyLimits;
import org.springframework.stereotype.Component;

/**
 * Values the pages write in a particular way; words and labels are in {@code messages.properties}.
 * Templates call it as {@code ${@pageWords.size(bytes)}}.
 */
@Component("pageWords")
public class PageWords {

    /** "12.4 KB", "10 MB": an attachment's size or a limit. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        boolean megabytes = bytes >= 1024 * 1024;
        String number = String.format(Locale.ENGLISH, "%.1f", bytes / (megabytes ? 1024.0 * 1024.0 : 1024.0));
        return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + (megabytes ? " MB" : " KB");
    }

    /** The first 12 characters of a content hash, enough to tell versions apart by eye. */
    public String shortHash(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
    }

    /** For the forms' {@code maxlength}: the longest comments or reasons accepted. */
    public int maxTextLength() {
        return ReplyLimits.MAX_TEXT_LENGTH;
    }
}
