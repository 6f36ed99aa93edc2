package eu.vigil.feed.internal;

import eu.vigil.company.ReferenceCodes;
import eu.vigil.company.SectionStore;
import eu.vigil.feed.QuarantinedRow;
import eu.vigil.signal.DetectedSignal;
import eu.vigil.signal.NetworkSignals;
import eu.vigil.signal.SignalEngine;
import eu.vigil.signal.SignalEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What an adapter works with during one run: the store, the quarantine and the counters. */
public final class IngestionContext {

    private static final int PROGRESS_EVERY = 50_000;

    private final long runId;
    private final String source;
    private final ExtractInfo extract;
    private final SectionStore store;
    private final ReferenceCodes codes;
    private final SignalEngine signals;
    private final SignalEvents events;
    private final NetworkSignals network;
    private final List<SignalEvents.Stored> recorded = new ArrayList<>();
    private final RunStore runs;
    private final Consumer<RunStore.Counters> progress;
    private final RunStore.Counters counters = new RunStore.Counters();
    private final List<QuarantinedRow> pendingQuarantine = new ArrayList<>();
    private long nextProgressAt = PROGRESS_EVERY;
    private boolean holdQuarantine;

    IngestionContext(
            long runId,
            String source,
            ExtractInfo extract,
            SectionStore store,
            ReferenceCodes codes,
            SignalEngine signals,
            SignalEvents events,
            NetworkSignals network,
            RunStore runs,
            Consumer<RunStore.Counters> progress) {
        this.network = network;
        this.signals = signals;
        this.events = events;
        this.runId = runId;
        this.source = source;
        this.extract = extract;
        this.store = store;
        this.codes = codes;
        this.runs = runs;
        this.progress = progress;
    }

    public static IngestionContext of(
            long runId,
            String source,
            ExtractInfo extract,
            SectionStore store,
            ReferenceCodes codes,
            SignalEngine signals,
            SignalEvents events,
            NetworkSignals network,
            RunStore runs,
            Consumer<RunStore.Counters> progress) {
        return new IngestionContext(runId, source, extract, store, codes, signals, events, network, runs, progress);
    }

    public SignalEngine signals() {
        return signals;
    }

    public NetworkSignals network() {
        return network;
    }

    /**
     * Records the signals that fired, on the run's connection, effective at the extract's as-of date
     * unless the source dated them; then the distress they spread to parents and subsidiaries.
     */
    public void recordSignals(java.sql.Connection connection, java.util.Map<Long, List<DetectedSignal>> fired) {
        List<SignalEvents.Stored> stored = new ArrayList<>(events.record(connection, rows(fired)));
        var spread = network.distress(connection, fired);
        stored.addAll(events.record(connection, rows(spread)));
        synchronized (recorded) {
            recorded.addAll(stored);
        }
        counters.signals += stored.size();
    }

    private List<SignalEvents.Fired> rows(java.util.Map<Long, List<DetectedSignal>> fired) {
        List<SignalEvents.Fired> rows = new ArrayList<>();
        fired.forEach((companyId, detected) -> detected.forEach(d ->
                rows.add(new SignalEvents.Fired(companyId, d, extract.snapshot(), source, extract.name(), runId))));
        return rows;
    }

    /** Announces the events this run recorded, from the run's own thread and transaction. */
    public void publishSignals() {
        List<SignalEvents.Stored> stored;
        synchronized (recorded) {
            stored = new ArrayList<>(recorded);
            recorded.clear();
        }
        events.announce(runId, source, stored);
    }

    public long runId() {
        return runId;
    }

    public String source() {
        return source;
    }

    public ExtractInfo extract() {
        return extract;
    }

    public SectionStore store() {
        return store;
    }

    public ReferenceCodes codes() {
        return codes;
    }

    public RunStore.Counters counters() {
        return counters;
    }

    public void read() {
        if (++counters.read >= nextProgressAt) {
            nextProgressAt = counters.read + PROGRESS_EVERY;
            progress.accept(counters);
        }
    }

    /** Counts {@code rows} read at once (rows skipped without parsing). */
    public void read(long rows) {
        counters.read += rows;
        if (counters.read >= nextProgressAt) {
            nextProgressAt = counters.read + PROGRESS_EVERY;
            progress.accept(counters);
        }
    }

    public void applied(long rows) {
        counters.applied += rows;
    }

    /**
     * Counts {@code rows} read on purpose and not applied, with why (e.g. "company-exemptions events: a stream
     * Vigil does not apply"): they are neither applied nor errors.
     */
    public void setAside(String reason, long rows) {
        if (rows <= 0) {
            return;
        }
        counters.setAside += rows;
        counters.setAsideReasons.merge(reason, rows, Long::sum);
    }

    public void quarantine(String file, long line, String raw, String reason) {
        counters.rejected++;
        pendingQuarantine.add(new QuarantinedRow(file, line, raw, reason));
        if (pendingQuarantine.size() >= 1000 && !holdQuarantine) {
            flush();
        }
    }

    /** While another thread writes on the run's connection, quarantined rows wait to be handed over. */
    public void holdQuarantine(boolean hold) {
        this.holdQuarantine = hold;
    }

    /** The quarantined rows not yet written, for a writer thread to store. */
    public List<QuarantinedRow> takeQuarantine() {
        List<QuarantinedRow> taken = new ArrayList<>(pendingQuarantine);
        pendingQuarantine.clear();
        return taken;
    }

    public void storeQuarantine(java.sql.Connection connection, List<QuarantinedRow> rows) {
        runs.quarantine(connection, runId, rows);
    }

    public void flush() {
        if (!pendingQuarantine.isEmpty()) {
            runs.quarantine(runId, pendingQuarantine);
            pendingQuarantine.clear();
        }
    }
}
