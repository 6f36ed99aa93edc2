package eu.vigil.demo.world;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes KBO Open Data extracts (src/docs/feeds.md §1) as folders of CSV files: a Full from a set of enterprises, an
 * Update from the enterprises before and after (delete-then-insert per key, every file sorted by its key).
 * Establishment units are written as units only (no names or addresses of their own).
 */
public final class KboExtractWriter {

    private static final DateTimeFormatter KBO_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final String CODES = "/demo/kbo-code.csv";

    static final List<String> ENTERPRISE = List.of(
            "EnterpriseNumber",
            "Status",
            "JuridicalSituation",
            "TypeOfEnterprise",
            "JuridicalForm",
            "JuridicalFormCAC",
            "StartDate");
    static final List<String> ESTABLISHMENT = List.of("EstablishmentNumber", "StartDate", "EnterpriseNumber");
    static final List<String> DENOMINATION = List.of("EntityNumber", "Language", "TypeOfDenomination", "Denomination");
    static final List<String> ADDRESS = List.of(
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
            "DateStrikingOff");
    static final List<String> CONTACT = List.of("EntityNumber", "EntityContact", "ContactType", "Value");
    static final List<String> ACTIVITY =
            List.of("EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification");
    static final List<String> BRANCH = List.of("Id", "StartDate", "EnterpriseNumber");

    private KboExtractWriter() {}

    /** A denomination: language 1 FR, 2 NL; type 001 name, 002 abbreviation, 003 commercial name. */
    public record Denomination(String language, String type, String value) {}

    public record Address(
            String countryNL,
            String countryFR,
            String zipcode,
            String municipalityNL,
            String municipalityFR,
            String streetNL,
            String streetFR,
            String houseNumber,
            String box,
            LocalDate struckOff) {}

    public record Contact(String type, String value) {}

    public record Activity(String group, String naceCode, String classification) {}

    public record Establishment(long number, LocalDate startDate) {}

    /** An active enterprise as KBO lists it; {@code number} is the ten digits as a long. */
    public record Enterprise(
            long number,
            String juridicalSituation,
            String typeOfEnterprise,
            String juridicalForm,
            LocalDate startDate,
            List<Denomination> denominations,
            Address seat,
            List<Contact> contacts,
            List<Activity> activities,
            List<Establishment> establishments) {}

    public static Path writeFull(Path folder, int extractNumber, LocalDate snapshot, Iterable<Enterprise> enterprises) {
        Map<Long, Enterprise> sorted = new TreeMap<>();
        enterprises.forEach(e -> sorted.put(e.number(), e));
        try {
            Files.createDirectories(folder);
            meta(folder, "full", extractNumber, snapshot);
            codes(folder);
            List<List<String>> enterpriseRows = new ArrayList<>();
            List<List<String>> denominations = new ArrayList<>();
            List<List<String>> addresses = new ArrayList<>();
            List<List<String>> contacts = new ArrayList<>();
            List<List<String>> activities = new ArrayList<>();
            List<List<String>> establishments = new ArrayList<>();
            for (Enterprise e : sorted.values()) {
                enterpriseRows.add(enterpriseRow(e));
                denominations.addAll(denominationRows(e));
                addresses.addAll(addressRows(e));
                contacts.addAll(contactRows(e));
                activities.addAll(activityRows(e));
                establishments.addAll(establishmentRows(e));
            }
            establishments.sort(Comparator.comparing(row -> row.getFirst()));
            csv(folder.resolve("enterprise.csv"), ENTERPRISE, enterpriseRows);
            csv(folder.resolve("establishment.csv"), ESTABLISHMENT, establishments);
            csv(folder.resolve("denomination.csv"), DENOMINATION, denominations);
            csv(folder.resolve("address.csv"), ADDRESS, addresses);
            csv(folder.resolve("contact.csv"), CONTACT, contacts);
            csv(folder.resolve("activity.csv"), ACTIVITY, activities);
            csv(folder.resolve("branch.csv"), BRANCH, List.of());
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An Update taking the registry from {@code before} to {@code after} (both keyed by enterprise number): an
     * enterprise only in {@code before} is deleted (it left the active population), one only in {@code after}
     * inserted, and of one in both every part that differs is deleted and inserted again in full.
     */
    public static Path writeUpdate(
            Path folder,
            int extractNumber,
            LocalDate snapshot,
            Map<Long, Enterprise> before,
            Map<Long, Enterprise> after) {
        TreeMap<Long, Enterprise[]> keys = new TreeMap<>();
        before.forEach((k, e) -> keys.computeIfAbsent(k, x -> new Enterprise[2])[0] = e);
        after.forEach((k, e) -> keys.computeIfAbsent(k, x -> new Enterprise[2])[1] = e);
        Part enterprise = new Part("enterprise", ENTERPRISE);
        Part denomination = new Part("denomination", DENOMINATION);
        Part address = new Part("address", ADDRESS);
        Part contact = new Part("contact", CONTACT);
        Part activity = new Part("activity", ACTIVITY);
        Part establishment = new Part("establishment", ESTABLISHMENT);
        for (var entry : keys.entrySet()) {
            Enterprise old = entry.getValue()[0];
            Enterprise now = entry.getValue()[1];
            String key = display(entry.getKey());
            enterprise.diff(key, old, now, e -> List.of(enterpriseRow(e)));
            denomination.diff(key, old, now, KboExtractWriter::denominationRows);
            address.diff(key, old, now, KboExtractWriter::addressRows);
            contact.diff(key, old, now, KboExtractWriter::contactRows);
            activity.diff(key, old, now, KboExtractWriter::activityRows);
            List<Establishment> was = old == null ? List.of() : old.establishments();
            List<Establishment> is = now == null ? List.of() : now.establishments();
            was.stream()
                    .filter(u -> !is.contains(u))
                    .forEach(u -> establishment.deletes.add(List.of(displayUnit(u.number()))));
            is.stream()
                    .filter(u -> !was.contains(u))
                    .forEach(
                            u -> establishment.inserts.add(List.of(displayUnit(u.number()), date(u.startDate()), key)));
        }
        establishment.deletes.sort(Comparator.comparing(row -> row.getFirst()));
        establishment.inserts.sort(Comparator.comparing(row -> row.getFirst()));
        try {
            Files.createDirectories(folder);
            meta(folder, "update", extractNumber, snapshot);
            codes(folder);
            for (Part part : List.of(enterprise, establishment, denomination, address, contact, activity)) {
                part.write(folder);
            }
            new Part("branch", BRANCH).write(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Part {
        final String name;
        final List<String> header;
        final List<List<String>> deletes = new ArrayList<>();
        final List<List<String>> inserts = new ArrayList<>();

        Part(String name, List<String> header) {
            this.name = name;
            this.header = header;
        }

        void diff(String key, Enterprise old, Enterprise now, Function<Enterprise, List<List<String>>> rows) {
            List<List<String>> was = old == null ? List.of() : rows.apply(old);
            List<List<String>> is = now == null ? List.of() : rows.apply(now);
            if (old != null && (now == null || !was.equals(is))) {
                deletes.add(List.of(key));
            }
            if (now != null && (old == null || !was.equals(is))) {
                inserts.addAll(is);
            }
        }

        void write(Path folder) throws IOException {
            csv(folder.resolve(name + "_delete.csv"), List.of(header.getFirst()), deletes);
            csv(folder.resolve(name + "_insert.csv"), header, inserts);
        }
    }

    private static List<String> enterpriseRow(Enterprise e) {
        return List.of(
                display(e.number()),
                "AC",
                e.juridicalSituation(),
                e.typeOfEnterprise(),
                Objects.requireNonNullElse(e.juridicalForm(), ""),
                "",
                date(e.startDate()));
    }

    private static List<List<String>> denominationRows(Enterprise e) {
        return e.denominations().stream()
                .map(d -> List.of(display(e.number()), d.language(), d.type(), d.value()))
                .toList();
    }

    private static List<List<String>> addressRows(Enterprise e) {
        Address a = e.seat();
        return a == null
                ? List.of()
                : List.of(List.of(
                        display(e.number()),
                        "REGO",
                        nz(a.countryNL()),
                        nz(a.countryFR()),
                        a.zipcode(),
                        a.municipalityNL(),
                        a.municipalityFR(),
                        a.streetNL(),
                        a.streetFR(),
                        a.houseNumber(),
                        nz(a.box()),
                        "",
                        date(a.struckOff())));
    }

    private static List<List<String>> contactRows(Enterprise e) {
        return e.contacts().stream()
                .map(c -> List.of(display(e.number()), "ENT", c.type(), c.value()))
                .toList();
    }

    private static List<List<String>> activityRows(Enterprise e) {
        return e.activities().stream()
                .map(a -> List.of(display(e.number()), a.group(), "2008", a.naceCode(), a.classification()))
                .toList();
    }

    private static List<List<String>> establishmentRows(Enterprise e) {
        return e.establishments().stream()
                .map(u -> List.of(displayUnit(u.number()), date(u.startDate()), display(e.number())))
                .toList();
    }

    private static void meta(Path folder, String type, int number, LocalDate snapshot) throws IOException {
        csv(
                folder.resolve("meta.csv"),
                List.of("Variable", "Value"),
                List.of(
                        List.of("SnapshotDate", date(snapshot)),
                        List.of("ExtractTimestamp", date(snapshot.plusDays(1)) + " 07:00:00"),
                        List.of("ExtractType", type),
                        List.of("ExtractNumber", Integer.toString(number)),
                        List.of("Version", "1.0.0")));
    }

    /** The code list of the real extract for every category but NACE, and the NACE codes the demo world uses. */
    private static void codes(Path folder) throws IOException {
        try (InputStream in = KboExtractWriter.class.getResourceAsStream(CODES)) {
            Files.copy(Objects.requireNonNull(in, CODES), folder.resolve("code.csv"));
        }
    }

    private static void csv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            row(out, header);
            for (List<String> row : rows) {
                row(out, row);
            }
        }
    }

    private static void row(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String field = fields.get(i);
            if (!field.isEmpty()) {
                out.write('"');
                out.write(field.replace("\"", "\"\""));
                out.write('"');
            }
        }
        out.write('\n');
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.format(KBO_DATE);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** Packs an extract folder into {@code <folder>.zip}, as KBO publishes it, and answers the zip. */
    public static Path zip(Path folder) {
        Path zip = folder.resolveSibling(folder.getFileName() + ".zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
                var files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(file.getFileName().toString()));
                Files.copy(file, out);
                out.closeEntry();
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 0403.170.701} */
    public static String display(long number) {
        String d = "%010d".formatted(number);
        return d.substring(0, 4) + "." + d.substring(4, 7) + "." + d.substring(7);
    }

    /** {@code 2.190.171.611} */
    public static String displayUnit(long number) {
        String d = "%010d".formatted(number);
        return d.charAt(0) + "." + d.substring(1, 4) + "." + d.substring(4, 7) + "." + d.substring(7);
    }

    /** The ten-digit number whose first eight digits are {@code first8}, with KBO's check digits. */
    public static long withCheckDigits(long first8) {
        return first8 * 100 + (97 - first8 % 97);
    }
}
