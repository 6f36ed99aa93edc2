package eu.vigil.alerting;

import eu.vigil.shared.UserFacingException;
import java.util.HashMap;
import java.util.Map;

/** A request the person can fix (a rule, a cursor): names the field at fault as the API's JSON does, e.g. {@code match.signals}. */
public class AlertingException extends UserFacingException {

    private final String field;

    public AlertingException(String field, String messageKey, Object... args) {
        super(messageKey, args);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The field at fault, as the API's JSON names it. */
    @Override
    public Map<String, Object> problemProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("field", field);
        return properties;
    }
}
