package org.itu.tsb.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.itu.tsb.consultation.QuestionKind;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.Position;
import org.itu.tsb.tally.Decision;
import org.junit.jupiter.api.Test;

/** The notices' words: every language complete, every word a template uses defined, none defined for nothing. */
class NoticeTemplatesTest {

    private static final Path FOLDER = Path.of("src/main/resources/notices");
    private static final Pattern MESSAGE = Pattern.compile("#\\{([a-zA-Z0-9.-]+)");

    private final NoticeTemplates templates = new NoticeTemplates();

    @Test
    void theLanguagesAreTheBundlesFoundAndAnyOtherGetsEnglish() {
        assertThat(templates.languages()).containsExactlyInAnyOrder("en", "fr", "es");
        assertThat(templates.languageFor("fr")).isEqualTo("fr");
        assertThat(templates.languageFor(" ES ")).isEqualTo("es");
        assertThat(templates.languageFor("ar")).as("no Arabic bundle yet").isEqualTo("en");
        assertThat(templates.languageFor(null)).isEqualTo("en");
        assertThat(templates.languageFor("")).isEqualTo("en");
    }

    @Test
    void everyLanguageHasEveryWordOfTheBaseBundle() throws IOException {
        Set<String> base = keys("messages.properties");
        assertThat(keys("messages_fr.properties")).isEqualTo(base);
        assertThat(keys("messages_es.properties")).isEqualTo(base);
    }

    @Test
    void everyWordATemplateUsesIsDefinedAndEveryDefinedWordIsUsed() throws IOException {
        Set<String> base = keys("messages.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".html")).toList()) {
                Matcher m = MESSAGE.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        // words chosen by a value (#{question.__${q.kind}__}): one per value
        Arrays.stream(QuestionKind.values()).forEach(v -> used.add("question." + v));
        Arrays.stream(Position.values()).forEach(v -> used.add("position." + v));
        Arrays.stream(Decision.values()).forEach(v -> used.add("decision." + v));
        Arrays.stream(Channel.values()).forEach(v -> used.add("channel." + v));
        used.removeIf(k -> k.endsWith(".")); // the prefix of a word chosen by a value
        // subjects are the kind's name, the formats NoticeFormat's
        Arrays.stream(NoticeKind.values()).forEach(k -> used.add(NoticeTemplates.templateName(k) + ".subject"));
        used.addAll(Set.of("format.date", "format.date-time", "format.deadline", "format.and"));

        assertThat(base).as("defined").containsAll(used);
        assertThat(used).as("used").containsAll(base);
    }

    @Test
    void everyKindHasATextAndAnHtmlTemplate() {
        for (NoticeKind kind : NoticeKind.values()) {
            assertThat(FOLDER.resolve(NoticeTemplates.templateName(kind) + ".txt")).exists();
            assertThat(FOLDER.resolve(NoticeTemplates.templateName(kind) + ".html")).exists();
        }
    }

    private static Set<String> keys(String bundle) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(FOLDER.resolve(bundle))) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
