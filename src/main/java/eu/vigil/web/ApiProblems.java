package eu.vigil.web;

import eu.vigil.shared.NotFoundException;
import eu.vigil.shared.UserFacingException;
import eu.vigil.tenancy.ApiLanguage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * The one answer of the whole JSON API to an error: an RFC 9457 problem, never with a stack trace. A request the person
 * can fix ({@link UserFacingException}, whichever module refused it) is a 400 whose {@code detail} is in the caller's
 * language (see {@link ApiLanguage}), with the members the exception adds ({@code field}, {@code reason}); portal pages
 * keep their HTML error pages.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private final MessageSource messages;
    private final ApiLanguage language;

    ApiProblems(MessageSource messages, ApiLanguage language) {
        this.messages = messages;
        this.language = language;
    }

    /** An unreadable body says which field and why, never the parser's internals. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON for this endpoint.";
        if (e.getCause() instanceof DatabindException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String reason = mapping.getOriginalMessage() != null
                            && mapping.getOriginalMessage().contains(HostileInput.NUL_MESSAGE)
                    ? HostileInput.NUL_MESSAGE
                    : "has a value of the wrong type or format";
            detail = "Field '" + HostileInput.printable(field) + "' " + reason + ".";
        }
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(UserFacingException.class)
    ProblemDetail refused(UserFacingException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                messages.getMessage(
                        e.messageKey(),
                        e.args(),
                        e.messageKey(),
                        language.of(request).locale()));
        e.problemProperties().forEach(problem::setProperty);
        return problem;
    }
}
