package eu.vigil.watchlist.internal;

/** A file that cannot be read as a watchlist, with a message the uploader can act on. */
public class UploadFormatException extends RuntimeException {

    public UploadFormatException(String message) {
        super(message);
    }
}
