package eu.vigil.signal;

import static eu.vigil.support.KboUpdateZip.q;

import eu.vigil.demo.world.BodaccFileWriter;
import eu.vigil.demo.world.BodaccFileWriter.Notice;
import eu.vigil.demo.world.CompaniesHouseStreamWriter;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Envelope;
import eu.vigil.support.KboUpdateZip;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

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
        return String.join(
                        "\n",
                        events.stream().map(CompaniesHouseStreamWriter::line).toList())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Every "after" event delivered again the next day under a new etag: the same state, so nothing to signal. */
    static List<Envelope> chNextDay(List<Envelope> after) {
        return after.stream()
                .map(e -> e.redelivered(e.timepoint() + 10_000_000, CH_NEXT_DAY))
                .toList();
    }

    static byte[] bodaccLines(List<Notice> notices) {
        return String.join("\n", notices.stream().map(BodaccFileWriter::line).toList())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The next day, every BODACC company of the cases gets an announcement that changes nothing of its situation. */
    List<Notice> bodaccNextDay() {
        Map<String, Notice> last = new LinkedHashMap<>();
        bodaccAfter.forEach(n -> n.sirens().forEach(siren -> last.put(siren, n)));
        return last.entrySet().stream()
                .map(e -> new Notice(
                        noticeId(),
                        BODACC_NEXT_DAY,
                        "annonce",
                        "divers",
                        List.of(e.getKey()),
                        e.getValue().name(),
                        e.getValue().town(),
                        e.getValue().postcode(),
                        null,
                        null,
                        null))
                .toList();
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
                        + (fields.isBlank() ? "" : "," + fields) + "}")
                .replace("\n", "");
    }

    static String accountsLine(String number, String filing) {
        return ("{\"country\":\"BE\",\"number\":\"" + number + "\"," + filing + "}").replace("\n", "");
    }

    static byte[] lines(List<String> lines, Function<String, String> each) {
        return String.join("\n", lines.stream().map(each).toList()).getBytes(StandardCharsets.UTF_8);
    }

    // KBO Update extracts

    /** The update that brings {@code previous} to {@code now} for the enterprises {@code now} lists. */
    static byte[] kboUpdate(
            int extractNumber, String snapshot, Map<String, KboCompany> now, Map<String, KboCompany> previous) {
        KboUpdateZip.Update update = KboUpdateZip.update(extractNumber, snapshot);
        // establishment files are keyed by establishment number, the others by enterprise: both sorted as KBO publishes
        Map<String, String> establishmentDeletes = new TreeMap<>();
        Map<String, String[]> establishmentInserts = new TreeMap<>();
        now.forEach((number, company) -> {
            String key = q(KboCompany.dotted(number));
            KboCompany before = previous.get(number);
            if (before != null) {
                before.establishments.forEach(s -> establishmentDeletes.put(
                        KboCompany.establishmentNumber(number, s), q(KboCompany.establishmentNumber(number, s))));
                for (String part : List.of("enterprise", "denomination", "address", "contact", "activity")) {
                    update.delete(part, key);
                }
            }
            if (company.left) {
                return;
            }
            company.establishments.forEach(s -> establishmentInserts.put(
                    KboCompany.establishmentNumber(number, s),
                    new String[] {q(KboCompany.establishmentNumber(number, s)), "01-01-2015", key}));
            update.insert(
                    "enterprise",
                    key,
                    q("AC"),
                    q(company.situation),
                    q("2"),
                    q(company.juridicalForm),
                    "",
                    company.startDate);
            company.denominations.forEach(d -> update.insert("denomination", key, q(d[0]), q(d[1]), q(d[2])));
            company.addresses.forEach(a -> update.insert(
                    "address", key, q(a[0]), q(a[1]), q(a[2]), q(a[3]), q(a[4]), q(a[4]), q(a[5]), q(a[5]), q(a[6]), "",
                    "", a[7]));
            company.contacts.forEach(c -> update.insert("contact", key, q("ENT"), q(c[0]), q(c[1])));
            company.activities.forEach(a -> update.insert("activity", key, q(a[0]), q(a[1]), q(a[2]), q(a[3])));
        });
        establishmentDeletes.values().forEach(key -> update.delete("establishment", key));
        establishmentInserts.values().forEach(cells -> update.insert("establishment", cells));
        return update.zip();
    }
}
