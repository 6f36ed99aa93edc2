package eu.vigil.feed.kbo;

import eu.vigil.company.Section;
import eu.vigil.company.SectionStore;
import eu.vigil.company.SectionWrite;
import eu.vigil.feed.internal.ExtractFiles;
import eu.vigil.feed.internal.ExtractInfo;
import eu.vigil.feed.internal.IngestionContext;
import eu.vigil.feed.kbo.KboDocuments.Identity;
import eu.vigil.feed.kbo.KboDocuments.Status;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Full extract in one pass: enterprise.csv drives, the other files (all sorted by entity number)
 * are merged alongside, and each enterprise's identity and status go to the store in batches.
 * Enterprises Vigil holds as active but missing from the Full have left the active population.
 */
final class FullLoad {

    private final ExtractFiles files;
    private final ExtractInfo extract;
    private final IngestionContext context;
    private final SectionStore store;
    private final Map<Long, Identity> identities = new LinkedHashMap<>();
    private final Map<Long, Status> statuses = new HashMap<>();
    private boolean registryEmpty;

    FullLoad(ExtractFiles files, ExtractInfo extract, IngestionContext context) {
        this.files = files;
        this.extract = extract;
        this.context = context;
        this.store = context.store();
    }

    void run() throws IOException {
        try {
            registryEmpty = !hasKboCompanies();
            EstablishmentIndex establishments = EstablishmentIndex.read(files, context);
            establishments.store(store.connection());
            if (!registryEmpty) {
                try (Statement statement = store.connection().createStatement()) {
                    statement.execute("create temp table seen_company (id bigint primary key) on commit drop");
                }
            }
            context.holdQuarantine(true);
            Thread writer = startWriter();
            try {
                merge(establishments);
            } finally {
                finishWriter(writer);
                context.holdQuarantine(false);
            }
            if (!registryEmpty) {
                markMissingAsLeft();
            }
            // a Full rewrites most of the registry (company's tables too): fresh statistics for the updates that follow
            try (Statement statement = store.connection().createStatement()) {
                statement.execute("analyze company, company_section, kbo_establishment");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database error during the KBO full load: " + e.getMessage(), e);
        }
    }

    private void merge(EstablishmentIndex establishments) throws IOException {
        List<String> header = KboAdapter.HEADERS.get("enterprise");
        try (KeyedCsv enterprise = new KeyedCsv(files, "enterprise.csv", header.size(), context);
                KeyedCsv denomination = child("denomination");
                KeyedCsv address = child("address");
                KeyedCsv contact = child("contact");
                KeyedCsv activity = child("activity")) {
            KeyedCsv[] children = {denomination, address, contact, activity};
            String[] parts = {"denomination", "address", "contact", "activity"};
            while (enterprise.key() != KeyedCsv.END && KboNumbers.isEnterprise(enterprise.key())) {
                long key = enterprise.key();
                KboRow row = enterprise.row();
                Identity identity = null;
                Status status = null;
                if (!KboNumbers.validEnterprise(key)) {
                    context.quarantine(
                            "enterprise.csv",
                            row.line(),
                            row.raw(),
                            row.get(0) + " fails the enterprise-number check digit");
                } else {
                    try {
                        identity = Identity.empty()
                                .withEnterprise(row.get(3), row.get(4), row.get(5), KboDocuments.isoDate(row.get(6)));
                        status =
                                new Status(true, row.get(1), row.get(2), KboDocuments.situationClass(row.get(2)), null);
                        context.applied(1);
                    } catch (IllegalArgumentException e) {
                        context.quarantine("enterprise.csv", row.line(), row.raw(), "StartDate " + e.getMessage());
                    }
                }
                Map<String, List<Object>> collected = new HashMap<>();
                for (int c = 0; c < children.length; c++) {
                    KeyedCsv file = children[c];
                    while (file.key() < key) {
                        orphan(file);
                    }
                    while (file.key() == key) {
                        if (identity == null) {
                            context.setAside(
                                    file.name + ": rows of an enterprise whose enterprise.csv row was rejected", 1);
                        } else if (KboAdapter.collect(parts[c], file.row(), collected, file.name, context)) {
                            context.applied(1);
                        }
                        file.advance();
                    }
                }
                if (identity != null) {
                    identity = identity.withNames(KboAdapter.part(collected, "denomination"))
                            .withAddresses(KboAdapter.part(collected, "address"))
                            .withContacts(KboAdapter.part(collected, "contact"))
                            .withActivities(KboAdapter.part(collected, "activity"))
                            .withEstablishments(KboAdapter.establishments(establishments.take(key)));
                    identities.put(key, identity);
                    statuses.put(key, status);
                    if (identities.size() >= 2_000) {
                        flush();
                    }
                }
                enterprise.advance();
            }
            flush();
            for (KeyedCsv file : children) {
                while (file.key() != KeyedCsv.END) {
                    orphan(file);
                }
            }
        }
    }

    private KeyedCsv child(String part) throws IOException {
        return new KeyedCsv(files, part + ".csv", KboAdapter.HEADERS.get(part).size(), context);
    }

    /**
     * A row whose enterprise is not in enterprise.csv. Establishment rows are expected: they sort after
     * every enterprise, so from the first one on the rest of the file is counted, not parsed.
     */
    private void orphan(KeyedCsv file) throws IOException {
        if (!KboNumbers.isEnterprise(file.key())) {
            KboAdapter.establishmentRows(file.name, file.skipRest(), context);
            return;
        }
        context.quarantine(
                file.name,
                file.row().line(),
                file.row().raw(),
                "no enterprise " + KboNumbers.display(file.key()) + " in enterprise.csv");
        file.advance();
    }

    /** One batch of enterprises, serialised by the reading thread, written by the writer thread. */
    private record Batch(
            List<String> numbers,
            List<SectionWrite> identities,
            List<SectionWrite> statuses,
            List<List<eu.vigil.signal.DetectedSignal>> firstSight,
            List<eu.vigil.feed.QuarantinedRow> quarantine) {}

    private static final Batch END = new Batch(List.of(), List.of(), List.of(), List.of(), List.of());

    private final java.util.concurrent.BlockingQueue<Batch> queue = new java.util.concurrent.ArrayBlockingQueue<>(4);
    private final java.util.concurrent.atomic.AtomicReference<Throwable> writerFailure =
            new java.util.concurrent.atomic.AtomicReference<>();
    private long created;
    private long changed;

    /** Writes batches on the run's connection while the reading thread goes on parsing. */
    private Thread startWriter() {
        SectionStore session = store.session();
        return Thread.ofPlatform().name("kbo-full-writer-" + context.runId()).start(() -> {
            try {
                for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
                    write(session, batch);
                }
            } catch (Throwable e) {
                writerFailure.set(e);
                queue.clear();
            }
        });
    }

    private void handOver(Batch batch) {
        try {
            while (!queue.offer(batch, 200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrowWriterFailure();
            }
            rethrowWriterFailure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the KBO extract", e);
        }
    }

    private void rethrowWriterFailure() {
        Throwable failure = writerFailure.get();
        if (failure != null) {
            throw failure instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(failure.getMessage(), failure);
        }
    }

    private void finishWriter(Thread writer) {
        try {
            if (writerFailure.get() == null) {
                queue.put(END);
            }
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the KBO extract", e);
        }
        rethrowWriterFailure();
        context.counters().created += created;
        context.counters().changed += changed;
    }

    private void flush() {
        if (identities.isEmpty()) {
            return;
        }
        List<String> numbers = new ArrayList<>(identities.size());
        List<SectionWrite> identityWrites = new ArrayList<>(identities.size());
        List<SectionWrite> statusWrites = new ArrayList<>(identities.size());
        List<List<eu.vigil.signal.DetectedSignal>> firstSight = new ArrayList<>(identities.size());
        for (var entry : identities.entrySet()) {
            Status status = statuses.get(entry.getKey());
            numbers.add(KboNumbers.canonical(entry.getKey()));
            identityWrites.add(KboAdapter.write(0, Section.IDENTITY, entry.getValue(), extract));
            statusWrites.add(KboAdapter.write(0, Section.STATUS, status, extract));
            firstSight.add(
                    mayFireAtFirstSight(entry.getValue(), status)
                            ? context.signals()
                                    .firstSeen(KboFields.firstSeen(entry.getValue(), status), extract.snapshot())
                            : List.of());
        }
        handOver(new Batch(numbers, identityWrites, statusWrites, firstSight, context.takeQuarantine()));
        identities.clear();
        statuses.clear();
    }

    private Set<String> firstSightSituations;
    private Set<String> firstSightActivity;
    private String recentStartFrom;

    /** The few companies a first sight can say something about; asking the engine about the rest costs more than the load. */
    private boolean mayFireAtFirstSight(Identity identity, Status status) {
        if (firstSightSituations == null) {
            var signals = context.signals();
            firstSightSituations = new java.util.HashSet<>();
            for (String code : KboDocuments.allSituationCodes()) {
                if (signals.firstSightCanFire("status.juridicalSituation", code)) {
                    firstSightSituations.add(code);
                }
            }
            firstSightActivity = new java.util.HashSet<>();
            for (boolean active : new boolean[] {true, false}) {
                if (signals.firstSightCanFire("status.active", active)) {
                    firstSightActivity.add(String.valueOf(active));
                }
            }
            int days = signals.firstSightRecentDays();
            recentStartFrom = days == 0
                    ? "9999-12-31"
                    : extract.snapshot().minusDays(days).toString();
        }
        return status != null
                        && (firstSightSituations.contains(status.juridicalSituation())
                                || firstSightActivity.contains(String.valueOf(status.active())))
                || identity.startDate() != null && identity.startDate().compareTo(recentStartFrom) >= 0;
    }

    private void write(SectionStore session, Batch batch) throws SQLException {
        SectionStore.Resolved resolved = session.resolve(KboAdapter.COUNTRY, batch.numbers(), context.runId());
        List<SectionWrite> fresh = new ArrayList<>(batch.numbers().size() * 2);
        List<SectionWrite> existing = new ArrayList<>();
        Map<Long, List<eu.vigil.signal.DetectedSignal>> fired = new HashMap<>();
        for (int i = 0; i < batch.numbers().size(); i++) {
            String number = batch.numbers().get(i);
            long companyId = resolved.ids().get(number);
            boolean created = resolved.created().contains(number);
            if (created && !batch.firstSight().get(i).isEmpty()) {
                fired.put(companyId, batch.firstSight().get(i));
            }
            List<SectionWrite> target = created ? fresh : existing;
            target.add(batch.identities().get(i).forCompany(companyId));
            target.add(batch.statuses().get(i).forCompany(companyId));
        }
        session.insertNew(fresh, context.runId());
        SectionStore.Upserted upserted = session.upsertReturningPrevious(existing, context.runId());
        Set<Long> changedIds = upserted.changed();
        if (!upserted.previous().isEmpty()) {
            detectChanges(upserted.previous(), existing, fired);
        }
        created += resolved.created().size();
        changed += resolved.created().size() + changedIds.size();
        if (!registryEmpty) {
            remember(session.connection(), resolved.ids().values());
        }
        context.storeQuarantine(session.connection(), batch.quarantine());
        context.recordSignals(session.connection(), fired);
    }

    /**
     * A full extract on a populated registry: each company whose sections it replaced is compared
     * section by section with the version it replaced (only those few are parsed again).
     */
    private void detectChanges(
            Map<Long, Map<Section, String>> previous,
            List<SectionWrite> written,
            Map<Long, List<eu.vigil.signal.DetectedSignal>> fired) {
        Map<Long, Map<Section, String>> now = new HashMap<>();
        for (SectionWrite write : written) {
            Map<Section, String> replaced = previous.get(write.companyId());
            if (replaced != null && replaced.containsKey(write.section())) {
                now.computeIfAbsent(write.companyId(), id -> new java.util.EnumMap<>(Section.class))
                        .put(write.section(), write.json());
            }
        }
        now.forEach((companyId, sections) -> {
            Map<Section, String> before = previous.get(companyId);
            List<eu.vigil.signal.DetectedSignal> detected = context.signals()
                    .detect(
                            KboFields.of(
                                    before.containsKey(Section.IDENTITY)
                                            ? KboAdapter.identity(before.get(Section.IDENTITY))
                                            : null,
                                    KboAdapter.status(before.get(Section.STATUS))),
                            KboFields.of(
                                    sections.containsKey(Section.IDENTITY)
                                            ? KboAdapter.identity(sections.get(Section.IDENTITY))
                                            : null,
                                    KboAdapter.status(sections.get(Section.STATUS))));
            if (!detected.isEmpty()) {
                fired.put(companyId, detected);
            }
        });
    }

    private void remember(Connection connection, Iterable<Long> ids) throws SQLException {
        List<Long> list = new ArrayList<>();
        ids.forEach(list::add);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into seen_company select unnest(?::bigint[]) on conflict do nothing")) {
            insert.setArray(1, connection.createArrayOf("bigint", list.toArray()));
            insert.executeUpdate();
        }
    }

    private boolean hasKboCompanies() throws SQLException {
        try (Statement statement = store.connection().createStatement();
                ResultSet rs = statement.executeQuery(
                        "select exists (select 1 from company_section where section = 'status' and source = 'kbo')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private void markMissingAsLeft() throws SQLException {
        // reads company_section directly: on the run's connection, in the transaction that writes the sections
        Connection connection = store.connection();
        List<SectionWrite> writes = new ArrayList<>();
        Map<Long, List<eu.vigil.signal.DetectedSignal>> fired = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                     select s.company_id, s.doc::text from company_section s
                     where s.section = 'status' and s.source = 'kbo' and (s.doc ->> 'active')::boolean
                       and not exists (select 1 from seen_company x where x.id = s.company_id)""")) {
            while (rs.next()) {
                Status old = KboAdapter.status(rs.getString(2));
                Status left = new Status(
                        false,
                        old.status(),
                        old.juridicalSituation(),
                        old.situationClass(),
                        extract.snapshot().toString());
                writes.add(KboAdapter.write(rs.getLong(1), Section.STATUS, left, extract));
                fired.put(rs.getLong(1), context.signals().detect(KboFields.of(null, old), KboFields.of(null, left)));
            }
        }
        for (int from = 0; from < writes.size(); from += 2_000) {
            Set<Long> changed =
                    store.upsert(writes.subList(from, Math.min(writes.size(), from + 2_000)), context.runId());
            context.counters().changed += changed.size();
            context.counters().left += changed.size();
        }
        context.recordSignals(connection, fired);
    }
}
