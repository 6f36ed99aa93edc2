package eu.vigil.feed.internal;

/** The extract as a whole is unusable (a file missing, a wrong header): the run fails at once, nothing applied. */
public class StructureException extends RuntimeException {

    public StructureException(String message) {
        super(message);
    }
}
