package org.itu.tsb.web.export;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * A page rendered as PDF by openhtmltopdf (CSS paged media: {@code @page}, page breaks, page numbers). jsoup reads the
 * page's HTML5, so the template need not be strict XML. Fonts are PDF's built-in ones (Helvetica, Times), which hold
 * Latin-1 and Windows-1252 (every Member State name, curly quotes, dashes); a character beyond them (a Question
 * title in Cyrillic, say) has no glyph there and does not print as written: embed a font ({@code useFont}) if that
 * ever matters.
 */
public final class HtmlPdf {

    static {
        // openhtmltopdf logs every rendering's timings and each CSS property it skips (print-only ones such as
        // break-inside, which it reads as page-break-inside) on stderr: the stylesheet is ours, and tested
        XRLog.setLoggingEnabled(false);
    }

    private HtmlPdf() {
    }

    /** {@code baseUri} resolves the page's relative links; the page should carry its styles inline. */
    public static byte[] render(String html, String baseUri) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html, baseUri)), baseUri);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be rendered", e);
        }
        return pdf.toByteArray();
    }
}
