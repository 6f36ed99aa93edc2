package eu.vigil.signal;

import eu.vigil.demo.world.BodaccFileWriter;
import eu.vigil.demo.world.BodaccFileWriter.Notice;
import eu.vigil.demo.world.CompaniesHouseStreamWriter;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Envelope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The feed files of the coverage suite: every case puts its companies' lines into the same few files
 * (one bureau snapshot, one accounts file, one KBO Update extract, one Companies House stream capture and
 * one BODACC file per step), so the whole catalogue runs in a handful of feed runs.
 */
final class CoverageFeeds {

    static final String BUREAU_BEFORE = "2026-09-01";
    static final String BUREAU_AFTER = "2026-10-01";
    static final String BUREAU_NEXT_DAY = "2026-10-02";
    /** KBO Update extracts: first sight, an optional step in between, the change, and the next day. */
    static final String KBO_SEED = "01-09-2026";
    static final String KBO_MID = "15-09-2026";
    static final String KBO_AFTER = "01-10-2026";
    static final String KBO_NEXT_DAY = "02-10-2026";

    final List<String> bureauBefore = new ArrayList<>();
    final List<String> bureauAfter = new ArrayList<>();
    final List<String> accountsBefore = new ArrayList<>();
    final List<String> accountsAfter = new ArrayList<>();
    final Map<String, KboCompany> kboSeed = new TreeMap<>();
    final Map<String, KboCompany> kboMid = new TreeMap<>();
    final Map<String, KboCompany> kboAfter = new TreeMap<>();
    final List<Envelope> chBefore = new ArrayList<>();
    final List<Envelope> chAfter = new ArrayList<>();
    final List<Notice> bodaccBefore = new ArrayList<>();
    final List<Notice> bodaccAfter = new ArrayList<>();

    /** Companies House stream events: published without a zone before, in UTC after, with an offset the next day. */
    static final String CH_BEFORE = "2026-09-01T08:00:00";
    static final String CH_AFTER = "2026-10-01T09:30:00Z";
    static final String CH_NEXT_DAY = "2026-10-02T10:30:00+01:00";
    /** BODACC publication days; a judgment is dated by its own date. */
    static final LocalDate BODACC_BEFORE = LocalDate.parse("2026-09-01");
    static final LocalDate BODACC_AFTER = LocalDate.parse("2026-10-01");
    static final LocalDate BODACC_NEXT_DAY = LocalDate.parse("2026-10-02");

    private final AtomicLong timepoints = new AtomicLong(1_000_000);
    private final AtomicLong notices = new AtomicLong(1);

    /** The next stream timepoint: later events of a resource come with higher ones, as on the stream. */
    long timepoint() {
        return timepoints.incrementAndGet();
    }

    /** A fresh BODACC notice id: publication A, an issue number and a notice number. */
    String noticeId() {
        long n = notices.incrementAndGet();
        return "A2026" + (1000 + n % 9000) + n;
    }

    /** A company's stream events before and after (lists may be empty). */
    void ch(List<Envelope> before, List<Envelope> after) {
        chBefore.addAll(before);
        chAfter.addAll(after);
    }

    void bodacc(List<Notice> before, List<Notice> after) {
        bodaccBefore.addAll(before);
        bodaccAfter.addAll(after);
    }

    static byte[] chLines(List<Envelope> events) {
        return String.join("\n", events.stream().map(CompaniesHouseStreamWriter::line).toList()).getBytes(StandardCharsets.UTF_8);
    }

    /** Every "after" event delivered again the next day under a new etag: the same state, so nothing to signal. */
    static List<Envelope> chNextDay(List<Envelope> after) {
        return after.stream().map(e -> e.redelivered(e.timepoint() + 10_000_000, CH_NEXT_DAY)).toList();
    }

    static byte[] bodaccLines(List<Notice> notices) {
        return String.join("\n", notices.stream().map(BodaccFileWriter::line).toList()).getBytes(StandardCharsets.UTF_8);
    }

    /** The next day, every BODACC company of the cases gets an announcement that changes nothing of its situation. */
    List<Notice> bodaccNextDay() {
        Map<String, Notice> last = new LinkedHashMap<>();
        bodaccAfter.forEach(n -> n.sirens().forEach(siren -> last.put(siren, n)));
        return last.entrySet().stream().map(e -> new Notice(noticeId(), BODACC_NEXT_DAY, "annonce", "divers", List.of(e.getKey()),
                e.getValue().name(), e.getValue().town(), e.getValue().postcode(), null, null, null)).toList();
    }

    /** A bureau line before and one after (fields as JSON members, null = no line in that file). */
    void bureau(String number, String before, String after) {
        if (before != null) {
            bureauBefore.add(bureauLine(number, BUREAU_BEFORE, before));
        }
        if (after != null) {
            bureauAfter.add(bureauLine(number, BUREAU_AFTER, after));
        }
    }

    void accounts(String number, List<String> before, String after) {
        before.forEach(filing -> accountsBefore.add(accountsLine(number, filing)));
        if (after != null) {
            accountsAfter.add(accountsLine(number, after));
        }
    }

    /** An enterprise's KBO states: seen first, optionally changed in between (null = not in that extract), then after. */
    void kbo(String number, KboCompany seed, KboCompany mid, KboCompany after) {
        if (seed != null) {
            kboSeed.put(number, seed);
        }
        if (mid != null) {
            kboMid.put(number, mid);
        }
        if (after != null) {
            kboAfter.put(number, after);
        }
    }

    static String bureauLine(String number, String asOf, String fields) {
        return ("{\"country\":\"BE\",\"number\":\"" + number + "\",\"as_of\":\"" + asOf + "\",\"bureau\":\"demo\""
                + (fields.isBlank() ? "" : "," + fields) + "}").replace("\n", "");
    }

    static String accountsLine(String number, String filing) {
        return ("{\"country\":\"BE\",\"number\":\"" + number + "\"," + filing + "}").replace("\n", "");
    }

    static byte[] lines(List<String> lines, Function<String, String> each) {
        return String.join("\n", lines.stream().map(each).toList()).getBytes(StandardCharsets.UTF_8);
    }

    // KBO Update extracts

    /** The update that brings {@code previous} to {@code now} for the enterprises {@code now} lists. */
    static byte[] kboUpdate(int extractNumber, String snapshot, Map<String, KboCompany> now, Map<String, KboCompany> previous) {
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        String[][] headers = {
                {"enterprise", "\"EnterpriseNumber\",\"Status\",\"JuridicalSituation\",\"TypeOfEnterprise\",\"JuridicalForm\",\"JuridicalFormCAC\",\"StartDate\""},
                {"establishment", "\"EstablishmentNumber\",\"StartDate\",\"EnterpriseNumber\""},
                {"denomination", "\"EntityNumber\",\"Language\",\"TypeOfDenomination\",\"Denomination\""},
                {"address", "\"EntityNumber\",\"TypeOfAddress\",\"CountryNL\",\"CountryFR\",\"Zipcode\",\"MunicipalityNL\",\"MunicipalityFR\",\"StreetNL\",\"StreetFR\",\"HouseNumber\",\"Box\",\"ExtraAddressInfo\",\"DateStrikingOff\""},
                {"contact", "\"EntityNumber\",\"EntityContact\",\"ContactType\",\"Value\""},
                {"activity", "\"EntityNumber\",\"ActivityGroup\",\"NaceVersion\",\"NaceCode\",\"Classification\""},
                {"branch", "\"Id\",\"StartDate\",\"EnterpriseNumber\""}};
        for (String[] header : headers) {
            files.put(header[0] + "_delete.csv", new StringBuilder(header[1].substring(0, header[1].indexOf(',')) + "\n"));
            files.put(header[0] + "_insert.csv", new StringBuilder(header[1] + "\n"));
        }
        // establishment files are keyed by establishment number, the others by enterprise: both sorted as KBO publishes
        Map<String, String> establishmentDeletes = new TreeMap<>();
        Map<String, String> establishmentInserts = new TreeMap<>();
        now.forEach((number, company) -> {
            String key = KboCompany.dotted(number);
            KboCompany before = previous.get(number);
            if (before != null) {
                before.establishments.forEach(s -> establishmentDeletes.put(KboCompany.establishmentNumber(number, s),
                        q(KboCompany.establishmentNumber(number, s)) + "\n"));
            }
            if (before != null) {
                for (String part : List.of("enterprise", "denomination", "address", "contact", "activity")) {
                    files.get(part + "_delete.csv").append(q(key)).append('\n');
                }
            }
            if (company.left) {
                return;
            }
            company.establishments.forEach(s -> establishmentInserts.put(KboCompany.establishmentNumber(number, s),
                    q(KboCompany.establishmentNumber(number, s)) + ",01-01-2015," + q(key) + "\n"));
            files.get("enterprise_insert.csv").append(String.join(",", q(key), q("AC"), q(company.situation), q("2"),
                    q(company.juridicalForm), "", company.startDate)).append('\n');
            company.denominations.forEach(d -> files.get("denomination_insert.csv")
                    .append(String.join(",", q(key), q(d[0]), q(d[1]), q(d[2]))).append('\n'));
            company.addresses.forEach(a -> files.get("address_insert.csv").append(String.join(",", q(key), q(a[0]), q(a[1]),
                    q(a[2]), q(a[3]), q(a[4]), q(a[4]), q(a[5]), q(a[5]), q(a[6]), "", "", a[7])).append('\n'));
            company.contacts.forEach(c -> files.get("contact_insert.csv")
                    .append(String.join(",", q(key), q("ENT"), q(c[0]), q(c[1]))).append('\n'));
            company.activities.forEach(a -> files.get("activity_insert.csv")
                    .append(String.join(",", q(key), q(a[0]), q(a[1]), q(a[2]), q(a[3]))).append('\n'));
        });
        establishmentDeletes.values().forEach(files.get("establishment_delete.csv")::append);
        establishmentInserts.values().forEach(files.get("establishment_insert.csv")::append);
        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put("meta.csv", ("\"Variable\",\"Value\"\n\"SnapshotDate\",\"" + snapshot + "\"\n\"ExtractTimestamp\",\"" + snapshot
                + " 07:00:00\"\n\"ExtractType\",\"update\"\n\"ExtractNumber\",\"" + extractNumber + "\"\n\"Version\",\"1.0.0\"\n")
                .getBytes(StandardCharsets.UTF_8));
        zip.put("code.csv", REAL_CODES);
        files.forEach((name, content) -> zip.put(name, content.toString().getBytes(StandardCharsets.UTF_8)));
        return zip(zip);
    }

    private static String q(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** KBO's code list from the real extract 147: an update always carries it complete, and the run replaces the stored one. */
    private static final byte[] REAL_CODES = realCodes();

    private static byte[] realCodes() {
        try (InputStream in = CoverageFeeds.class.getResourceAsStream("/kbo/KboOpenData_0147_2025_10_12_Update.zip");
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("code.csv")) {
                    return zip.readAllBytes();
                }
            }
            throw new IllegalStateException("The real KBO extract has no code.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
