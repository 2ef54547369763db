package org.itu.tsb.web.filter;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * The one request of the API whose body is not JSON: {@code PUT /api/consultations/{id}/questions/{seq}/document},
 * the document with a Question's text, sent as the PDF itself. Its size has a limit of its own.
 */
public final class DocumentUpload {

    private static final Pattern PATH = Pattern.compile("/api/consultations/[^/]+/questions/[^/]+/document");

    private DocumentUpload() {
    }

    public static boolean is(HttpServletRequest request) {
        return "PUT".equals(request.getMethod()) && PATH.matcher(request.getRequestURI()).matches();
    }
}
