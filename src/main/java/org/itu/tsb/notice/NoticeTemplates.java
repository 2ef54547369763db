package org.itu.tsb.notice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The notices' words: one Thymeleaf template per kind in {@code notices/}, as plain text ({@code <kind>.txt}) and as
 * HTML ({@code <kind>.html}), with their words in the bundles {@code notices/messages*.properties}. The languages are
 * the bundles found: adding {@code messages_ar.properties} adds Arabic, without Java; a language without a bundle
 * gets English.
 * <p>
 * Its own template engine, not a bean: the pages' engine stays Spring Boot's, and a notice never sees a request.
 */
@Component
public class NoticeTemplates {

    /** The base bundle's language: what a recipient gets when its own has no bundle. */
    public static final String DEFAULT_LANGUAGE = "en";

    private static final String FOLDER = "notices/";
    private static final Pattern BLANK_LINES = Pattern.compile("\n[ \t]*(\n[ \t]*)+\n");
    private static final Pattern BUNDLE = Pattern.compile("messages_([a-z]{2,3})\\.properties");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final ResourceBundleMessageSource words = new ResourceBundleMessageSource();
    private final Set<String> languages;

    public NoticeTemplates() {
        words.setBasename(FOLDER + "messages");
        words.setDefaultEncoding("UTF-8");
        words.setFallbackToSystemLocale(false); // English is the base bundle, whatever the server's locale
        words.setAlwaysUseMessageFormat(true); // one quoting rule for every word: an apostrophe is written twice
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(FOLDER);
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.getTextTemplateModePatternSpec().addPattern("*.txt");
        resolver.getHtmlTemplateModePatternSpec().addPattern("*.html");
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(words);
        engine.setEnableSpringELCompiler(true);
        languages = bundledLanguages();
    }

    /** The languages notices can be written in. */
    public Set<String> languages() {
        return languages;
    }

    /** The recipient's language if it has a bundle, else English. */
    public String languageFor(String preferred) {
        String code = preferred == null ? "" : preferred.trim().toLowerCase(Locale.ROOT);
        return languages.contains(code) ? code : DEFAULT_LANGUAGE;
    }

    /** One notice kind written in one language: its subject from {@code <kind>.subject} with {@code subjectArgs}. */
    public Written write(NoticeKind kind, String language, Map<String, Object> model, Object... subjectArgs) {
        Locale locale = localeOf(language);
        Context context = new Context(locale, model);
        context.setVariable("fmt", new NoticeFormat(words, locale));
        String name = templateName(kind);
        String subject = words.getMessage(name + ".subject", subjectArgs, locale);
        // the text templates' loops leave empty lines where they wrote nothing: one empty line between paragraphs
        String body = BLANK_LINES.matcher(engine.process(name + ".txt", context).strip()).replaceAll("\n\n") + "\n";
        return new Written(locale.getLanguage(), subject, body, engine.process(name + ".html", context));
    }

    /** Dates, numbers and lists as the language (or English, without a bundle for it) writes them. */
    public NoticeFormat format(String language) {
        return new NoticeFormat(words, localeOf(language));
    }

    private Locale localeOf(String language) {
        return Locale.forLanguageTag(languageFor(language));
    }

    /** {@code REQUEST_FOR_REASONS} is written by {@code request-for-reasons.txt} and {@code .html}. */
    static String templateName(NoticeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public record Written(String language, String subject, String body, String htmlBody) {}

    private static Set<String> bundledLanguages() {
        Set<String> found = new TreeSet<>(Set.of(DEFAULT_LANGUAGE));
        try {
            for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:" + FOLDER + "messages_*.properties")) {
                Matcher m = BUNDLE.matcher(bundle.getFilename() == null ? "" : bundle.getFilename());
                if (m.matches()) {
                    found.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the notices' bundles cannot be listed", e);
        }
        return Set.copyOf(found);
    }
}
