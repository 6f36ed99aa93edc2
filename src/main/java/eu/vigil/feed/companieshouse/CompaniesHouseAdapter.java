package eu.vigil.feed.companieshouse;

import eu.vigil.company.Section;
import eu.vigil.company.SectionStore;
import eu.vigil.company.SectionWrite;
import eu.vigil.company.StoredSection;
import eu.vigil.feed.RunView;
import eu.vigil.feed.companieshouse.ChDocuments.Disqualification;
import eu.vigil.feed.companieshouse.ChDocuments.Governance;
import eu.vigil.feed.companieshouse.ChDocuments.Identity;
import eu.vigil.feed.companieshouse.ChDocuments.Officer;
import eu.vigil.feed.companieshouse.ChDocuments.Status;
import eu.vigil.feed.companieshouse.StreamEvent.Kind;
import eu.vigil.feed.companieshouse.StreamMarks.Mark;
import eu.vigil.feed.internal.ExtractFiles;
import eu.vigil.feed.internal.ExtractInfo;
import eu.vigil.feed.internal.FeedAdapter;
import eu.vigil.feed.internal.IngestionContext;
import eu.vigil.feed.internal.JsonRecords;
import eu.vigil.feed.internal.RecordValues;
import eu.vigil.feed.internal.StructureException;
import eu.vigil.signal.DetectedSignal;
import eu.vigil.signal.FieldValues;
import eu.vigil.signal.NetworkSignals;
import eu.vigil.signal.SignalEngine;
import java.io.IOException;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Captured Companies House streams (src/docs/feeds.md §2): a file of stream lines, one JSON envelope per line
 * (blank lines are heartbeats; envelopes run together on one line are split), from the company-profile,
 * officers, insolvency-cases, charges and disqualified-officers streams in any mix; events of every other
 * stream (filing-history, PSC, company-exemptions, ...) are counted by stream and set aside.
 * Every event is applied once: the same resource with the same etag again, or an older one, is skipped.
 * Fills the identity, status and governance sections of GB companies and keeps the officer index.
 */
@Component
class CompaniesHouseAdapter implements FeedAdapter {

    static final String SOURCE = "companies-house";
    private static final Logger log = LoggerFactory.getLogger(CompaniesHouseAdapter.class);
    private static final String FILE = "The Companies House stream file";
    private static final int BATCH = 2_000;
    private static final String OFFICERS = "governance.officers";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public ExtractInfo inspect(ExtractFiles files) throws IOException {
        try (JsonRecords records = JsonRecords.open(files, FILE)) {
            while (records.next()) {
                if (records.record() != null) {
                    try {
                        LocalDate day = StreamEvent.parse(records.record(), records.line(), records.raw())
                                .day();
                        return new ExtractInfo(null, "stream", day, "Companies House stream from " + day);
                    } catch (IllegalArgumentException e) {
                        // a bad line: the run quarantines it, the next one may name the file
                    }
                }
            }
        }
        throw new StructureException(
                FILE + " holds no Companies House stream event (a JSON envelope with resource_kind, "
                        + "resource_uri, data and event.published_at).");
    }

    @Override
    public void checkOrder(ExtractInfo extract, Optional<RunView> last) {
        // every event carries its resource's etag and timepoint: an old or repeated one is skipped, not the file
    }

    @Override
    public void ingest(ExtractFiles files, ExtractInfo extract, IngestionContext context) throws IOException {
        Run run = new Run(extract, context);
        List<StreamEvent> batch = new ArrayList<>();
        long ignored = 0;
        long heartbeats;
        try (JsonRecords records = JsonRecords.open(files, FILE)) {
            while (records.next()) {
                context.read();
                ObjectNode record = records.record();
                if (record == null) {
                    context.quarantine(
                            FILE, records.line(), records.raw(), "Line " + records.line() + " is " + records.error());
                    continue;
                }
                StreamEvent event;
                try {
                    event = StreamEvent.parse(record, records.line(), records.raw());
                    check(event);
                } catch (IllegalArgumentException e) {
                    context.quarantine(FILE, records.line(), records.raw(), e.getMessage());
                    continue;
                }
                if (event.kind() == Kind.IGNORED) {
                    ignored++;
                    context.setAside(event.resourceKind() + " events: a stream Vigil does not apply", 1);
                    continue;
                }
                batch.add(event);
                if (batch.size() >= BATCH) {
                    run.flush(batch);
                    batch.clear();
                }
            }
            heartbeats = records.blankLines();
            if (records.concatenated() > 0) {
                log.info(
                        "{}: {} events came run together on a line with another, and were split",
                        extract.name(),
                        records.concatenated());
            }
        }
        run.flush(batch);
        log.info(
                "{}: {} events applied, {} seen before (same etag), {} older than what was applied, {} events of other "
                        + "streams set aside, {} heartbeats",
                extract.name(),
                context.counters().applied,
                run.duplicates,
                run.stale,
                ignored,
                heartbeats);
    }

    /** Reads the event's data as it will be applied, so that a malformed one is quarantined before anything is applied. */
    private static void check(StreamEvent event) {
        if (event.deleted() || event.kind() == Kind.IGNORED) {
            return;
        }
        if (event.kind() == Kind.DISQUALIFIED_OFFICER) {
            disqualifications(event);
        } else {
            new ChCompany().apply(event);
        }
    }

    /** The officer key a disqualified officer has in the officer index. */
    static String disqualifiedKey(StreamEvent event) {
        String id = event.resourceId();
        return id.length() <= 56 ? "ch:" + id : "ch:" + Long.toHexString(eu.vigil.company.Hashes.fnv64(id));
    }

    static List<Disqualification> disqualifications(StreamEvent event) {
        if (event.deleted()) {
            return List.of();
        }
        ObjectNode data = event.data();
        String name = RecordValues.text(data, "name");
        if (name == null) {
            String surname = RecordValues.text(data, "surname");
            String forenames = String.join(
                    " ",
                    java.util.stream.Stream.of(
                                    RecordValues.text(data, "forename"), RecordValues.text(data, "other_forenames"))
                            .filter(java.util.Objects::nonNull)
                            .toList());
            name = surname == null
                    ? forenames
                    : surname.toUpperCase(java.util.Locale.ROOT) + (forenames.isEmpty() ? "" : ", " + forenames);
        }
        String key = disqualifiedKey(event);
        List<Disqualification> found = new ArrayList<>();
        Iterable<JsonNode> items = RecordValues.list(data, "disqualifications");
        if (items != null) {
            for (JsonNode item : items) {
                LocalDate from = RecordValues.date(item, "disqualified_from");
                LocalDate until = RecordValues.date(item, "disqualified_until");
                String description = (name.isEmpty() ? "Disqualified officer" : name) + " (disqualified"
                        + (from == null ? "" : " from " + from) + (until == null ? "" : " until " + until) + ")";
                found.add(new Disqualification(
                        key,
                        description.length() > 400 ? description.substring(0, 400) : description,
                        from == null ? null : from.toString(),
                        until == null ? null : until.toString()));
            }
        }
        return found;
    }

    /** One run: its counters and what it learned about companies first seen in it. */
    private static final class Run {

        private final ExtractInfo extract;
        private final IngestionContext context;
        private final SectionStore store;
        private final SignalEngine engine;
        /** Companies whose board this run saw first: its appointments are their state, not a burst of appointments. */
        private final Set<Long> boardsFirstSeen = new HashSet<>();

        long duplicates;
        long stale;

        Run(ExtractInfo extract, IngestionContext context) {
            this.extract = extract;
            this.context = context;
            this.store = context.store();
            this.engine = context.signals();
        }

        void flush(List<StreamEvent> batch) {
            if (batch.isEmpty()) {
                return;
            }
            Connection connection = store.connection();
            Set<String> uris = new HashSet<>();
            batch.forEach(e -> uris.add(e.uri()));
            Map<String, Mark> marks = StreamMarks.load(connection, uris);
            Map<String, Mark> updated = new LinkedHashMap<>();
            List<StreamEvent> fresh = new ArrayList<>();
            for (StreamEvent event : batch) {
                Mark mark = marks.get(event.uri());
                if (mark != null && mark.same(event)) {
                    duplicates++;
                    context.setAside("events Vigil had already applied (same resource, same etag)", 1);
                    continue;
                }
                if (mark != null && mark.newerThan(event)) {
                    stale++;
                    context.setAside("events older than what Vigil applied for the same resource", 1);
                    continue;
                }
                Mark now = Mark.of(event);
                marks.put(event.uri(), now);
                updated.put(event.uri(), now);
                context.applied(1);
                fresh.add(event);
            }
            StreamMarks.save(connection, updated);
            // company events go by company, disqualifications through the index: each run of one kind in file order,
            // so that a disqualification sees the appointments before it and not the resignations after it
            int from = 0;
            while (from < fresh.size()) {
                boolean disqualification = fresh.get(from).kind() == Kind.DISQUALIFIED_OFFICER;
                int to = from;
                while (to < fresh.size() && (fresh.get(to).kind() == Kind.DISQUALIFIED_OFFICER) == disqualification) {
                    to++;
                }
                List<StreamEvent> segment = fresh.subList(from, to);
                if (disqualification) {
                    disqualifiedOfficers(connection, segment);
                } else {
                    Map<String, List<StreamEvent>> byCompany = new LinkedHashMap<>();
                    segment.forEach(e -> byCompany
                            .computeIfAbsent(e.company(), c -> new ArrayList<>())
                            .add(e));
                    companyEvents(connection, byCompany);
                }
                from = to;
            }
        }

        /** Applies each company's events in order, diffing after each one, dated from the source. */
        private void companyEvents(Connection connection, Map<String, List<StreamEvent>> byCompany) {
            SectionStore.Resolved resolved =
                    store.resolve(CompaniesHouseFields.COUNTRY, byCompany.keySet(), context.runId());
            context.counters().created += resolved.created().size();
            Map<Long, List<StreamEvent>> events = new LinkedHashMap<>();
            byCompany.forEach((number, list) -> events.put(resolved.ids().get(number), list));
            Map<Long, ChCompany> states = load(events.keySet());

            Set<String> officerKeys = new HashSet<>();
            LocalDate firstDay = null;
            for (var entry : events.entrySet()) {
                ChCompany state = states.get(entry.getKey());
                if (state.officers != null) {
                    state.officers.forEach(o -> officerKeys.add(o.id()));
                }
                for (StreamEvent event : entry.getValue()) {
                    if (event.kind() == Kind.OFFICER && !event.deleted()) {
                        officerKeys.add(ChCompany.officerKey(event.data()));
                    }
                    firstDay = firstDay == null || event.day().isBefore(firstDay) ? event.day() : firstDay;
                }
            }
            Map<String, List<Disqualification>> disqualified = StreamMarks.inForce(connection, officerKeys, firstDay);

            List<SectionWrite> writes = new ArrayList<>();
            Map<Long, List<DetectedSignal>> fired = new HashMap<>();
            Map<Long, List<NetworkSignals.Officer>> boards = new HashMap<>();
            Map<Long, List<NetworkSignals.Officer>> appointed = new HashMap<>();
            Map<Long, LocalDate> lastDays = new HashMap<>();
            LocalDate lastDay = firstDay;
            for (var entry : events.entrySet()) {
                long companyId = entry.getKey();
                ChCompany state = states.get(companyId);
                boolean boardKnown = state.knowsGovernance() && !boardsFirstSeen.contains(companyId);
                Set<String> boardBefore = new HashSet<>();
                if (state.officers != null) {
                    state.officers.forEach(o -> boardBefore.add(o.id()));
                }
                List<DetectedSignal> signals = new ArrayList<>();
                LocalDate day = null;
                boolean boardChanged = false;
                for (StreamEvent event : entry.getValue()) {
                    ChCompany before = state.copy();
                    LocalDate dated = state.apply(event);
                    day = dated != null ? dated : event.day();
                    if (event.kind() == Kind.OFFICER) {
                        state.disqualified = disqualifiedAmong(state.officers, disqualified);
                        boardChanged = true;
                        if (!boardKnown) {
                            boardsFirstSeen.add(companyId);
                        }
                    }
                    signals.addAll(diff(before, state, day, boardKnown ? f -> true : f -> !f.equals(OFFICERS)));
                    lastDay = event.day().isAfter(lastDay) ? event.day() : lastDay;
                }
                lastDays.put(companyId, day);
                writes.addAll(writes(companyId, state, day));
                fired.put(companyId, signals);
                if (boardChanged) {
                    List<NetworkSignals.Officer> board =
                            state.officers.stream().map(Run::indexed).toList();
                    boards.put(companyId, board);
                    if (boardKnown) {
                        List<NetworkSignals.Officer> fresh = board.stream()
                                .filter(o -> !boardBefore.contains(o.key()))
                                .toList();
                        if (!fresh.isEmpty()) {
                            appointed.put(companyId, fresh);
                        }
                    }
                }
            }
            Set<Long> changed = store.upsert(writes, context.runId());
            context.counters().changed += changed.size();
            fired.keySet().retainAll(changed);
            boards.keySet().retainAll(changed);
            appointed.keySet().retainAll(changed);
            NetworkSignals network = context.network();
            network.indexOfficers(connection, boards, lastDay);
            network.newOfficers(connection, appointed, lastDay).forEach((companyId, found) -> {
                List<DetectedSignal> all = new ArrayList<>(fired.getOrDefault(companyId, List.of()));
                found.forEach(d -> all.add(d.datedIfUndated(lastDays.get(companyId))));
                fired.put(companyId, all);
            });
            context.recordSignals(connection, fired);
        }

        /**
         * A disqualification reaches every company where the officer sits, found through the officer index;
         * Vigil keeps it, so that an officer appointed later is recognised too.
         */
        private void disqualifiedOfficers(Connection connection, List<StreamEvent> events) {
            Map<String, List<Disqualification>> byOfficer = new LinkedHashMap<>();
            Map<String, LocalDate> days = new HashMap<>();
            for (StreamEvent event : events) {
                String key = disqualifiedKey(event);
                byOfficer.put(key, disqualifications(event));
                days.put(key, event.day());
            }
            StreamMarks.replaceDisqualifications(connection, byOfficer);
            Map<Long, LocalDate> companies = new LinkedHashMap<>();
            context.network()
                    .currentMandates(connection, byOfficer.keySet())
                    .forEach((officer, ids) ->
                            ids.forEach(id -> companies.merge(id, days.get(officer), (a, b) -> a.isAfter(b) ? a : b)));
            if (companies.isEmpty()) {
                return;
            }
            Map<Long, StoredSection> governances = store.load(companies.keySet(), Section.GOVERNANCE);
            Set<String> keys = new TreeSet<>();
            Map<Long, ChCompany> states = new LinkedHashMap<>();
            for (Long companyId : companies.keySet()) {
                Governance governance = own(governances.get(companyId), Governance.class);
                if (governance != null) {
                    ChCompany state = ChCompany.of(null, null, governance);
                    states.put(companyId, state);
                    governance.officers().forEach(o -> keys.add(o.id()));
                }
            }
            LocalDate first =
                    companies.values().stream().min(LocalDate::compareTo).orElseThrow();
            Map<String, List<Disqualification>> disqualified = StreamMarks.inForce(connection, keys, first);
            List<SectionWrite> writes = new ArrayList<>();
            Map<Long, List<DetectedSignal>> fired = new HashMap<>();
            states.forEach((companyId, state) -> {
                ChCompany before = state.copy();
                state.disqualified = disqualifiedAmong(state.officers, disqualified);
                LocalDate day = companies.get(companyId);
                fired.put(companyId, diff(before, state, day, f -> f.equals("governance.disqualifiedOfficers")));
                writes.add(write(companyId, Section.GOVERNANCE, state.governance(), day));
            });
            Set<Long> changed = store.upsert(writes, context.runId());
            context.counters().changed += changed.size();
            fired.keySet().retainAll(changed);
            context.recordSignals(connection, fired);
        }

        private static List<Disqualification> disqualifiedAmong(
                List<Officer> officers, Map<String, List<Disqualification>> known) {
            List<Disqualification> found = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            if (officers != null) {
                for (Officer officer : officers) {
                    if (seen.add(officer.id())) {
                        found.addAll(known.getOrDefault(officer.id(), List.of()));
                    }
                }
            }
            return found;
        }

        /**
         * What one event changed: the fields both versions hold are compared; the fields it makes known for the
         * first time are a first sight (only the negative situations they show fire). All dated {@code day}
         * unless the source dates a member (an appointment, a charge).
         */
        private List<DetectedSignal> diff(ChCompany before, ChCompany after, LocalDate day, Predicate<String> visible) {
            FieldValues old = CompaniesHouseFields.of(before, day, visible);
            FieldValues now = CompaniesHouseFields.of(after, day, visible);
            List<DetectedSignal> detected = new ArrayList<>(engine.detect(old, now));
            FieldValues firstSight = CompaniesHouseFields.of(after, day, f -> visible.test(f) && !old.covers(f));
            if (!firstSight.fields().isEmpty()) {
                detected.addAll(engine.firstSeen(firstSight, day));
            }
            return detected.stream().map(d -> d.datedIfUndated(day)).toList();
        }

        private Map<Long, ChCompany> load(Set<Long> ids) {
            Map<Long, StoredSection> identities = store.load(ids, Section.IDENTITY);
            Map<Long, StoredSection> statuses = store.load(ids, Section.STATUS);
            Map<Long, StoredSection> governances = store.load(ids, Section.GOVERNANCE);
            Map<Long, ChCompany> states = new HashMap<>();
            for (Long id : ids) {
                states.put(
                        id,
                        ChCompany.of(
                                own(identities.get(id), Identity.class),
                                own(statuses.get(id), Status.class),
                                own(governances.get(id), Governance.class)));
            }
            return states;
        }

        /** A section Companies House wrote; one another source wrote is not read as Companies House's view. */
        private static <T> T own(StoredSection section, Class<T> type) {
            return section == null || !SOURCE.equals(section.source())
                    ? null
                    : ChDocuments.JSON.readValue(section.json(), type);
        }

        private List<SectionWrite> writes(long companyId, ChCompany state, LocalDate day) {
            List<SectionWrite> writes = new ArrayList<>(3);
            if (state.identity() != null) {
                writes.add(write(companyId, Section.IDENTITY, state.identity(), day));
            }
            if (state.status() != null) {
                writes.add(write(companyId, Section.STATUS, state.status(), day));
            }
            if (state.governance() != null) {
                writes.add(write(companyId, Section.GOVERNANCE, state.governance(), day));
            }
            return writes;
        }

        private SectionWrite write(long companyId, Section section, Object document, LocalDate day) {
            return new SectionWrite(
                    companyId, section, ChDocuments.JSON.writeValueAsString(document), SOURCE, extract.name(), day);
        }

        private static NetworkSignals.Officer indexed(Officer officer) {
            return new NetworkSignals.Officer(
                    officer.id(),
                    officer.name(),
                    officer.role(),
                    officer.since() == null ? null : LocalDate.parse(officer.since()));
        }
    }
}
