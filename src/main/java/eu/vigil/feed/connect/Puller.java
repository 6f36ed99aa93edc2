package eu.vigil.feed.connect;

import eu.vigil.feed.FeedMessage;
import java.io.Closeable;
import java.io.InputStream;
import java.time.Instant;

/** Fetches what one source published after a position, and hands it over as runs. */
interface Puller {

    String source();

    /** Whether it keeps a connection open (a stream) rather than asking on a schedule. */
    boolean streaming();

    /**
     * Fetches what came after {@code position} (null: none yet), committing it through {@code session} as it goes;
     * returns when the source has nothing more for now or the session stops, throws when it cannot go on.
     */
    void pull(String stream, String position, Session session) throws FeedFailure, InterruptedException;

    /** What a pull reports to, and commits through. */
    interface Session {

        /** A connection is open and answering data. */
        void connected();

        /** Something to close to end the pull at once (the open response), when the session stops. */
        void closeOnStop(Closeable open);

        boolean stopping();

        /** A note the feed page shows without it being a failure (e.g. a gap the source forced). */
        void note(FeedMessage note);

        /**
         * Applies {@code content} as one run, and the new position with it in the run's transaction; throws when the
         * run was not applied (its error in words).
         */
        void commit(InputStream content, String fileName, String position, Instant newestItem, long items)
                throws FeedFailure;
    }
}
