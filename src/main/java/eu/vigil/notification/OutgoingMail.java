package eu.vigil.notification;

import java.util.Locale;
import java.util.Map;

/**
 * An email to render from {@code templates/mail/<template>.html} and {@code .txt}; the subject is
 * the message {@code subjectKey} in the recipient's language. {@code headers} are added as they are
 * (e.g. {@code List-Unsubscribe}).
 */
public record OutgoingMail(String to, Locale locale, String template, String subjectKey, Object[] subjectArgs,
                           Map<String, Object> model, Map<String, String> headers) {

    public OutgoingMail {
        model = Map.copyOf(model);
        subjectArgs = subjectArgs == null ? new Object[0] : subjectArgs.clone();
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public OutgoingMail(String to, Locale locale, String template, String subjectKey, Object[] subjectArgs,
                        Map<String, Object> model) {
        this(to, locale, template, subjectKey, subjectArgs, model, Map.of());
    }
}
