package org.itu.tsb.web.view;

import java.util.ArrayList;
import java.util.List;
import org.itu.tsb.reply.ReplyProgress;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The replies count in words that cannot be misread: how many States replied, and of those how many count and why the
 * others do not ("6 of 194 Member States replied: 5 counted (received by the deadline), 1 only after the deadline (not
 * counted)."). The words are in {@code messages.properties}; templates call {@code ${@progressWords.of(progress)}}.
 */
@Component("progressWords")
public class ProgressWords {

    private final MessageSource messages;

    public ProgressWords(MessageSource messages) {
        this.messages = messages;
    }

    public String of(ReplyProgress p) {
        String replied = text("progress.replied", p.replied(), p.memberStates());
        if (p.replied() == 0) {
            return replied + ".";
        }
        if (!p.anyNotCounted()) {
            return text("progress.allCounted", replied);
        }
        List<String> parts = new ArrayList<>();
        parts.add(text("progress.counted", p.counted()));
        if (p.lateOnly() > 0) {
            parts.add(text("progress.lateOnly", p.lateOnly()));
        }
        if (p.enteredAfterAnnouncement() > 0) {
            parts.add(text("progress.enteredAfterAnnouncement", p.enteredAfterAnnouncement()));
        }
        String words = text("progress.parts", replied, String.join(", ", parts));
        return p.countedAlsoTooLate() == 0 ? words : words + " " + text("progress.countedAlsoTooLate", p.countedAlsoTooLate());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
