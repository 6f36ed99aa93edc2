package eu.vigil.feed.internal;

/** A part of an extract is bigger than a limit allows: damaged, or built to exhaust the reader. Nothing is applied. */
public class OversizedFileException extends StructureException {

    public OversizedFileException(String part, String what, String property) {
        super("Damaged or oversized file: " + part + " " + what + " (limit vigil.feeds.limits." + property
                + "). Nothing of the extract was applied.");
    }
}
