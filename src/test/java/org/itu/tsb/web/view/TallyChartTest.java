package org.itu.tsb.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itu.tsb.tally.Tally;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class TallyChartTest {

    private final TallyChart chart = new TallyChart(messages());

    @Test
    void theSupportBarEndsWhereTheThresholdLineIsAtExactlySeventyPercent() {
        String svg = chart.svg("q1", "Q7/17", new Tally(7, 3), 70);

        assertThat(attribute(svg, "rect class=\"bar-support\"", "width")).isEqualTo("420.0"); // 7 of 10 of 600
        assertThat(attribute(svg, "rect class=\"bar-not-support\"", "x")).isEqualTo("420.0");
        assertThat(attribute(svg, "rect class=\"bar-not-support\"", "width")).isEqualTo("180.0");
        assertThat(attribute(svg, "line class=\"threshold\"", "x1")).isEqualTo("420.0"); // 70 % of 600
        assertThat(attribute(svg, "line class=\"threshold\"", "x2")).isEqualTo("420.0");
    }

    @Test
    void theBarsShareTheWidthInProportionAndTheLineFollowsTheThreshold() {
        String svg = chart.svg("q2", "Q10/17", new Tally(2, 1), 50);

        assertThat(attribute(svg, "rect class=\"bar-support\"", "width")).isEqualTo("400.0");
        assertThat(attribute(svg, "rect class=\"bar-not-support\"", "width")).isEqualTo("200.0");
        assertThat(attribute(svg, "line class=\"threshold\"", "x1")).isEqualTo("300.0");
    }

    @Test
    void itSaysItsNumbersInWordsAndDoesNotRelyOnColour() {
        String svg = chart.svg("q1", "Q7/17", new Tally(7, 3), 70);

        String words = "Q7/17: 7 support, 3 do not support: 70.0 % support among 10 counted replies; the threshold is 70 %.";
        assertThat(svg).startsWith("<svg ").contains("role=\"img\"").contains("aria-label=\"" + words + "\"")
                .contains("<title>" + words + "</title>")
                // not support is hatched, not only another colour; the counts are written beside the bar
                .contains("fill=\"url(#hatch-q1)\"").contains("<pattern id=\"hatch-q1\"")
                .contains(">7 support (70.0 %)</text>").contains(">3 not support</text>").contains(">threshold 70 %</text>");
    }

    @Test
    void noCountedReplyDrawsNoBarAndSaysWhy() {
        String svg = chart.svg("q3", "Q16/17", new Tally(0, 0), 70);

        assertThat(svg).doesNotContain("bar-support").doesNotContain("bar-not-support")
                .contains("<title>Q16/17: no counted reply, so approved; the threshold is 70 %.</title>")
                .contains(">no counted reply</text>");
    }

    @Test
    void wordsAndIdsAreEscaped() {
        String svg = chart.svg("q\"1<", "Q<7>/17 & \"x\"", new Tally(1, 0), 70);

        assertThat(svg).contains("Q&lt;7&gt;/17 &amp; &quot;x&quot;").doesNotContain("Q<7>").contains("id=\"hatch-q-1-\"");
    }

    private static String attribute(String svg, String element, String name) {
        Matcher tag = Pattern.compile("<" + Pattern.quote(element) + "[^>]*>").matcher(svg);
        assertThat(tag.find()).as("element %s in %s", element, svg).isTrue();
        Matcher value = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(tag.group());
        assertThat(value.find()).as("attribute %s of %s", name, tag.group()).isTrue();
        return value.group(1);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
