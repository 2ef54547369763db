package org.itu.tsb.web.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one format of the CSV exports: RFC 4180 (comma, double quotes, CRLF), a header row, UTF-8 with a byte-order
 * mark (without it Excel reads the file as the machine's legacy code page and spoils "Côte d'Ivoire"; LibreOffice,
 * pandas and Python's {@code utf-8-sig} read it as well), every cell inert in a spreadsheet ({@link SpreadsheetCells}).
 */
public final class CsvFile {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final String TEXT_CSV_VALUE = "text/csv";

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvFile() {
    }

    public static byte[] write(List<String> header, List<? extends List<?>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            out.write(BYTE_ORDER_MARK);
            csv.printRecord(header.stream().map(SpreadsheetCells::inert));
            for (List<?> row : rows) {
                csv.printRecord(row.stream().map(SpreadsheetCells::inert));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /** The file as a download named {@code filename}. */
    public static ResponseEntity<byte[]> download(byte[] csv, String filename) {
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(csv);
    }
}
