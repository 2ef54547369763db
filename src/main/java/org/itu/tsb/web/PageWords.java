package org.itu.tsb.web;

import org.itu.tsb.consultation.ConsultationStatus;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.tally.Decision;
import org.itu.tsb.tally.Position;
import org.springframework.stereotype.Component;

/** The words the pages use for the domain's codes. Templates call it as {@code ${@pageWords.position(p)}}. */
@Component("pageWords")
public class PageWords {

    /** Officers' short form: "supports", "does not support", "no position". */
    public String position(Position position) {
        if (position == null) {
            return "no position";
        }
        return switch (position) {
            case SUPPORTS -> "supports";
            case DOES_NOT_SUPPORT -> "does not support";
        };
    }

    /** The reply form's words (Annex 2): "supports approval", "does not support approval", "no position". */
    public String positionOnForm(Position position) {
        if (position == null) {
            return "no position";
        }
        return switch (position) {
            case SUPPORTS -> "supports approval";
            case DOES_NOT_SUPPORT -> "does not support approval";
        };
    }

    public String status(ConsultationStatus status) {
        return switch (status) {
            case ADOPTED -> "Adopted (circular not issued)";
            case OPEN -> "Open for replies";
            case DECIDED -> "Decided";
        };
    }

    public String channel(Channel channel) {
        return switch (channel) {
            case API -> "API";
            case ONLINE -> "Online form";
            case EMAIL -> "E-mail";
            case FAX -> "Fax";
            case LETTER -> "Letter";
        };
    }

    public String decision(Decision decision) {
        if (decision == null) {
            return "";
        }
        return switch (decision) {
            case APPROVED -> "Approved";
            case REFERRED_BACK -> "Not approved: referred back to the study group";
        };
    }

    /** As the circular writes it: Draft revised Question Q7/17 “Secure application services”. */
    public String question(Question question) {
        return question.description();
    }

    /** "12.4 KB", "10 MB": an attachment's size or a limit. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        boolean megabytes = bytes >= 1024 * 1024;
        String number = String.format(java.util.Locale.ENGLISH, "%.1f", bytes / (megabytes ? 1024.0 * 1024.0 : 1024.0));
        return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + (megabytes ? " MB" : " KB");
    }

    /** The first 12 characters of a content hash, enough to tell versions apart by eye. */
    public String shortHash(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
    }
}
