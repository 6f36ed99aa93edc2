package eu.vigil.feed.bodacc;

import eu.vigil.company.Section;
import eu.vigil.company.SectionStore;
import eu.vigil.company.SectionWrite;
import eu.vigil.company.StoredSection;
import eu.vigil.feed.RunView;
import eu.vigil.feed.bodacc.BodaccDocuments.Identity;
import eu.vigil.feed.bodacc.BodaccDocuments.Name;
import eu.vigil.feed.bodacc.BodaccDocuments.Notice;
import eu.vigil.feed.bodacc.BodaccDocuments.Status;
import eu.vigil.feed.internal.ExtractFiles;
import eu.vigil.feed.internal.ExtractInfo;
import eu.vigil.feed.internal.FeedAdapter;
import eu.vigil.feed.internal.IngestionContext;
import eu.vigil.feed.internal.JsonRecords;
import eu.vigil.feed.internal.StructureException;
import eu.vigil.signal.DetectedSignal;
import eu.vigil.signal.FieldValues;
import eu.vigil.signal.SignalEngine;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * BODACC annonces-commerciales (src/docs/feeds.md §3) as the open data publishes it: JSON Lines, a JSON array
 * export, an API answer (v1 search or Explore v2.1) or the CSV export (semicolons). Each notice is applied in the
 * order of its own date, whatever the file's.
 * Each notice is applied, once (by its id), to every company its {@code registre} names, and dated by its
 * judgment (else its publication). A rectificatif replaces the notice it names and an annulation withdraws
 * it: the company's situation is worked out again without it. Fills the status section of FR companies.
 */
@Component
class BodaccAdapter implements FeedAdapter {

    static final String SOURCE = "bodacc";
    private static final Logger log = LoggerFactory.getLogger(BodaccAdapter.class);
    private static final String FILE = "The BODACC file";
    private static final int BATCH = 1_000;

    @Override
    public String source() {
        return SOURCE;
    }

    /** Names the file by the span of its notices' publication dates; a file of records none of which is usable is run all the same, so that each is quarantined with its reason. */
    @Override
    public ExtractInfo inspect(ExtractFiles files) throws IOException {
        LocalDate first = null;
        LocalDate last = null;
        long records = 0;
        try (JsonRecords file = JsonRecords.open(files, FILE, true)) {
            while (file.next()) {
                records++;
                if (file.record() != null) {
                    try {
                        LocalDate published = LocalDate.parse(
                                BodaccRecord.parse(file.record()).notice().published());
                        first = first == null || published.isBefore(first) ? published : first;
                        last = last == null || published.isAfter(last) ? published : last;
                    } catch (IllegalArgumentException e) {
                        // a bad record: the run quarantines it
                    }
                }
            }
        }
        if (records == 0) {
            throw new StructureException(FILE + " holds no BODACC notice at all.");
        }
        if (last == null) {
            return new ExtractInfo(null, "notices", null, "BODACC file without a usable notice");
        }
        return new ExtractInfo(
                null,
                "notices",
                last,
                first.equals(last) ? "BODACC notices of " + last : "BODACC notices of " + first + " to " + last);
    }

    @Override
    public void checkOrder(ExtractInfo extract, Optional<RunView> last) {
        // notices carry their own ids and dates: one already taken is skipped, a late one is welcome
    }

    private record Line(BodaccRecord record, long number) {}

    /** The order notices happened in: their date (judgment, else publication), then publication, then id. */
    private static final java.util.Comparator<BodaccRecord> IN_TIME = java.util.Comparator.comparing(
                    (BodaccRecord r) -> r.notice().date())
            .thenComparing(r -> r.notice().published())
            .thenComparing(r -> r.notice().id());

    @Override
    public void ingest(ExtractFiles files, ExtractInfo extract, IngestionContext context) throws IOException {
        Run run = new Run(extract, context);
        List<Line> batch = new ArrayList<>();
        try (JsonRecords records = JsonRecords.open(files, FILE, true)) {
            while (records.next()) {
                context.read();
                ObjectNode record = records.record();
                if (record == null) {
                    context.quarantine(
                            FILE, records.line(), records.raw(), "Line " + records.line() + " is " + records.error());
                    continue;
                }
                try {
                    batch.add(new Line(BodaccRecord.parse(record), records.line()));
                } catch (IllegalArgumentException e) {
                    context.quarantine(
                            FILE,
                            records.line(),
                            records.raw(),
                            "Record at line " + records.line() + ": " + e.getMessage());
                    continue;
                }
                if (batch.size() >= BATCH) {
                    run.flush(batch);
                    batch.clear();
                }
            }
        }
        run.flush(batch);
        log.info("{}: {} notices applied, {} taken before", extract.name(), context.counters().applied, run.duplicates);
    }

    private record Sanction(long companyId, BodaccRecord record, LocalDate day) {}

    private static final class Run {

        private final ExtractInfo extract;
        private final IngestionContext context;
        private final SectionStore store;
        private final SignalEngine engine;
        long duplicates;

        Run(ExtractInfo extract, IngestionContext context) {
            this.extract = extract;
            this.context = context;
            this.store = context.store();
            this.engine = context.signals();
        }

        void flush(List<Line> batch) {
            if (batch.isEmpty()) {
                return;
            }
            Map<String, List<BodaccRecord>> bySiren = new LinkedHashMap<>();
            batch.stream()
                    .map(Line::record)
                    .sorted(IN_TIME)
                    .forEach(record -> record.sirens()
                            .forEach(siren -> bySiren.computeIfAbsent(siren, s -> new ArrayList<>())
                                    .add(record)));
            SectionStore.Resolved resolved = store.resolve(BodaccFields.COUNTRY, bySiren.keySet(), context.runId());
            context.counters().created += resolved.created().size();
            Map<Long, List<BodaccRecord>> byCompany = new LinkedHashMap<>();
            Map<BodaccRecord, Long> lines = new java.util.IdentityHashMap<>();
            batch.forEach(line -> lines.put(line.record(), line.number()));
            bySiren.forEach(
                    (siren, records) -> byCompany.put(resolved.ids().get(siren), cancellationsFirst(records, lines)));
            Map<Long, StoredSection> statuses = store.load(byCompany.keySet(), Section.STATUS);
            Map<Long, StoredSection> identities = store.load(byCompany.keySet(), Section.IDENTITY);
            List<SectionWrite> writes = new ArrayList<>();
            Map<Long, List<DetectedSignal>> fired = new HashMap<>();
            Set<String> applied = new HashSet<>();
            List<Sanction> sanctions = new ArrayList<>();
            for (var entry : byCompany.entrySet()) {
                long companyId = entry.getKey();
                StoredSection stored = statuses.get(companyId);
                Status status = stored == null || !SOURCE.equals(stored.source())
                        ? null
                        : Status.of(BodaccDocuments.JSON
                                .readValue(stored.json(), Status.class)
                                .notices());
                List<DetectedSignal> signals = new ArrayList<>();
                BodaccRecord latest = null;
                for (BodaccRecord record : entry.getValue()) {
                    Notice notice = record.notice();
                    if (status != null && status.has(notice.id())) {
                        continue;
                    }
                    applied.add(notice.id());
                    if (Judgments.SANCTION.equals(notice.kind())
                            && !record.persons().isEmpty()) {
                        sanctions.add(new Sanction(companyId, record, LocalDate.parse(notice.date())));
                    }
                    Status after = (status == null ? Status.of(List.of()) : status).with(notice);
                    LocalDate day = LocalDate.parse(notice.date());
                    List<DetectedSignal> detected;
                    if (status == null) {
                        detected = engine.firstSeen(BodaccFields.of(after), day);
                    } else if (notice.target() != null && !BodaccDocuments.ANNONCE.equals(notice.type())) {
                        String was = status.notice(notice.target())
                                .map(Notice::summary)
                                .orElse(notice.target() + " (not seen by Vigil)");
                        String now = BodaccDocuments.ANNULATION.equals(notice.type())
                                ? notice.id() + " annulation of " + notice.target()
                                : notice.summary();
                        detected = engine.detect(BodaccFields.of(status, was), BodaccFields.of(after, now));
                    } else {
                        detected = engine.detect(BodaccFields.of(status), BodaccFields.of(after));
                    }
                    detected.forEach(d -> signals.add(d.datedIfUndated(day)));
                    status = after;
                    latest = record;
                }
                if (latest == null) {
                    continue;
                }
                // as of the newest notice the company has, whatever order the file came in
                LocalDate asOf = status.notices().stream()
                        .map(n -> LocalDate.parse(n.published()))
                        .max(LocalDate::compareTo)
                        .orElseThrow();
                writes.add(write(companyId, Section.STATUS, status, asOf));
                latest = entry.getValue().stream()
                        .filter(r -> r.name() != null)
                        .reduce((a, b) -> b)
                        .orElse(latest);
                StoredSection identity = identities.get(companyId);
                if (latest.name() != null && (identity == null || SOURCE.equals(identity.source()))) {
                    writes.add(write(
                            companyId,
                            Section.IDENTITY,
                            new Identity(List.of(new Name("001", latest.name())), latest.city(), latest.postcode()),
                            asOf));
                }
                fired.put(companyId, signals);
            }
            // every line is applied once: a notice named again (in an earlier run, or earlier in this file) is set
            // aside
            Set<String> counted = new HashSet<>();
            long again = batch.stream()
                    .filter(line -> !(applied.contains(line.record().notice().id())
                            && counted.add(line.record().notice().id())))
                    .count();
            context.applied(counted.size());
            duplicates += again;
            context.setAside("BODACC notices Vigil had already taken (an earlier run, or earlier in the file)", again);
            Set<Long> changed = store.upsert(writes, context.runId());
            context.counters().changed += changed.size();
            fired.keySet().retainAll(changed);
            context.recordSignals(store.connection(), fired);
            if (!sanctions.isEmpty()) {
                context.recordSignals(store.connection(), directorSignals(sanctions));
            }
        }

        /**
         * A sanction on a person (interdiction de gérer, faillite personnelle) is a director signal, like a
         * Companies House disqualification: the person is found among the officers of the company the notice
         * names (by name, whole words), and the signal reaches every company where that person sits now.
         */
        private Map<Long, List<DetectedSignal>> directorSignals(List<Sanction> sanctions) {
            var connection = store.connection();
            Map<Long, List<DetectedSignal>> signals = new HashMap<>();
            for (Sanction sanction : sanctions) {
                Set<String> keys = new HashSet<>();
                context.network()
                        .currentOfficers(connection, sanction.companyId())
                        .forEach((key, name) -> {
                            if (sanction.record().persons().stream().anyMatch(person -> sameName(person, name))) {
                                keys.add(key);
                            }
                        });
                if (keys.isEmpty()) {
                    log.info(
                            "{}: {} names {} but no officer of that company by that name",
                            extract.name(),
                            sanction.record().notice().id(),
                            sanction.record().persons());
                    continue;
                }
                String what = sanction.record().persons().stream()
                                .map(BodaccRecord.Person::display)
                                .reduce((a, b) -> a + ", " + b)
                                .orElseThrow()
                        + ": " + sanction.record().notice().nature()
                        + " (" + sanction.day() + ", BODACC "
                        + sanction.record().notice().id() + ")";
                FieldValues before =
                        new FieldValues(BodaccFields.COUNTRY).dated("governance.disqualifiedOfficers", Map.of());
                FieldValues after = new FieldValues(BodaccFields.COUNTRY)
                        .dated(
                                "governance.disqualifiedOfficers",
                                Map.of(what.length() > 400 ? what.substring(0, 400) : what, sanction.day()));
                context.network()
                        .currentMandates(connection, keys)
                        .values()
                        .forEach(companies -> companies.forEach(companyId -> engine.detect(before, after)
                                .forEach(d -> signals.computeIfAbsent(companyId, id -> new ArrayList<>())
                                        .add(d.datedIfUndated(sanction.day())))));
            }
            signals.replaceAll((companyId, list) -> list.stream().distinct().toList());
            return signals;
        }

        /** The officer's name holds the person's surname and first forename as whole words ("MARTIN, Jean" for Jean Pierre Martin). */
        private static boolean sameName(BodaccRecord.Person person, String officerName) {
            Set<String> words =
                    new HashSet<>(List.of(Judgments.normalise(officerName).split("[^a-z]+")));
            List<String> surname = List.of(Judgments.normalise(person.surname()).split("[^a-z]+"));
            String[] forenames = Judgments.normalise(person.forenames()).split("[^a-z]+");
            return !surname.isEmpty()
                    && words.containsAll(surname)
                    && (forenames[0].isEmpty() || words.contains(forenames[0]));
        }

        /**
         * An annulation the file gives before the notice it cancels stays before it: a notice cancelled before it
         * arrived opens nothing. One the file gives after keeps its place in time: the notice opened, then was withdrawn.
         */
        private static List<BodaccRecord> cancellationsFirst(
                List<BodaccRecord> records, Map<BodaccRecord, Long> lines) {
            List<BodaccRecord> ordered = new ArrayList<>(records);
            for (BodaccRecord record : records) {
                if (BodaccDocuments.ANNULATION.equals(record.notice().type())
                        && record.notice().target() != null) {
                    for (int i = 0; i < ordered.indexOf(record); i++) {
                        if (ordered.get(i).notice().id().equals(record.notice().target())
                                && lines.get(record) < lines.get(ordered.get(i))) {
                            ordered.remove(record);
                            ordered.add(i, record);
                            break;
                        }
                    }
                }
            }
            return ordered;
        }

        private SectionWrite write(long companyId, Section section, Object document, LocalDate asOf) {
            return new SectionWrite(
                    companyId,
                    section,
                    BodaccDocuments.JSON.writeValueAsString(document),
                    SOURCE,
                    extract.name(),
                    asOf);
        }
    }
}
