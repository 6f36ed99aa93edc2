package eu.vigil.alerting.web;

import eu.vigil.alerting.AlertingException;
import eu.vigil.tenancy.ApiLanguage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A rule or request the client can fix: 400, with the field at fault as a {@code field} member of the problem and the
 * {@code detail} in the caller's language (see {@link ApiLanguage}).
 */
@RestControllerAdvice(assignableTypes = {AlertRulesApi.class, AlertsApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlertApiProblems {

    private final MessageSource messages;
    private final ApiLanguage language;

    AlertApiProblems(MessageSource messages, ApiLanguage language) {
        this.messages = messages;
        this.language = language;
    }

    @ExceptionHandler(AlertingException.class)
    ProblemDetail invalid(AlertingException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                messages.getMessage(
                        e.messageKey(),
                        e.args(),
                        e.messageKey(),
                        language.of(request).locale()));
        problem.setProperty("field", e.field());
        return problem;
    }
}
