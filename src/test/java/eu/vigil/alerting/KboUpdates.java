package eu.vigil.alerting;

import static eu.vigil.support.KboUpdateZip.q;

import eu.vigil.support.KboUpdateZip;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * KBO Update extracts, as KBO publishes them, for a few enterprises: each listed with its complete current rows
 * (an active enterprise, its name and seat), in a given juridical situation ({@code 000} normal, {@code 050}
 * bankrupt). An enterprise seen before is deleted first, as KBO does for a changed key.
 */
public final class KboUpdates {

    /** Enterprise numbers from 0600.000.000 upward are the alerting tests'. */
    private static final AtomicLong NEXT = new AtomicLong(6_000_000);

    private static final AtomicInteger EXTRACT = new AtomicInteger(8_300_000);

    private KboUpdates() {}

    /** A fresh valid Belgian enterprise number, ten digits. */
    public static String number() {
        long first8 = NEXT.incrementAndGet();
        return "%08d%02d".formatted(first8, 97 - first8 % 97);
    }

    public record Enterprise(String number, String name, String situation, boolean seenBefore) {}

    public static byte[] update(String snapshot, Enterprise... enterprises) {
        KboUpdateZip.Update update = KboUpdateZip.update(EXTRACT.incrementAndGet(), snapshot);
        for (Enterprise e : enterprises) {
            String key = q(KboUpdateZip.dotted(e.number()));
            if (e.seenBefore()) {
                for (String part : new String[] {"enterprise", "denomination", "address", "activity"}) {
                    update.delete(part, key);
                }
            }
            update.insert("enterprise", key, q("AC"), q(e.situation()), q("2"), q("014"), "", "15-03-2010")
                    .insert("denomination", key, q("2"), q("001"), q(e.name()))
                    .insert(
                            "address",
                            key,
                            q("REGO"),
                            q(""),
                            q(""),
                            q("2000"),
                            q("Antwerpen"),
                            q("Antwerpen"),
                            q("Kerkstraat"),
                            q("Kerkstraat"),
                            q("1"),
                            "",
                            "",
                            "")
                    .insert("activity", key, q("003"), q("2025"), q("62100"), q("MAIN"));
        }
        return update.zip();
    }
}
