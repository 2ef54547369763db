package org.itu.tsb.web.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.itu.tsb.consultation.ConsultationNotFoundException;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.web.filter.BodySizeLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of {@code /api} is an RFC 9457 problem whose {@code detail} names the offending field or state.
 * Never a stack trace, never a 500 for bad input.
 */
@RestControllerAdvice(basePackages = "org.itu.tsb.web.api")
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(ConsultationNotFoundException.class)
    ProblemDetail notFound(ConsultationNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Consultation not found", e.getMessage());
    }

    @ExceptionHandler(ConsultationStateException.class)
    ProblemDetail conflict(ConsultationStateException e) {
        return problem(HttpStatus.CONFLICT, "Not allowed in the consultation's current state", e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", "Not allowed: " + e.getMessage() + ".");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getName() + ": '" + e.getValue() + "' is not valid");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed; nothing was changed.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
        if (!e.getBindingResult().getFieldErrors().isEmpty()) {
            problem.setProperty("field", e.getBindingResult().getFieldErrors().get(0).getField());
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimit.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "body: " + tooLarge.getMessage()));
            }
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", unreadable(e));
        return ResponseEntity.badRequest().body(problem);
    }

    /** Names the JSON field Jackson could not read, without echoing parser internals. */
    private static String unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonParseException p) {
                return "body: malformed JSON (" + p.getOriginalMessage().split("\\(|\n")[0].trim() + ")";
            }
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return path(u) + ": unknown field";
        }
        if (cause instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return path(f) + ": '" + f.getValue() + "' is not one of " + allowed;
        }
        if (cause instanceof InvalidFormatException f) {
            return path(f) + ": '" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName();
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return path(m) + ": " + m.getOriginalMessage().split("\n")[0];
        }
        if (cause instanceof JsonMappingException m) {
            return "body: " + m.getOriginalMessage().split("\n")[0];
        }
        return "body: a JSON body is required";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
