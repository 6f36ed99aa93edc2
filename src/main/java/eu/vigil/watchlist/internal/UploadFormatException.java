package eu.vigil.watchlist.internal;

/** A file that cannot be read as a watchlist; its {@link #wording()} tells the uploader which row and why. */
public class UploadFormatException extends RuntimeException {

    private final transient Wording wording;

    public UploadFormatException(String key, Object... args) {
        super(key);
        this.wording = Wording.of(key, args);
    }

    public Wording wording() {
        return wording;
    }
}
