package eu.vigil.feed.kbo;

import eu.vigil.company.ReferenceCodes;
import eu.vigil.company.Section;
import eu.vigil.company.SectionStore;
import eu.vigil.company.SectionWrite;
import eu.vigil.company.StoredSection;
import eu.vigil.feed.RunView;
import eu.vigil.feed.internal.CsvReader;
import eu.vigil.feed.internal.ExtractFiles;
import eu.vigil.feed.internal.ExtractInfo;
import eu.vigil.feed.internal.FeedAdapter;
import eu.vigil.feed.internal.IngestionContext;
import eu.vigil.feed.internal.RefusedException;
import eu.vigil.feed.internal.RunStore;
import eu.vigil.feed.internal.StructureException;
import eu.vigil.feed.kbo.KboDocuments.Activity;
import eu.vigil.feed.kbo.KboDocuments.Address;
import eu.vigil.feed.kbo.KboDocuments.Contact;
import eu.vigil.feed.kbo.KboDocuments.Establishment;
import eu.vigil.feed.kbo.KboDocuments.Identity;
import eu.vigil.feed.kbo.KboDocuments.Name;
import eu.vigil.feed.kbo.KboDocuments.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Belgian KBO/BCE Open Data (src/docs/feeds.md §1). A Full extract is read as one sorted merge over its
 * files; an Update is applied as delete-then-insert per key onto the stored state. Fills the
 * identity and status sections.
 */
@Component
class KboAdapter implements FeedAdapter {

    static final String SOURCE = "kbo";
    static final String COUNTRY = "BE";
    private static final int BATCH = 2_000;
    private static final DateTimeFormatter KBO_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    static final Map<String, List<String>> HEADERS = headers();

    private static Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put(
                "enterprise",
                List.of(
                        "EnterpriseNumber",
                        "Status",
                        "JuridicalSituation",
                        "TypeOfEnterprise",
                        "JuridicalForm",
                        "JuridicalFormCAC",
                        "StartDate"));
        headers.put("establishment", List.of("EstablishmentNumber", "StartDate", "EnterpriseNumber"));
        headers.put("denomination", List.of("EntityNumber", "Language", "TypeOfDenomination", "Denomination"));
        headers.put(
                "address",
                List.of(
                        "EntityNumber",
                        "TypeOfAddress",
                        "CountryNL",
                        "CountryFR",
                        "Zipcode",
                        "MunicipalityNL",
                        "MunicipalityFR",
                        "StreetNL",
                        "StreetFR",
                        "HouseNumber",
                        "Box",
                        "ExtraAddressInfo",
                        "DateStrikingOff"));
        headers.put("contact", List.of("EntityNumber", "EntityContact", "ContactType", "Value"));
        headers.put("activity", List.of("EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification"));
        headers.put("branch", List.of("Id", "StartDate", "EnterpriseNumber"));
        return headers;
    }

    private static final List<String> META = List.of("Variable", "Value");
    private static final List<String> CODE = List.of("Category", "Code", "Language", "Description");
    private static final List<String> CHILD_PARTS = List.of("denomination", "address", "contact", "activity");

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public ExtractInfo inspect(ExtractFiles files) throws IOException {
        if (files.isSingleFile()) {
            throw new StructureException(
                    "The file is not a zip archive of CSV files: a KBO extract is the zip KBO publishes.");
        }
        checkHeader(files, "meta.csv", META);
        Map<String, String> meta = new HashMap<>();
        try (CsvReader csv = files.csv("meta.csv")) {
            csv.next();
            while (csv.next()) {
                if (csv.size() >= 2) {
                    meta.put(csv.get(0), csv.get(1));
                }
            }
        }
        String type = meta.getOrDefault("ExtractType", "").toLowerCase(java.util.Locale.ROOT);
        if (!type.equals("full") && !type.equals("update")) {
            throw new StructureException(
                    "meta.csv: ExtractType must be 'full' or 'update', found '" + meta.get("ExtractType") + "'.");
        }
        Integer number;
        LocalDate snapshot;
        try {
            number = Integer.valueOf(meta.getOrDefault("ExtractNumber", "").trim());
        } catch (NumberFormatException e) {
            throw new StructureException(
                    "meta.csv: ExtractNumber must be a number, found '" + meta.get("ExtractNumber") + "'.");
        }
        try {
            snapshot = LocalDate.parse(meta.getOrDefault("SnapshotDate", "").trim(), KBO_DATE);
        } catch (RuntimeException e) {
            throw new StructureException(
                    "meta.csv: SnapshotDate must be a date dd-mm-yyyy, found '" + meta.get("SnapshotDate") + "'.");
        }
        checkHeader(files, "code.csv", CODE);
        for (var file : HEADERS.entrySet()) {
            if (type.equals("full")) {
                checkHeader(files, file.getKey() + ".csv", file.getValue());
            } else {
                checkHeader(
                        files,
                        file.getKey() + "_delete.csv",
                        List.of(file.getValue().getFirst()));
                checkHeader(files, file.getKey() + "_insert.csv", file.getValue());
            }
        }
        String name = String.format("KBO %s extract %04d of %s", type, number, snapshot);
        return new ExtractInfo(number, type, snapshot, name);
    }

    private static void checkHeader(ExtractFiles files, String name, List<String> expected) throws IOException {
        if (!files.has(name)) {
            throw new StructureException(
                    "The extract has no " + name + "; a KBO " + (name.contains("_") ? "Update" : "")
                            + " extract holds it with the header " + quoted(expected) + ".");
        }
        try (CsvReader csv = files.csv(name)) {
            List<String> found = csv.next() ? Arrays.asList(csv.fields()) : List.of();
            if (!found.isEmpty()) {
                found = new ArrayList<>(found);
                found.set(0, found.getFirst().replace("\uFEFF", ""));
            }
            if (!found.equals(expected)) {
                throw new StructureException(
                        name + " has the header " + quoted(found) + " but KBO's is " + quoted(expected) + ".");
            }
        }
    }

    private static String quoted(List<String> fields) {
        return fields.stream()
                .map(f -> "\"" + f + "\"")
                .reduce((a, b) -> a + "," + b)
                .orElse("(nothing)");
    }

    private final RunStore runs;

    KboAdapter(RunStore runs) {
        this.runs = runs;
    }

    @Override
    public void checkOrder(ExtractInfo extract, Optional<RunView> last) {
        refuseUpdateWithoutFull(extract, runs.completedOfType(SOURCE, "full"));
        if (last.isEmpty() || last.get().extractNumber() == null) {
            return;
        }
        int previous = last.get().extractNumber();
        if (extract.number() <= previous) {
            throw new RefusedException("Extract " + extract.number() + " is not newer than extract " + previous
                    + ", already applied on " + last.get().finishedAt() + ". Force it to apply it anyway.");
        }
        if (!extract.isFull() && extract.number() != previous + 1) {
            throw new RefusedException("Update extract " + extract.number() + " does not follow extract " + previous
                    + ": extracts " + (previous + 1)
                    + (extract.number() - 1 > previous + 1 ? " to " + (extract.number() - 1) : "")
                    + " are missing. Apply them first, or force this one.");
        }
    }

    /**
     * An Update lists only the day's changes: on a registry that never loaded a Full it would leave most
     * enterprises unknown and could not tell which left.
     */
    static void refuseUpdateWithoutFull(ExtractInfo extract, boolean hadFull) {
        if (!extract.isFull() && !hadFull) {
            throw new RefusedException(
                    "Vigil has never loaded a KBO Full extract, and Update " + extract.number()
                            + " only lists what changed the day before: load the latest Full extract first "
                            + "(KboOpenData_NNNN_yyyy_mm_Full.zip), then the Updates that follow it. Force this Update to apply it anyway.");
        }
    }

    @Override
    public void ingest(ExtractFiles files, ExtractInfo extract, IngestionContext context) throws IOException {
        context.codes().replace(SOURCE, codes(files));
        for (String branchFile :
                extract.isFull() ? List.of("branch.csv") : List.of("branch_delete.csv", "branch_insert.csv")) {
            countUnused(files, branchFile, context);
        }
        if (extract.isFull()) {
            new FullLoad(files, extract, context).run();
        } else {
            new UpdateLoad(files, extract, context).run();
        }
    }

    /** Branches of foreign entities are not part of a company's state yet: their rows are read and set aside. */
    private static void countUnused(ExtractFiles files, String name, IngestionContext context) throws IOException {
        try (CsvReader csv = files.csv(name)) {
            if (csv.next()) {
                long rows = csv.skipRemaining();
                context.read(rows);
                context.setAside(name + ": branches of foreign entities, not part of a company's state", rows);
            }
        }
    }

    /** Establishment-level rows of a file (activities, addresses, contacts, names of establishments), read and set aside. */
    static void establishmentRows(String file, long rows, IngestionContext context) {
        context.setAside(
                file
                        + ": establishment-level rows (Vigil keeps each enterprise's own data and its list of establishments)",
                rows);
    }

    private static Iterable<ReferenceCodes.Code> codes(ExtractFiles files) {
        return () -> {
            try {
                CsvReader csv = files.csv("code.csv");
                csv.next();
                return new Iterator<>() {
                    private boolean ready;
                    private boolean more;

                    @Override
                    public boolean hasNext() {
                        if (!ready) {
                            try {
                                do {
                                    more = csv.next();
                                } while (more && csv.size() < 4);
                                if (!more) {
                                    csv.close();
                                }
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            ready = true;
                        }
                        return more;
                    }

                    @Override
                    public ReferenceCodes.Code next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        ready = false;
                        return new ReferenceCodes.Code(csv.get(0), csv.get(1), csv.get(2), csv.get(3));
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static Name name(KboRow row) {
        return new Name(row.get(2), row.get(1), row.get(3));
    }

    static Address address(KboRow row) {
        return new Address(
                row.get(1),
                row.get(2),
                row.get(3),
                row.get(4),
                row.get(5),
                row.get(6),
                row.get(7),
                row.get(8),
                row.get(9),
                row.get(10),
                row.get(11),
                KboDocuments.isoDate(row.get(12)));
    }

    static Contact contact(KboRow row) {
        return new Contact(row.get(1), row.get(2), row.get(3));
    }

    static Activity activity(KboRow row) {
        return new Activity(row.get(1), row.get(2), row.get(3), row.get(4));
    }

    /** Reads one child row into {@code target}, or quarantines it when a field is malformed; true when it was taken. */
    static boolean collect(
            String part, KboRow row, Map<String, List<Object>> target, String file, IngestionContext context) {
        try {
            Object value = switch (part) {
                case "denomination" -> name(row);
                case "address" -> address(row);
                case "contact" -> contact(row);
                case "activity" -> activity(row);
                default -> throw new IllegalArgumentException(part);
            };
            target.computeIfAbsent(part, p -> new ArrayList<>()).add(value);
            return true;
        } catch (IllegalArgumentException e) {
            context.quarantine(file, row.line(), row.raw(), e.getMessage());
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> part(Map<String, List<Object>> parts, String name) {
        return (List<T>) (List<?>) parts.getOrDefault(name, List.of());
    }

    static String json(Object document) {
        return KboDocuments.JSON.writeValueAsString(document);
    }

    static Identity identity(String json) {
        return json == null ? Identity.empty() : KboDocuments.JSON.readValue(json, Identity.class);
    }

    static Status status(String json) {
        return json == null ? null : KboDocuments.JSON.readValue(json, Status.class);
    }

    static SectionWrite write(long companyId, Section section, Object document, ExtractInfo extract) {
        return new SectionWrite(companyId, section, json(document), SOURCE, extract.name(), extract.snapshot());
    }

    static Map<Long, StoredSection> load(SectionStore store, Map<String, Long> ids, Section section) {
        return store.load(ids.values(), section);
    }

    static List<Establishment> establishments(List<long[]> rows) {
        List<Establishment> result = new ArrayList<>(rows.size());
        for (long[] row : rows) {
            result.add(new Establishment(
                    KboNumbers.display(row[0]),
                    row[1] == Long.MIN_VALUE
                            ? null
                            : LocalDate.ofEpochDay(row[1]).toString()));
        }
        return result;
    }
}
