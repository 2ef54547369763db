package org.itu.tsb.web.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"click\")", "+1", "-5 % of the budget", "@SUM(A1:A2)",
            "\tTab first", "\rCR first", "=", "-"})
    void aCellAspreadsheetWouldReadAsAFormulaStartsWithAnApostrophe(String cell) {
        assertThat(SpreadsheetCells.inert(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Côte d'Ivoire", "70.0", "Q7/17", " =leading space", "a=b", "'quoted", "\nNew line first", "#"})
    void anyOtherCellIsLeftAsItIs(String cell) {
        assertThat(SpreadsheetCells.inert(cell)).isEqualTo(cell);
    }

    @Test
    void nothingIsAnEmptyCell() {
        assertThat(SpreadsheetCells.inert(null)).isEmpty();
        assertThat(SpreadsheetCells.inert("")).isEmpty();
        assertThat(SpreadsheetCells.inert(7)).isEqualTo("7");
    }

    @Test
    void theFileIsUtf8WithAByteOrderMarkQuotedAsRfc4180WithEveryCellInert() {
        byte[] csv = CsvFile.write(List.of("name", "comments"),
                List.of(Arrays.asList("Türkiye", "=1+1, \"quoted\"\nsecond line"), Arrays.asList("Côte d'Ivoire", null)));
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)).isEqualTo(
                "name,comments\r\nTürkiye,\"'=1+1, \"\"quoted\"\"\nsecond line\"\r\nCôte d'Ivoire,\r\n");
    }
}
