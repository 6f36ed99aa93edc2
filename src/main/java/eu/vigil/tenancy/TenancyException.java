package eu.vigil.tenancy;

/** A request the person can fix; {@code messageKey} names the explanation in the message bundles. */
public class TenancyException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public TenancyException(String messageKey, Object... args) {
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
}
