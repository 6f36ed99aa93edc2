package eu.vigil.notification;

import java.util.Locale;
import java.util.Map;

/**
 * An email to render from {@code templates/mail/<template>.html} and {@code .txt}; the subject is
 * the message {@code subjectKey} in the recipient's language.
 */
public record OutgoingMail(String to, Locale locale, String template, String subjectKey, Object[] subjectArgs,
                           Map<String, Object> model) {

    public OutgoingMail {
        model = Map.copyOf(model);
        subjectArgs = subjectArgs == null ? new Object[0] : subjectArgs.clone();
    }
}
