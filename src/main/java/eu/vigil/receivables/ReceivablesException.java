package eu.vigil.receivables;

import eu.vigil.tenancy.TenancyException;

/** A receivables request the person can fix (a bad currency or rate, an unreadable file); answered 400 by the API. */
public class ReceivablesException extends TenancyException {

    public ReceivablesException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
