package org.itu.tsb.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A file is judged by its content and its size, and kept under a safe name. */
class FileCheckTest {

    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private final FileCheck pdfOnly = new FileCheck("document", Set.of("application/pdf"), "a PDF", 100, "question");

    @Test
    void aPdfIsKeptWithItsDetectedTypeAndASafeName() {
        Attachment kept = pdfOnly.check("..\\..\\texts/Q7-17 (rev. 2)\u0000.exe", PDF);
        assertThat(kept.contentType()).isEqualTo("application/pdf");
        assertThat(kept.filename()).isEqualTo("Q7-17 (rev. 2)_.exe");
        assertThat(kept.content()).isEqualTo(PDF);
        assertThat(pdfOnly.check("///", PDF).filename()).isEqualTo("question.pdf");
        assertThat(pdfOnly.check(null, PDF).filename()).isEqualTo("question.pdf");
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        assertThatThrownBy(() -> pdfOnly.check("text.pdf", "<html><script>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessage("document: the file is text/html, not a PDF");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> pdfOnly.check("text.pdf", png)).hasMessage("document: the file is image/png, not a PDF");
        assertThatThrownBy(() -> pdfOnly.check("text.pdf", new byte[0])).hasMessage("document: the file is empty");
        assertThatThrownBy(() -> pdfOnly.check("text.pdf", null)).hasMessage("document: the file is empty");
    }

    @Test
    void aFileOverTheLimitIsRefused() {
        byte[] large = new byte[101];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        assertThat(pdfOnly.check("text.pdf", Arrays.copyOf(large, 100)).size()).isEqualTo(100);
        assertThatThrownBy(() -> pdfOnly.check("text.pdf", large)).isInstanceOf(InvalidInputException.class)
                .hasMessage("document: the file is 101 bytes, at most 100 are accepted");
    }
}
