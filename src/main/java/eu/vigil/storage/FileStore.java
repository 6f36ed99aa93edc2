package eu.vigil.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Files kept by key ({@code watchlist-uploads/3f2c….upload}): a key is a path of words, digits, dots, dashes and
 * slashes, never absolute and never with {@code ..}. A missing key reads as {@link java.nio.file.NoSuchFileException}.
 */
public interface FileStore {

    /** Keeps {@code file}'s content under {@code key}, replacing what was there. */
    void put(String key, Path file) throws IOException;

    InputStream open(String key) throws IOException;

    /** A file on this node's disk with the content of {@code key}, for readers that need a path; close it after use. */
    LocalCopy copy(String key) throws IOException;

    /** Answers whether there was a file to delete. */
    boolean delete(String key) throws IOException;

    /** The files whose keys start with {@code prefix}, in key order. */
    List<StoredFile> list(String prefix) throws IOException;

    /** Where files go, for the log and the documents: a folder or an endpoint and bucket. */
    String describe();

    record StoredFile(String key, long size, Instant lastModified) {}

    /** A readable file; closing it removes it when it was a download. */
    interface LocalCopy extends AutoCloseable {

        Path path();

        @Override
        void close() throws IOException;
    }

    /** Refuses keys that could leave the store's folder or bucket prefix. */
    static String checked(String key) {
        if (key == null
                || key.isEmpty()
                || key.startsWith("/")
                || key.contains("..")
                || key.contains("//")
                || !key.matches("[A-Za-z0-9._/-]+")) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return key;
    }
}
