package eu.vigil.alerting.web;

import eu.vigil.alerting.AlertingException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rule or request the client can fix: 400, with the field at fault as a {@code field} member of the problem. */
@RestControllerAdvice(assignableTypes = {AlertRulesApi.class, AlertsApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlertApiProblems {

    private final MessageSource messages;

    AlertApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(AlertingException.class)
    ProblemDetail invalid(AlertingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), Locale.ENGLISH));
        problem.setProperty("field", e.field());
        return problem;
    }
}
