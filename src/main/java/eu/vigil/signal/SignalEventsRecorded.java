package eu.vigil.signal;

import java.util.List;

/**
 * A feed run recorded these signal events (one batch of at most {@link #MAX_BATCH}) about these companies;
 * tenant-independent. Published by {@link SignalEvents#announce} in the run's transaction, so listeners hear of exactly
 * the events that were committed, and learn whose they are without asking.
 */
public record SignalEventsRecorded(long runId, String source, List<Long> eventIds, List<Long> companyIds) {

    public static final int MAX_BATCH = 1_000;

    public SignalEventsRecorded {
        eventIds = List.copyOf(eventIds);
        companyIds = List.copyOf(companyIds);
    }
}
