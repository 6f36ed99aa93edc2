package eu.vigil.feed.internal;

import eu.vigil.feed.RunView;
import java.io.IOException;
import java.util.Optional;

/** Turns one source's extracts into per-company section views; never decides what is a signal. */
public interface FeedAdapter {

    /** The source's short name, as in {@code /api/v1/admin/feeds/{source}/extracts} and the inbox folder. */
    String source();

    /** Checks the whole structure (files, headers) and reads the extract's identity; throws {@link StructureException}. */
    ExtractInfo inspect(ExtractFiles files) throws IOException;

    /** Refuses an extract that may not follow {@code last}; throws {@link RefusedException}. */
    void checkOrder(ExtractInfo extract, Optional<RunView> last);

    void ingest(ExtractFiles files, ExtractInfo extract, IngestionContext context) throws IOException;
}
