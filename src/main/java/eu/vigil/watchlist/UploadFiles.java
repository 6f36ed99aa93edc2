package eu.vigil.watchlist;

import eu.vigil.storage.FileStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An upload's file: received into a temporary file on this node (read for its columns at once), then kept in the
 * shared {@link FileStore} while it waits at its preview, so that whichever node imports it can read it.
 */
@Component
class UploadFiles {

    static final String PREFIX = "watchlist-uploads/";

    private static final Logger log = LoggerFactory.getLogger(UploadFiles.class);

    private final FileStore store;
    private final WatchlistProperties properties;

    UploadFiles(FileStore store, WatchlistProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** The request's content in a temporary file, refused when larger than {@code vigil.watchlists.max-upload}. */
    Path receive(InputStream content) {
        try {
            Path target = Files.createTempFile("vigil-upload-", ".upload");
            long max = properties.maxUpload().toBytes();
            try (InputStream limited = content) {
                long copied = Files.copy(new BufferedInputStream(limited), target, StandardCopyOption.REPLACE_EXISTING);
                if (copied > max) {
                    Files.deleteIfExists(target);
                    throw new WatchlistException("watchlist.error.tooLarge", max / (1024 * 1024));
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(target);
                throw e;
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a received file in the store; answers its key. */
    String keep(Path received) {
        String key = PREFIX + UUID.randomUUID() + ".upload";
        try {
            store.put(key, received);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    /** A readable copy of a kept file on this node; close it after reading. */
    FileStore.LocalCopy open(String key) {
        try {
            return store.copy(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete the upload {}: {}", key, e.getMessage());
        }
    }

    static void discard(Path received) {
        try {
            Files.deleteIfExists(received);
        } catch (IOException e) {
            log.warn("Could not delete the upload {}: {}", received, e.getMessage());
        }
    }
}
