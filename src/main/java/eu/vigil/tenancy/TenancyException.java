package eu.vigil.tenancy;

import eu.vigil.shared.UserFacingException;

/** A request about tenants, people, sign-in or API keys the person can fix. */
public class TenancyException extends UserFacingException {

    public TenancyException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
