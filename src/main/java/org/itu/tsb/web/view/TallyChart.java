package org.itu.tsb.web.view;

import java.math.BigDecimal;
import java.util.Locale;
import org.itu.tsb.tally.Tally;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A Question's tally as a picture, drawn on the server (no script): one horizontal bar, support in solid green from
 * the left, not support hatched after it, and the threshold as a dashed line. The numbers are written beside the bar
 * and in the picture's title, so neither the colours nor the picture are needed to read it; it prints as it shows.
 * Templates call it as {@code ${@tallyChart.svg(id, questionNumber, tally, thresholdPercent)}}, with th:utext: every
 * word in it is escaped here.
 */
@Component("tallyChart")
public class TallyChart {

    /** The drawing's width in its own units: a share of p % is at x = 6 p. */
    static final int WIDTH = 600;
    private static final int HEIGHT = 74;
    private static final int BAR_TOP = 20;
    private static final int BAR_HEIGHT = 28;

    private final MessageSource messages;

    public TallyChart(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The chart as an inline {@code <svg>} element. {@code id} makes its pattern's id unique on the page (several
     * charts share one document).
     */
    public String svg(String id, String questionNumber, Tally tally, int thresholdPercent) {
        String pattern = "hatch-" + id.replaceAll("[^A-Za-z0-9_-]", "-");
        String title = tally.counted() == 0
                ? text("chart.title.none", questionNumber, thresholdPercent)
                : text("chart.title", questionNumber, tally.support(), tally.notSupport(), percent(tally), tally.counted(), thresholdPercent);
        double threshold = (double) WIDTH * thresholdPercent / 100;
        StringBuilder svg = new StringBuilder(1200);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tally-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-label=\"").append(escape(title)).append("\">")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<defs><pattern id=\"").append(pattern).append("\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"")
                .append(" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#fdecea\"/>")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#b3261e\" stroke-width=\"3\"/></pattern></defs>")
                .append("<rect class=\"bar-frame\" x=\"0.5\" y=\"").append(BAR_TOP).append("\" width=\"").append(WIDTH - 1)
                .append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"#f4f6f9\" stroke=\"#5a6675\"/>");
        if (tally.counted() > 0) {
            double support = (double) WIDTH * tally.support() / tally.counted();
            svg.append(rect("bar-support", 0, support, "#1d6b36"))
                    .append(rect("bar-not-support", support, WIDTH - support, "url(#" + pattern + ")"))
                    .append(label(0, "start", text("chart.support", tally.support(), percent(tally))))
                    .append(label(WIDTH, "end", text("chart.notSupport", tally.notSupport())));
        } else {
            svg.append(label(WIDTH / 2.0, "middle", text("chart.none")));
        }
        // the threshold's words sit on the side of its line where they fit
        String anchor = thresholdPercent > 80 ? "end" : "start";
        double wordsAt = thresholdPercent > 80 ? threshold - 4 : threshold + 4;
        svg.append("<line class=\"threshold\" x1=\"").append(number(threshold)).append("\" y1=\"4\" x2=\"").append(number(threshold))
                .append("\" y2=\"").append(BAR_TOP + BAR_HEIGHT + 4).append("\" stroke=\"#1b2430\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>")
                .append("<text x=\"").append(number(wordsAt)).append("\" y=\"14\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"13\" fill=\"#1b2430\">").append(escape(text("chart.threshold", thresholdPercent))).append("</text>")
                .append("</svg>");
        return svg.toString();
    }

    private static String rect(String kind, double x, double width, String fill) {
        return "<rect class=\"" + kind + "\" x=\"" + number(x) + "\" y=\"" + BAR_TOP + "\" width=\"" + number(width)
                + "\" height=\"" + BAR_HEIGHT + "\" fill=\"" + fill + "\"/>";
    }

    private static String label(double x, String anchor, String words) {
        return "<text x=\"" + number(x) + "\" y=\"" + (HEIGHT - 6) + "\" text-anchor=\"" + anchor + "\" font-size=\"14\" fill=\"#1b2430\">"
                + escape(words) + "</text>";
    }

    /** One decimal, a point whatever the locale: SVG's numbers. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(Tally tally) {
        BigDecimal percent = tally.percent();
        return percent == null ? "" : percent.toPlainString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
