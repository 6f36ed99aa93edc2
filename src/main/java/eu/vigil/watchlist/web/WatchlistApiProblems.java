package eu.vigil.watchlist.web;

import eu.vigil.tenancy.ApiLanguage;
import eu.vigil.watchlist.WatchlistException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused watchlist request as an RFC 9457 problem: {@code reason} is a stable code (the message key), {@code detail}
 * says which row or field and why in the caller's language (see {@link ApiLanguage}). Ahead of the app-wide English advice.
 */
@RestControllerAdvice(assignableTypes = WatchlistApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WatchlistApiProblems {

    private final MessageSource messages;
    private final ApiLanguage language;

    WatchlistApiProblems(MessageSource messages, ApiLanguage language) {
        this.messages = messages;
        this.language = language;
    }

    @ExceptionHandler(WatchlistException.class)
    ProblemDetail refused(WatchlistException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                messages.getMessage(
                        e.messageKey(),
                        e.args(),
                        e.messageKey(),
                        language.of(request).locale()));
        problem.setProperty("reason", e.messageKey());
        return problem;
    }
}
