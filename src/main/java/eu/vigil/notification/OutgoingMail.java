package eu.vigil.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An email to render from {@code templates/mail/<template>.html} and {@code .txt}; the subject is
 * the message {@code subjectKey} in the recipient's language. {@code headers} are added as they are
 * (e.g. {@code List-Unsubscribe}). {@code personal} names the model values that differ from one recipient to the next
 * (a personal link): the templates print them as they are, never test or transform them, so a body rendered once may
 * serve every recipient of the same content with those values put in.
 */
public record OutgoingMail(
        String to,
        Locale locale,
        String template,
        String subjectKey,
        Object[] subjectArgs,
        Map<String, Object> model,
        Map<String, String> headers,
        Set<String> personal) {

    public OutgoingMail {
        model = Map.copyOf(model);
        subjectArgs = subjectArgs == null ? new Object[0] : subjectArgs.clone();
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        personal = personal == null ? Set.of() : Set.copyOf(personal);
    }

    public OutgoingMail(
            String to,
            Locale locale,
            String template,
            String subjectKey,
            Object[] subjectArgs,
            Map<String, Object> model,
            Map<String, String> headers) {
        this(to, locale, template, subjectKey, subjectArgs, model, headers, Set.of());
    }

    public OutgoingMail(
            String to,
            Locale locale,
            String template,
            String subjectKey,
            Object[] subjectArgs,
            Map<String, Object> model) {
        this(to, locale, template, subjectKey, subjectArgs, model, Map.of(), Set.of());
    }
}
