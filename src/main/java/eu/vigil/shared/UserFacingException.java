package eu.vigil.shared;

import java.util.Map;

/**
 * A request the person can fix; {@code messageKey} names the explanation in the message bundles. The API answers it
 * as a 400 problem whose {@code detail} is that explanation in the caller's language, with {@link #problemProperties()}
 * beside it; a portal page shows the explanation.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public UserFacingException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** Members of the API's problem document beside its detail (e.g. the field at fault); none by default. */
    public Map<String, Object> problemProperties() {
        return Map.of();
    }
}
