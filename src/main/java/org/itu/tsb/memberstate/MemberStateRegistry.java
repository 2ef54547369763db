package org.itu.tsb.memberstate;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.itu.tsb.kernel.ConsultationProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The Member States that may reply, read from a data file at start. The count comes from the data:
 * nothing in the application assumes 193 or 194.
 */
@Component
public class MemberStateRegistry {

    /** Names sorted as a reader looks them up: English collation, so Côte d'Ivoire stands among the Cs. */
    public static final Comparator<String> NAME_ORDER = Collator.getInstance(Locale.ENGLISH)::compare;

    private final Map<String, MemberState> byCode;
    private final List<MemberState> byName;

    @Autowired
    public MemberStateRegistry(ConsultationProperties properties) {
        this(properties.memberStates());
    }

    /** The registry read from a data file; throws, naming the file and the row, if the file is not a valid registry. */
    public MemberStateRegistry(Resource data) {
        this.byCode = Collections.unmodifiableMap(load(data));
        this.byName = byCode.values().stream().sorted(Comparator.comparing(MemberState::name, NAME_ORDER)).toList();
    }

    public Optional<MemberState> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.toUpperCase(Locale.ROOT)));
    }

    public boolean contains(String code) {
        return find(code).isPresent();
    }

    public Collection<MemberState> all() {
        return byCode.values();
    }

    /** Every Member State in the order a reader looks them up ({@link #NAME_ORDER}). */
    public List<MemberState> byName() {
        return byName;
    }

    /** The Member State's name, or the code itself if the registry does not know it (any longer). */
    public String nameOf(String code) {
        return find(code).map(MemberState::name).orElse(code);
    }

    public int size() {
        return byCode.size();
    }

    private static Map<String, MemberState> load(Resource data) {
        record Row(String code, String name, String language, String emails) {}
        // a blank line (editors often leave one at the end) is not a row
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Map<String, MemberState> states = new LinkedHashMap<>();
        try (InputStream in = data.getInputStream();
             MappingIterator<Row> rows = mapper.readerFor(Row.class).with(schema).readValues(in)) {
            int line = 1; // the header
            while (rows.hasNext()) {
                Row row = rows.next();
                line++;
                String code = trimmed(row.code()).toUpperCase(Locale.ROOT);
                String where = "Member State registry " + data + ", line " + line + ": ";
                if (!code.matches("[A-Z]{3}")) {
                    throw new IllegalStateException(where + "'" + code + "' is not an ISO 3166-1 alpha-3 code");
                }
                if (trimmed(row.name()).isEmpty()) {
                    throw new IllegalStateException(where + code + " has no name");
                }
                String language = trimmed(row.language()).toLowerCase(Locale.ROOT);
                if (!language.isEmpty() && !language.matches("[a-z]{2}")) {
                    throw new IllegalStateException(where + "'" + language + "' is not a language code such as en, fr or es");
                }
                var emails = Arrays.stream(trimmed(row.emails()).split(";")).map(String::trim).filter(e -> !e.isEmpty()).toList();
                // the notices' language: English when the registry does not know it
                var state = new MemberState(code, trimmed(row.name()), language.isEmpty() ? "en" : language, emails);
                if (states.put(code, state) != null) {
                    throw new IllegalStateException(where + code + " appears twice");
                }
            }
        } catch (RuntimeJsonMappingException e) {
            throw new IllegalStateException("Member State registry " + data + " is not a CSV file with the columns "
                    + "code, name, language, emails: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Member State registry " + data, e);
        }
        if (states.isEmpty()) {
            throw new IllegalStateException("Member State registry " + data + " is empty");
        }
        return states;
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
