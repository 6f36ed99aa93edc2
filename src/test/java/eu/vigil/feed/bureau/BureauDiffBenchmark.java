package eu.vigil.feed.bureau;

import eu.vigil.company.CompanyId;
import eu.vigil.company.SectionWrite;
import eu.vigil.company.StoredSection;
import eu.vigil.signal.SignalCatalogue;
import eu.vigil.signal.SignalEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.springframework.core.io.FileSystemResource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 4's engine figures, apart from the tests, on one thread (= per core) over 4,096 realistic
 * companies. {@code engineChanged}: both versions' field views built from the documents and every
 * catalogue detector run; {@code engineUnchanged}: the hash short-cut. {@code changed} / {@code unchanged}:
 * a whole bureau line as the adapter handles it (merge onto the stored sections, serialise, hash, parse
 * the old sections when needed, then the engine). The line's JSON is already parsed (the reader's work,
 * measured end to end by {@code BureauIngestBenchmark}).
 *
 * <pre>./mvnw -q -Pbench test-compile exec:exec -Dbench.main=eu.vigil.feed.bureau.BureauDiffBenchmark -Dbench.args=</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class BureauDiffBenchmark {

    private static final int COMPANIES = 4_096;
    private static final LocalDate BEFORE = LocalDate.of(2026, 10, 1);
    private static final LocalDate AFTER = LocalDate.of(2026, 11, 1);

    private SignalEngine engine;
    private StoredSection[][] stored;
    private BureauAdapter.Line[] changed;
    private BureauAdapter.Line[] unchanged;
    private BureauAdapter.Line[] scoresOnly;
    private int next;
    private Object[][] beforeDocs;
    private Object[][] afterDocs;
    private Object[][] scoresAfterDocs;
    private long[][] storedHashes;
    private long[][] unchangedHashes;

    @Setup
    public void setUp() {
        engine = new SignalEngine(new SignalCatalogue(new FileSystemResource(Path.of("config/signals.yml"))));
        stored = new StoredSection[COMPANIES][];
        changed = new BureauAdapter.Line[COMPANIES];
        unchanged = new BureauAdapter.Line[COMPANIES];
        scoresOnly = new BureauAdapter.Line[COMPANIES];
        for (int i = 0; i < COMPANIES; i++) {
            BureauAdapter.Diff base =
                    BureauAdapter.diff(i, line(i, BEFORE, 0), new StoredSection[4], null, engine, "before");
            stored[i] = new StoredSection[4];
            for (SectionWrite write : base.writes()) {
                stored[i][index(write)] = new StoredSection(
                        i, write.section(), write.json(), write.hash(), "bureau", "before", BEFORE, 1, Instant.now());
            }
            storedHashes = storedHashes == null ? new long[COMPANIES][] : storedHashes;
            unchangedHashes = unchangedHashes == null ? new long[COMPANIES][] : unchangedHashes;
            beforeDocs = beforeDocs == null ? new Object[COMPANIES][] : beforeDocs;
            afterDocs = afterDocs == null ? new Object[COMPANIES][] : afterDocs;
            storedHashes[i] = new long[4];
            for (int s = 0; s < 4; s++) {
                storedHashes[i][s] = stored[i][s].hash();
            }
            unchangedHashes[i] = storedHashes[i].clone();
            beforeDocs[i] = documents(stored[i]);
            BureauAdapter.Diff after = BureauAdapter.diff(i, line(i, AFTER, 1), stored[i], BEFORE, engine, "after");
            StoredSection[] changedSections = stored[i].clone();
            for (SectionWrite write : after.writes()) {
                changedSections[index(write)] = new StoredSection(
                        i, write.section(), write.json(), write.hash(), "bureau", "after", AFTER, 2, Instant.now());
            }
            afterDocs[i] = documents(changedSections);
            scoresAfterDocs = scoresAfterDocs == null ? new Object[COMPANIES][] : scoresAfterDocs;
            BureauAdapter.Diff usual = BureauAdapter.diff(i, line(i, AFTER, 2), stored[i], BEFORE, engine, "after");
            StoredSection[] usualSections = stored[i].clone();
            for (SectionWrite write : usual.writes()) {
                usualSections[index(write)] = new StoredSection(
                        i, write.section(), write.json(), write.hash(), "bureau", "after", AFTER, 2, Instant.now());
            }
            scoresAfterDocs[i] = documents(usualSections);
            changed[i] = line(i, AFTER, 1);
            unchanged[i] = line(i, AFTER, 0);
            scoresOnly[i] = line(i, AFTER, 2);
            if (BureauAdapter.diff(i, unchanged[i], stored[i], BEFORE, engine, "after") != null) {
                throw new IllegalStateException(
                        "company " + i + ": an unchanged snapshot must stop at the hash short-cut");
            }
            if (BureauAdapter.diff(i, changed[i], stored[i], BEFORE, engine, "after")
                            .detected()
                            .size()
                    < 5) {
                throw new IllegalStateException("company " + i + ": a changed snapshot must fire its signals");
            }
        }
    }

    private static int index(SectionWrite write) {
        return switch (write.section()) {
            case SCORES -> 0;
            case PAYMENT_BEHAVIOUR -> 1;
            case GOVERNANCE -> 2;
            case LEGAL_EVENTS -> 3;
            default -> throw new IllegalArgumentException(write.section().name());
        };
    }

    private static BureauAdapter.Line line(int index, LocalDate asOf, int version) {
        String text = BureauLines.line(index, asOf, version);
        ObjectNode record = (ObjectNode) eu.vigil.feed.internal.RecordReader.JSON.readTree(text);
        return new BureauAdapter.Line(new CompanyId("BE", BureauLines.number(index)), asOf, record, index, text);
    }

    private static Object[] documents(StoredSection[] sections) {
        return new Object[] {
            BureauDocuments.JSON.readValue(sections[0].json(), BureauDocuments.Scores.class),
            BureauDocuments.JSON.readValue(sections[1].json(), BureauDocuments.PaymentBehaviour.class),
            BureauDocuments.JSON.readValue(sections[2].json(), BureauDocuments.Governance.class),
            BureauDocuments.JSON.readValue(sections[3].json(), BureauDocuments.LegalEvents.class)
        };
    }

    /** The engine alone: both versions' fields from the documents as held in memory, and every detector. */
    @Benchmark
    public Object engineChanged() {
        int i = next++ & (COMPANIES - 1);
        Object[] before = beforeDocs[i];
        Object[] after = afterDocs[i];
        return engine.detect(
                BureauFields.of(
                        "BE",
                        (BureauDocuments.Scores) before[0],
                        (BureauDocuments.PaymentBehaviour) before[1],
                        (BureauDocuments.Governance) before[2],
                        (BureauDocuments.LegalEvents) before[3],
                        BEFORE),
                BureauFields.of(
                        "BE",
                        (BureauDocuments.Scores) after[0],
                        (BureauDocuments.PaymentBehaviour) after[1],
                        (BureauDocuments.Governance) after[2],
                        (BureauDocuments.LegalEvents) after[3],
                        AFTER));
    }

    /**
     * The engine on the usual month, as the adapter calls it: only the sections whose hash changed (the
     * scores) are given to the field views; the others stop at their hashes.
     */
    @Benchmark
    public Object engineScoresChanged() {
        int i = next++ & (COMPANIES - 1);
        Object[] before = beforeDocs[i];
        Object[] after = scoresAfterDocs[i];
        return engine.detect(
                BureauFields.of("BE", (BureauDocuments.Scores) before[0], null, null, null, BEFORE),
                BureauFields.of("BE", (BureauDocuments.Scores) after[0], null, null, null, AFTER));
    }

    /** The hash short-cut alone: the four section hashes compared, nothing else touched. */
    @Benchmark
    public boolean engineUnchanged() {
        int i = next++ & (COMPANIES - 1);
        long[] held = storedHashes[i];
        long[] now = unchangedHashes[i];
        for (int s = 0; s < 4; s++) {
            if (held[s] != now[s]) {
                return true;
            }
        }
        return false;
    }

    /** The usual month: only the scores moved; the other three sections stop at their hashes. */
    @Benchmark
    public Object scoresChanged() {
        int i = next++ & (COMPANIES - 1);
        return BureauAdapter.diff(i, scoresOnly[i], stored[i], BEFORE, engine, "after");
    }

    @Benchmark
    public Object changed() {
        int i = next++ & (COMPANIES - 1);
        return BureauAdapter.diff(i, changed[i], stored[i], BEFORE, engine, "after");
    }

    @Benchmark
    public Object unchanged() {
        int i = next++ & (COMPANIES - 1);
        return BureauAdapter.diff(i, unchanged[i], stored[i], BEFORE, engine, "after");
    }

    /** Optional arguments: a regular expression of the benchmarks to run (all when absent), then a JMH profiler ({@code gc}, {@code stack:lines=4}). */
    public static void main(String[] args) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(
                BureauDiffBenchmark.class.getSimpleName() + "\\." + (args.length > 0 ? "(" + args[0] + ")" : ""));
        if (args.length > 1) {
            String[] profiler = args[1].split(":", 2);
            options.addProfiler(profiler[0], profiler.length > 1 ? profiler[1] : "");
        }
        new Runner(options.build()).run();
    }
}
