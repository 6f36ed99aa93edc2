package eu.vigil.feed.kbo;

import eu.vigil.company.Section;
import eu.vigil.company.SectionStore;
import eu.vigil.company.SectionWrite;
import eu.vigil.company.StoredSection;
import eu.vigil.feed.internal.CsvReader;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An Update extract: for every key a file lists, its rows in that file are replaced by the insert
 * file's (delete-then-insert), on top of what Vigil stored. An enterprise deleted and not inserted
 * has left the active population; its last known identity is kept. Deletions about an enterprise Vigil
 * never held change nothing and create no company; establishment-level rows are set aside. The files
 * are sorted in memory when they are not (an Update is small).
 */
final class UpdateLoad {

    private static final String[] PARTS = {"denomination", "address", "contact", "activity"};

    private final ExtractFiles files;
    private final ExtractInfo extract;
    private final IngestionContext context;
    private final SectionStore store;
    private final Map<Long, Patch> batch = new LinkedHashMap<>();

    UpdateLoad(ExtractFiles files, ExtractInfo extract, IngestionContext context) {
        this.files = files;
        this.extract = extract;
        this.context = context;
        this.store = context.store();
    }

    /** What the update says about one enterprise. */
    private static final class Patch {
        boolean deleted;
        String[] enterpriseFields;
        long enterpriseLine;
        /** Rows of this key other than its enterprise_insert row, applied when the patch is. */
        long rows;
        /** Rows replaced by a later insert row for the same enterprise. */
        long superseded;

        final Set<String> replaced = new HashSet<>();
        final Map<String, List<Object>> inserted = new HashMap<>();
        boolean establishmentsChanged;

        boolean left() {
            return deleted && enterpriseFields == null;
        }

        /** Nothing but deletions: about an enterprise Vigil does not hold, there is nothing to apply. */
        boolean deletionsOnly() {
            return enterpriseFields == null && inserted.isEmpty();
        }
    }

    void run() throws IOException {
        try {
            TreeSet<Long> establishmentOwners = applyEstablishments();
            merge(establishmentOwners);
        } catch (SQLException e) {
            throw new IllegalStateException("Database error during the KBO update: " + e.getMessage(), e);
        }
    }

    /** Applies establishment_delete/insert to the establishment index; answers the enterprises whose list changed. */
    private TreeSet<Long> applyEstablishments() throws IOException, SQLException {
        Set<Long> deleted = new HashSet<>();
        Map<Long, long[]> inserted = new LinkedHashMap<>();
        try (CsvReader csv = files.csv("establishment_delete.csv")) {
            csv.next();
            while (csv.next()) {
                if (csv.size() == 1 && csv.get(0).isEmpty()) {
                    continue;
                }
                context.read();
                long number = KboNumbers.parse(csv.get(0));
                if (number < KboNumbers.FIRST_ESTABLISHMENT) {
                    context.quarantine(
                            "establishment_delete.csv",
                            csv.line(),
                            csv.raw(),
                            "'" + csv.get(0) + "' is not an establishment number");
                } else {
                    deleted.add(number);
                    context.applied(1);
                }
            }
        }
        try (CsvReader csv = files.csv("establishment_insert.csv")) {
            csv.next();
            while (csv.next()) {
                if (csv.size() == 1 && csv.get(0).isEmpty()) {
                    continue;
                }
                context.read();
                long number = csv.size() == 3 ? KboNumbers.parse(csv.get(0)) : -1;
                long enterprise = csv.size() == 3 ? KboNumbers.parse(csv.get(2)) : -1;
                if (number < KboNumbers.FIRST_ESTABLISHMENT || !KboNumbers.validEnterprise(enterprise)) {
                    context.quarantine(
                            "establishment_insert.csv",
                            csv.line(),
                            csv.raw(),
                            "not an establishment with a valid enterprise number");
                    continue;
                }
                try {
                    String start = KboDocuments.isoDate(csv.get(1));
                    inserted.put(number, new long[] {
                        enterprise,
                        start == null ? Long.MIN_VALUE : LocalDate.parse(start).toEpochDay()
                    });
                    context.applied(1);
                } catch (IllegalArgumentException e) {
                    context.quarantine(
                            "establishment_insert.csv", csv.line(), csv.raw(), "StartDate " + e.getMessage());
                }
            }
        }
        TreeSet<Long> owners = new TreeSet<>();
        Set<Long> touched = new HashSet<>(deleted);
        touched.addAll(inserted.keySet());
        if (touched.isEmpty()) {
            return owners;
        }
        Connection connection = store.connection();
        Long[] keys = touched.toArray(Long[]::new);
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from kbo_establishment where establishment_number = any(?::bigint[]) returning enterprise_number")) {
            delete.setArray(1, connection.createArrayOf("bigint", keys));
            try (ResultSet rs = delete.executeQuery()) {
                while (rs.next()) {
                    owners.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into kbo_establishment (establishment_number, enterprise_number, start_date) values (?, ?, ?)")) {
            for (var entry : inserted.entrySet()) {
                insert.setLong(1, entry.getKey());
                insert.setLong(2, entry.getValue()[0]);
                insert.setObject(
                        3, entry.getValue()[1] == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(entry.getValue()[1]));
                insert.addBatch();
                owners.add(entry.getValue()[0]);
            }
            insert.executeBatch();
        }
        return owners;
    }

    private void merge(TreeSet<Long> establishmentOwners) throws IOException, SQLException {
        List<String> enterpriseHeader = KboAdapter.HEADERS.get("enterprise");
        List<KeyedCsv> open = new ArrayList<>();
        try {
            KeyedCsv enterpriseDelete = track(open, new KeyedCsv(files, "enterprise_delete.csv", 1, context, true));
            KeyedCsv enterpriseInsert =
                    track(open, new KeyedCsv(files, "enterprise_insert.csv", enterpriseHeader.size(), context, true));
            KeyedCsv[] deletes = new KeyedCsv[PARTS.length];
            KeyedCsv[] inserts = new KeyedCsv[PARTS.length];
            for (int p = 0; p < PARTS.length; p++) {
                deletes[p] = track(open, new KeyedCsv(files, PARTS[p] + "_delete.csv", 1, context, true));
                inserts[p] = track(
                        open,
                        new KeyedCsv(
                                files,
                                PARTS[p] + "_insert.csv",
                                KboAdapter.HEADERS.get(PARTS[p]).size(),
                                context,
                                true));
            }
            var owners = establishmentOwners.iterator();
            long nextOwner = owners.hasNext() ? owners.next() : KeyedCsv.END;
            while (true) {
                long key = nextOwner;
                for (KeyedCsv file : open) {
                    key = Math.min(key, file.key());
                }
                if (key == KeyedCsv.END) {
                    break;
                }
                if (!KboNumbers.isEnterprise(key)) {
                    for (KeyedCsv file : open) {
                        while (file.key() == key) {
                            KboAdapter.establishmentRows(file.name, 1, context);
                            file.advance();
                        }
                    }
                    if (key == nextOwner) {
                        nextOwner = owners.hasNext() ? owners.next() : KeyedCsv.END;
                    }
                    continue;
                }
                if (!KboNumbers.validEnterprise(key)) {
                    for (KeyedCsv file : open) {
                        while (file.key() == key) {
                            context.quarantine(
                                    file.name,
                                    file.row().line(),
                                    file.row().raw(),
                                    KboNumbers.display(key) + " fails the enterprise-number check digit");
                            file.advance();
                        }
                    }
                    if (key == nextOwner) {
                        nextOwner = owners.hasNext() ? owners.next() : KeyedCsv.END;
                    }
                    continue;
                }
                Patch patch = new Patch();
                if (key == nextOwner) {
                    patch.establishmentsChanged = true;
                    nextOwner = owners.hasNext() ? owners.next() : KeyedCsv.END;
                }
                while (enterpriseDelete.key() == key) {
                    patch.deleted = true;
                    patch.rows++;
                    enterpriseDelete.advance();
                }
                while (enterpriseInsert.key() == key) {
                    if (patch.enterpriseFields != null) {
                        patch.superseded++;
                    }
                    patch.enterpriseFields = enterpriseInsert.row().fields();
                    patch.enterpriseLine = enterpriseInsert.row().line();
                    enterpriseInsert.advance();
                }
                for (int p = 0; p < PARTS.length; p++) {
                    while (deletes[p].key() == key) {
                        patch.replaced.add(PARTS[p]);
                        patch.rows++;
                        deletes[p].advance();
                    }
                    while (inserts[p].key() == key) {
                        patch.replaced.add(PARTS[p]);
                        if (KboAdapter.collect(PARTS[p], inserts[p].row(), patch.inserted, inserts[p].name, context)) {
                            patch.rows++;
                        }
                        inserts[p].advance();
                    }
                }
                batch.put(key, patch);
                if (batch.size() >= 1_000) {
                    flush();
                }
            }
            flush();
        } finally {
            for (KeyedCsv file : open) {
                file.close();
            }
        }
    }

    private static KeyedCsv track(List<KeyedCsv> open, KeyedCsv file) {
        open.add(file);
        return file;
    }

    private void flush() throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        List<String> deletionsOnly = new ArrayList<>();
        batch.forEach((key, patch) -> {
            if (patch.deletionsOnly()) {
                deletionsOnly.add(KboNumbers.canonical(key));
            }
        });
        if (!deletionsOnly.isEmpty()) {
            Map<String, Long> held = store.existing(KboAdapter.COUNTRY, deletionsOnly);
            for (String number : deletionsOnly) {
                if (!held.containsKey(number)) {
                    Patch patch = batch.remove(Long.parseLong(number));
                    context.setAside(
                            "deletions about enterprises Vigil never held (no company is made from a deletion)",
                            patch.rows);
                }
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        List<String> numbers = new ArrayList<>(batch.size());
        batch.keySet().forEach(key -> numbers.add(KboNumbers.canonical(key)));
        SectionStore.Resolved resolved = store.resolve(KboAdapter.COUNTRY, numbers, context.runId());
        Map<Long, StoredSection> identities = store.load(resolved.ids().values(), Section.IDENTITY);
        Map<Long, StoredSection> statuses = store.load(resolved.ids().values(), Section.STATUS);
        Map<Long, List<long[]>> establishments = establishmentsOf(batch.entrySet().stream()
                .filter(e -> e.getValue().establishmentsChanged)
                .map(Map.Entry::getKey)
                .toList());
        List<SectionWrite> writes = new ArrayList<>(batch.size() * 2);
        Map<Long, List<eu.vigil.signal.DetectedSignal>> fired = new HashMap<>();
        int left = 0;
        for (var entry : batch.entrySet()) {
            Patch patch = entry.getValue();
            context.applied(patch.rows);
            context.setAside(
                    "enterprise_insert.csv: rows replaced by a later row for the same enterprise", patch.superseded);
            long companyId = resolved.ids().get(KboNumbers.canonical(entry.getKey()));
            StoredSection storedIdentity = identities.get(companyId);
            StoredSection storedStatus = statuses.get(companyId);
            Status oldStatus = KboAdapter.status(storedStatus == null ? null : storedStatus.json());
            if (patch.left()) {
                // deleted again after it left: it keeps the date it left
                String ceasedOn = oldStatus != null && !oldStatus.active() && oldStatus.ceasedOn() != null
                        ? oldStatus.ceasedOn()
                        : extract.snapshot().toString();
                Status status = new Status(
                        false,
                        oldStatus == null ? null : oldStatus.status(),
                        oldStatus == null ? null : oldStatus.juridicalSituation(),
                        oldStatus == null ? null : oldStatus.situationClass(),
                        ceasedOn);
                if (oldStatus == null || oldStatus.active()) {
                    left++;
                }
                writes.add(KboAdapter.write(companyId, Section.STATUS, status, extract));
                fired.put(
                        companyId,
                        oldStatus != null
                                ? context.signals().detect(KboFields.of(null, oldStatus), KboFields.of(null, status))
                                : context.signals().firstSeen(KboFields.firstSeen(null, status), extract.snapshot()));
                continue;
            }
            Identity identity = KboAdapter.identity(storedIdentity == null ? null : storedIdentity.json());
            Status status = oldStatus;
            if (patch.enterpriseFields != null) {
                String[] row = patch.enterpriseFields;
                try {
                    identity = identity.withEnterprise(row[3], row[4], row[5], KboDocuments.isoDate(row[6]));
                    status = new Status(true, row[1], row[2], KboDocuments.situationClass(row[2]), null);
                    context.applied(1);
                } catch (IllegalArgumentException e) {
                    context.quarantine(
                            "enterprise_insert.csv",
                            patch.enterpriseLine,
                            String.join(",", row),
                            "StartDate " + e.getMessage());
                }
            }
            for (String part : patch.replaced) {
                List<Object> rows = patch.inserted.getOrDefault(part, List.of());
                identity = switch (part) {
                    case "denomination" -> identity.withNames(KboAdapter.part(patch.inserted, part));
                    case "address" -> identity.withAddresses(KboAdapter.part(patch.inserted, part));
                    case "contact" -> identity.withContacts(KboAdapter.part(patch.inserted, part));
                    case "activity" -> identity.withActivities(KboAdapter.part(patch.inserted, part));
                    default -> throw new IllegalStateException(part + rows.size());
                };
            }
            if (patch.establishmentsChanged) {
                identity = identity.withEstablishments(
                        KboAdapter.establishments(establishments.getOrDefault(entry.getKey(), List.of())));
            }
            writes.add(KboAdapter.write(companyId, Section.IDENTITY, identity, extract));
            if (status != null) {
                writes.add(KboAdapter.write(companyId, Section.STATUS, status, extract));
            }
            fired.put(
                    companyId,
                    storedIdentity == null && storedStatus == null
                            ? context.signals().firstSeen(KboFields.firstSeen(identity, status), extract.snapshot())
                            : context.signals()
                                    .detect(
                                            KboFields.of(
                                                    storedIdentity == null
                                                            ? null
                                                            : KboAdapter.identity(storedIdentity.json()),
                                                    oldStatus),
                                            KboFields.of(identity, status)));
        }
        Set<Long> changed = store.upsert(writes, context.runId());
        fired.keySet().retainAll(changed);
        context.recordSignals(store.connection(), fired);
        context.counters().created += resolved.created().size();
        context.counters().changed += changed.size();
        context.counters().left += left;
        batch.clear();
    }

    private Map<Long, List<long[]>> establishmentsOf(List<Long> enterprises) throws SQLException {
        Map<Long, List<long[]>> result = new HashMap<>();
        if (enterprises.isEmpty()) {
            return result;
        }
        Connection connection = store.connection();
        try (PreparedStatement select = connection.prepareStatement("""
                select enterprise_number, establishment_number, start_date from kbo_establishment
                where enterprise_number = any(?::bigint[])""")) {
            select.setArray(1, connection.createArrayOf("bigint", enterprises.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    var start = rs.getDate(3);
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new long[] {
                                rs.getLong(2),
                                start == null
                                        ? Long.MIN_VALUE
                                        : start.toLocalDate().toEpochDay()
                            });
                }
            }
        }
        return result;
    }
}
