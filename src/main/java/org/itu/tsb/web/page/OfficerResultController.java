package org.itu.tsb.web.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.reply.ReplyHistory;
import org.itu.tsb.tally.TallyService;
import org.itu.tsb.web.export.ConsultationExports;
import org.itu.tsb.web.export.CsvFile;
import org.itu.tsb.web.export.HtmlPdf;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.itu.tsb.identity.ConsultationUser;

/**
 * For TSB officers: the result announcement in the style of a TSB circular, as a page to print and as a PDF (the
 * final one once announced; while the tally is reviewed, a draft marked provisional), and the CSV exports as
 * downloads (a link cannot ask for {@code Accept: text/csv}).
 */
@Controller
@RequestMapping("/officer/consultations/{id}")
class OfficerResultController {

    static final String PAGE = "officer/result";
    static final String PDF = "officer/result-pdf";

    private final TallyService tallies;
    private final ReplyHistory replies;
    private final ConsultationExports exports;
    private final ConsultationProperties properties;
    private final ViewResolver views;
    private final Clock clock;
    private final String circularCss;

    OfficerResultController(TallyService tallies, ReplyHistory replies, ConsultationExports exports,
                            ConsultationProperties properties, @Qualifier("thymeleafViewResolver") ViewResolver views,
                            Clock clock) throws IOException {
        this.tallies = tallies;
        this.replies = replies;
        this.exports = exports;
        this.properties = properties;
        this.views = views;
        this.clock = clock;
        try (InputStream css = new ClassPathResource("static/css/circular.css").getInputStream()) {
            this.circularCss = new String(css.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** 409 (the page says why) before the tally. */
    @GetMapping("/result")
    ModelAndView page(@PathVariable long id) {
        return new ModelAndView(PAGE, "a", announcement(id));
    }

    /** The same announcement, from the same fragment, as an A4 PDF: "TSB-Circular-101-result.pdf". */
    @GetMapping("/result.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws Exception {
        ResultAnnouncement announcement = announcement(id);
        String html = render(PDF, Map.of("a", announcement, "circularCss", circularCss), locale, request, response);
        String name = exports.filename(id, announcement.provisional() ? "result-provisional.pdf" : "result.pdf");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(HtmlPdf.render(html, request.getRequestURL().toString()));
    }

    @GetMapping("/tally.csv")
    ResponseEntity<byte[]> tallyCsv(@PathVariable long id, @AuthenticationPrincipal ConsultationUser officer) {
        return CsvFile.download(exports.tallyCsv(exports.tally(id, officer)), exports.filename(id, "tally.csv"));
    }

    @GetMapping("/replies.csv")
    ResponseEntity<byte[]> repliesCsv(@PathVariable long id) {
        return CsvFile.download(exports.repliesCsv(id, replies.of(id)), exports.filename(id, "replies.csv"));
    }

    private ResultAnnouncement announcement(long id) {
        return ResultAnnouncement.of(tallies.result(id), properties, clock.instant());
    }

    /** A template rendered to a string, with the request's context (messages, beans, the user) as a page has it. */
    private String render(String template, Map<String, ?> model, Locale locale, HttpServletRequest request,
                          HttpServletResponse response) throws Exception {
        View view = views.resolveViewName(template, locale);
        StringWriter html = new StringWriter();
        PrintWriter writer = new PrintWriter(html);
        view.render(model, request, new HttpServletResponseWrapper(response) {
            @Override public PrintWriter getWriter() {
                return writer;
            }
            @Override public void setContentType(String type) {
                // the real response is the PDF
            }
            @Override public void setCharacterEncoding(String charset) {
            }
            @Override public void setLocale(Locale locale) {
            }
        });
        writer.flush();
        return html.toString();
    }
}
