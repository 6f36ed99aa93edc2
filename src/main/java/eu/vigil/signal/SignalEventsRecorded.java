package eu.vigil.signal;

import java.util.List;

/**
 * A feed run recorded these signal events (one batch of at most {@link #MAX_BATCH}); tenant-independent.
 * Published in the run's transaction, so listeners hear of exactly the events that were committed.
 */
public record SignalEventsRecorded(long runId, String source, List<Long> eventIds) {

    public static final int MAX_BATCH = 1_000;

    public SignalEventsRecorded {
        eventIds = List.copyOf(eventIds);
    }
}
