package org.itu.tsb.web.page;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** Reading a page as its reader does: its text, its checked choices, its links. */
public final class PageText {

    private PageText() {
    }

    /** The page's text as a reader sees it: no tags, entities decoded, white space collapsed. */
    public static String text(String html) {
        String noTags = html.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("<[^>]+>", " ");
        return HtmlUtils.htmlUnescape(noTags).replaceAll("\\s+", " ").trim();
    }

    /** The value of the checked radio button named {@code name}, or null if none is checked. */
    public static String checked(String html, String name) {
        Matcher input = Pattern.compile("<input[^>]*>").matcher(html);
        List<String> values = new ArrayList<>();
        while (input.find()) {
            String tag = input.group();
            if (tag.contains("name=\"" + name + "\"") && tag.contains(" checked")) {
                Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(tag);
                values.add(value.find() ? value.group(1) : "");
            }
        }
        if (values.size() > 1) {
            throw new AssertionError("more than one choice checked for " + name + ": " + values);
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** The first link on the page whose address matches {@code regex}. */
    public static String link(String html, String regex) {
        Matcher href = Pattern.compile("href=\"(" + regex + ")\"").matcher(html);
        if (!href.find()) {
            throw new AssertionError("no link matching " + regex);
        }
        return HtmlUtils.htmlUnescape(href.group(1));
    }
}
