package eu.vigil.alerting;

import eu.vigil.tenancy.TenancyException;

/** A request the person can fix (a rule, a cursor): names the field at fault as the API's JSON does, e.g. {@code match.signals}. */
public class AlertingException extends TenancyException {

    private final String field;

    public AlertingException(String field, String messageKey, Object... args) {
        super(messageKey, args);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
