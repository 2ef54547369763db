package org.itu.tsb.web.filter;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** A refusal of the API's filters, before any controller: an RFC 9457 problem like every other answer of the API. */
final class FilterProblem {

    private FilterProblem() {
    }

    /** {@code title} and {@code detail} are the filters' own words, {@code instance} the request's path: escaped all the same. */
    static void write(HttpServletResponse response, HttpStatus status, String title, String detail, String instance) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String json = "{\"type\":\"about:blank\",\"title\":\"" + escaped(title) + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + escaped(detail) + "\"" + (instance == null ? "" : ",\"instance\":\"" + escaped(instance) + "\"") + "}";
        // as bytes: JSON is UTF-8, and a writer would add a charset (ISO-8859-1) to the problem's type
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\p{Cntrl}", "");
    }
}
