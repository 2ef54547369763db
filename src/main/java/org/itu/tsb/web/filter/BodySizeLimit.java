package org.itu.tsb.web.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.itu.tsb.kernel.ConsultationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON bodies of {@code /api} are small (a reply form is a few kilobytes); a larger one is refused with 413 before
 * it is read, whether it declares its length or streams it in chunks. A Question's document ({@link DocumentUpload})
 * has its own limit.
 */
@Component
public class BodySizeLimit extends OncePerRequestFilter {

    private final long maxJsonBytes;
    private final long maxDocumentBytes;

    public BodySizeLimit(ConsultationProperties properties) {
        this.maxJsonBytes = properties.api().maxBodyBytes();
        this.maxDocumentBytes = properties.questions().maxDocumentBytes();
    }

    /** Thrown while reading a chunked body that goes past the limit. */
    public static class BodyTooLargeException extends IOException {
        BodyTooLargeException(long maxBytes) {
            super("the request body is larger than " + maxBytes + " bytes");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = DocumentUpload.is(request) ? maxDocumentBytes : maxJsonBytes;
        if (request.getContentLengthLong() > maxBytes) {
            FilterProblem.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
                    "body: " + request.getContentLengthLong() + " bytes, at most " + maxBytes + " are accepted", request.getRequestURI());
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws BodyTooLargeException {
                    read += n;
                    if (read > maxBytes) {
                        throw new BodyTooLargeException(maxBytes);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
