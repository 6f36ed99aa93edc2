package eu.vigil.feed.internal;

/** The extract is fine but may not be applied now (old, out of order, already applied) unless an operator forces it. */
public class RefusedException extends RuntimeException {

    public RefusedException(String message) {
        super(message);
    }
}
