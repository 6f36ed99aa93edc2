package eu.vigil.feed.bureau;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Realistic bureau snapshot lines (src/docs/feeds.md §5) for benchmarks: every company has scores, payment
 * behaviour, three officers, an auditor, sometimes a parent and some incidents. Version 0 is a
 * company's base view; version 1 moves its scores and payment days, adds a protest and replaces the
 * managing director (every section changes); version 2 only moves its rating and payment score.
 */
public final class BureauLines {

    private static final String[] RATINGS = {"AAA", "AA", "A", "BBB", "BB", "B", "CCC"};
    private static final String[] SURNAMES = {
        "Jansen", "Peeters", "Maes", "Dubois", "Lambert", "Claes", "Wouters", "Rossi"
    };
    private static final String[] GIVEN = {"Eva", "Jan", "Marie", "Luc", "Sofie", "Pierre", "Anna", "Marco"};

    /** Incidents of a company's base view are dated from here, so that the same view on another day hashes the same. */
    private static final LocalDate BASE = LocalDate.of(2026, 9, 1);

    private BureauLines() {}

    /** A valid Belgian enterprise number for company {@code index} (0890.000.000 and up are bench-only). */
    public static String number(long index) {
        long first8 = 8_000_000 + index;
        return "%08d%02d".formatted(first8, 97 - first8 % 97);
    }

    public static String line(long index, LocalDate asOf, int version) {
        SplittableRandom random = new SplittableRandom(index * 31 + 7);
        int rating = random.nextInt(RATINGS.length);
        int risk = 1 + random.nextInt(3);
        int payment = 50 + random.nextInt(40);
        int dbt = random.nextInt(20);
        long limit = 10_000L * (1 + random.nextInt(50));
        double pd = 0.005 + random.nextInt(30) / 1000.0;
        StringBuilder line = new StringBuilder(900);
        if (version == 2) {
            payment -= 12;
            rating = Math.min(RATINGS.length - 1, rating + 1);
        }
        if (version == 1) {
            rating = Math.min(RATINGS.length - 1, rating + 2);
            risk = 4;
            payment -= 15;
            dbt += 20;
            limit /= 2;
            pd *= 2.5;
        }
        line.append("{\"country\":\"BE\",\"number\":\"")
                .append(number(index))
                .append("\",\"as_of\":\"")
                .append(asOf)
                .append("\",\"bureau\":\"bench\",\"rating\":\"")
                .append(RATINGS[rating])
                .append("\",\"risk_class\":")
                .append(risk)
                .append(",\"pd\":")
                .append(String.format(java.util.Locale.ROOT, "%.4f", pd))
                .append(",\"credit_limit\":")
                .append(limit)
                .append(",\"currency\":\"EUR\",\"payment_score\":")
                .append(payment)
                .append(",\"dbt_days\":")
                .append(dbt)
                .append(",\"growth_score\":")
                .append(40 + random.nextInt(40))
                .append(",\"dissolution_score\":")
                .append(random.nextInt(30))
                .append(",\"multiscore\":")
                .append(40 + random.nextInt(50))
                .append(",\"officers\":[");
        for (int o = 0; o < 3; o++) {
            long person = version == 1 && o == 0 ? 900_000 + index : index * 3 + o;
            line.append(o == 0 ? "" : ",")
                    .append("{\"id\":\"P-")
                    .append(person)
                    .append("\",\"name\":\"")
                    .append(SURNAMES[(int) (person % SURNAMES.length)])
                    .append(", ")
                    .append(GIVEN[(int) (person / 7 % GIVEN.length)])
                    .append("\",\"role\":\"")
                    .append(o == 0 ? "managing-director" : "director")
                    .append("\",\"since\":\"")
                    .append(
                            version == 1 && o == 0
                                    ? asOf.minusDays(10)
                                    : LocalDate.of(2010 + (int) (person % 12), 1 + o, 1))
                    .append("\"}");
        }
        line.append("],\"auditor\":{\"id\":\"B")
                .append(index % 500)
                .append("\",\"name\":\"Audit ")
                .append(index % 500)
                .append("\"}");
        if (index % 10 == 0) {
            line.append(",\"parent\":{\"country\":\"BE\",\"number\":\"")
                    .append(number(index + 1))
                    .append("\"}");
        }
        line.append(",\"protests\":[");
        if (index % 20 == 0) {
            line.append("{\"date\":\"")
                    .append(BASE.minusDays(5 + index % 20))
                    .append("\",\"amount\":")
                    .append(1000 + index % 9000)
                    .append('}');
        }
        if (version == 1) {
            line.append(index % 20 == 0 ? "," : "")
                    .append("{\"date\":\"")
                    .append(asOf.minusDays(5))
                    .append("\",\"amount\":")
                    .append(2500)
                    .append('}');
        }
        line.append(
                "],\"seizures\":[],\"social_security_summons\":[],\"tax_debts\":[],\"judgments\":[],\"payment_incidents\":[");
        if (index % 7 == 0) {
            line.append("{\"date\":\"")
                    .append(BASE.minusDays(40))
                    .append("\",\"amount\":")
                    .append(5000 + index % 5000)
                    .append(",\"days_late\":")
                    .append(30 + index % 60)
                    .append('}');
        }
        return line.append("]}").toString();
    }
}
