package org.itu.tsb.memberstate;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The Member States that may reply, read from a data file at start. The count comes from the data:
 * nothing in the application assumes 193 or 194.
 */
@Component
public class MemberStateRegistry {

    private final Map<String, MemberState> byCode;

    public MemberStateRegistry(@Value("${consultation.member-states}") Resource data) {
        this.byCode = Collections.unmodifiableMap(load(data));
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

    public int size() {
        return byCode.size();
    }

    private static Map<String, MemberState> load(Resource data) {
        record Row(String code, String name, String language, String emails) {}
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Map<String, MemberState> states = new LinkedHashMap<>();
        try (InputStream in = data.getInputStream();
             MappingIterator<Row> rows = mapper.readerFor(Row.class).with(schema).readValues(in)) {
            while (rows.hasNext()) {
                Row row = rows.next();
                String code = row.code().trim().toUpperCase(Locale.ROOT);
                if (!code.matches("[A-Z]{3}")) {
                    throw new IllegalStateException("Member State registry " + data + ": '" + code + "' is not an ISO 3166-1 alpha-3 code");
                }
                var emails = Arrays.stream(row.emails().split(";")).map(String::trim).filter(e -> !e.isEmpty()).toList();
                if (states.put(code, new MemberState(code, row.name().trim(), row.language().trim(), emails)) != null) {
                    throw new IllegalStateException("Member State registry " + data + ": " + code + " appears twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Member State registry " + data, e);
        }
        if (states.isEmpty()) {
            throw new IllegalStateException("Member State registry " + data + " is empty");
        }
        return states;
    }
}
