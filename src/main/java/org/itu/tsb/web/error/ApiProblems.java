package org.itu.tsb.web.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.itu.tsb.consultation.ConsultationNotFoundException;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.consultation.QuestionNotFoundException;
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

    @ExceptionHandler(QuestionNotFoundException.class)
    ProblemDetail questionNotFound(QuestionNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Question not found", e.getMessage());
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

    /**
     * Names the JSON field that could not be read and what it should have been, in the API's words: never Jackson's
     * own message, which names the application's classes.
     */
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
        if (cause instanceof MismatchedInputException m && m.getMessage() != null && m.getMessage().contains("Trailing token")) {
            return "body: unexpected content after the JSON object";
        }
        if (cause instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return path(f) + ": '" + f.getValue() + "' is not one of " + constants(f.getTargetType());
        }
        if (cause instanceof InvalidFormatException f && f.getTargetType() != null) {
            return path(f) + ": '" + f.getValue() + "' " + expected(f.getTargetType());
        }
        if (cause instanceof MismatchedInputException m && m.getTargetType() != null) {
            return path(m) + ": " + expected(m.getTargetType());
        }
        if (cause instanceof JsonMappingException m) {
            return path(m) + ": not a valid value";
        }
        return "body: a JSON body is required";
    }

    /** What a field of this type must be, said to the caller. */
    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + constants(type);
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be text";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be an instant in UTC such as 2026-04-03T23:59:59.999Z";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be a JSON object";
    }

    private static String constants(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
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
