package eu.vigil.company.web;

import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.FeedLines;
import eu.vigil.feed.RunView;
import eu.vigil.support.KboUpdateZip;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * A brewery with KBO identity, two bureau snapshots and two filings, ingested through the real feeds,
 * with events dated relative to today: a rating downgrade 3 days ago, a late filing with turnover up
 * 15 days ago, a late payment 20 days ago and a protest 40 days ago. Its parent is a second company
 * Vigil knows, and both share a name word no other test uses.
 */
record DemoCompany(String number, String name, String word, String parentNumber) {

    static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    static DemoCompany ingest(FeedIngestion ingestion) {
        LocalDate today = LocalDate.now(ZONE);
        String word = "Zonnedauw" + UUID.randomUUID().toString().substring(0, 6);
        String number = FeedLines.belgianNumber();
        String parent = FeedLines.belgianNumber();
        String name = "Brouwerij " + word + " NV";
        kbo(ingestion, today, new java.util.TreeMap<>(Map.of(number, name, parent, word + " Holding NV")));

        bureau(ingestion, number, today.minusDays(60), """
                "rating":"BBB","risk_class":2,"pd":0.01,"credit_limit":100000,"currency":"EUR","payment_score":80,
                "dbt_days":5,"growth_score":50,"dissolution_score":10,"multiscore":70,
                "officers":[{"id":"P-1","name":"Jansen, Eva","role":"managing-director","since":"2019-03-01"}],
                "auditor":{"id":"B00123","name":"Audit & Co"},"parent":{"country":"BE","number":"%s"},
                "protests":[],"payment_incidents":[]""".formatted(parent));
        bureau(ingestion, number, today.minusDays(3), """
                "rating":"B","risk_class":4,"pd":0.05,"credit_limit":20000,"payment_score":60,"dbt_days":25,
                "growth_score":45,"dissolution_score":30,"multiscore":40,
                "officers":[{"id":"P-1","name":"Jansen, Eva","role":"managing-director","since":"2019-03-01"},
                            {"id":"P-2","name":"Peeters, Jan","role":"director","since":"%s"}],
                "protests":[{"date":"%s","amount":4200}],
                "payment_incidents":[{"date":"%s","amount":12000,"days_late":75}]""".formatted(
                        today.minusDays(10), today.minusDays(40), today.minusDays(20)));

        accounts(ingestion, filing(number, "2024-12-31", "2025-06-30", """
                "10/15":1250000,"100":62000,"20/58":4100000,"21/28":1900000,"29/58":2200000,"54/58":310000,
                "42/48":1500000,"70":8200000,"9900":2100000,"9901":420000,"9904":180000,"9087":41.5"""));
        accounts(ingestion, filing(number, "2025-12-31", today.minusDays(15).toString(), """
                "10/15":1300000,"100":62000,"20/58":4300000,"21/28":1950000,"29/58":2350000,"54/58":290000,
                "42/48":1600000,"70":10250000,"9900":2400000,"9901":460000,"9904":205000,"9087":44"""));
        return new DemoCompany(number, name, word, parent);
    }

    String display() {
        return number.substring(0, 4) + "." + number.substring(4, 7) + "." + number.substring(7);
    }

    private static void bureau(FeedIngestion ingestion, String number, LocalDate asOf, String fields) {
        String line = ("{\"country\":\"BE\",\"number\":\"" + number + "\",\"as_of\":\"" + asOf
                        + "\",\"bureau\":\"demo\"," + fields + "}")
                .replace("\n", "");
        check(ingestion.ingestNow("bureau", FeedLines.file(line), "snapshot.jsonl", true, "test"));
    }

    private static String filing(String number, String periodEnd, String filedOn, String items) {
        return ("{\"country\":\"BE\",\"number\":\"" + number + "\",\"filed_on\":\"" + filedOn + "\",\"period_start\":\""
                        + LocalDate.parse(periodEnd).minusYears(1).plusDays(1) + "\",\"period_end\":\"" + periodEnd
                        + "\",\"model\":\"full\",\"currency\":\"EUR\",\"items\":{" + items
                        + "},\"auditor_opinion\":\"unqualified\"}")
                .replace("\n", "");
    }

    private static void accounts(FeedIngestion ingestion, String line) {
        check(ingestion.ingestNow("accounts", FeedLines.file(line), "filings.jsonl", true, "test"));
    }

    /** A KBO Update holding only these enterprises, with the real extract's code list so descriptions stay as they are. */
    private static void kbo(FeedIngestion ingestion, LocalDate today, Map<String, String> names) {
        byte[] zip =
                KboUpdateZip.newEnterprises(names, today.minusDays(30), "Brouwerijstraat", "Rue de la Brasserie", "12");
        check(ingestion.ingestNow(
                "kbo", new ByteArrayInputStream(zip), "KboOpenData_0147_demo_Update.zip", true, "test"));
    }

    private static void check(RunView run) {
        if (!"COMPLETED".equals(run.status()) || run.rowsRejected() > 0) {
            throw new IllegalStateException("Demo company run " + run.id() + " " + run.status() + ": " + run.error()
                    + ", rejected " + run.rowsRejected());
        }
    }
}
