package eu.vigil.demo.world;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.demo.world.AccountsFileWriter.Filing;
import eu.vigil.demo.world.BureauFileWriter.Incident;
import eu.vigil.demo.world.BureauFileWriter.Officer;
import eu.vigil.demo.world.BureauFileWriter.Snapshot;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generators write what the feeds take (src/docs/feeds.md §1, §4, §5), and the same seed writes the same bytes. */
class DemoWorldFilesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Set<String> RUBRICS = Set.of(
            "10/15", "100", "20/58", "21/28", "29/58", "54/58", "42/48", "70", "9900", "9901", "9904", "9087", "9072",
            "9076");
    private static final List<String> RATINGS =
            List.of("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D", "NR");

    @TempDir
    Path folder;

    @Test
    void anAccountsLineHasTheSpecsFieldsAndLeavesOutAnAbsentOpinion() {
        Map<String, Number> items = new LinkedHashMap<>();
        items.put("10/15", 1_250_000);
        items.put("9087", new BigDecimal("41.5"));
        String line = AccountsFileWriter.line(new Filing(
                "BE",
                "0403170701",
                LocalDate.of(2026, 7, 28),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31),
                "full",
                "EUR",
                items,
                null));
        assertThat(line)
                .isEqualTo("{\"country\":\"BE\",\"number\":\"0403170701\",\"filed_on\":\"2026-07-28\",\"period_start\":"
                        + "\"2025-01-01\",\"period_end\":\"2025-12-31\",\"model\":\"full\",\"currency\":\"EUR\",\"items\":{\"10/15\":1250000,"
                        + "\"9087\":41.5}}");
    }

    @Test
    void aBureauLineLeavesOutWhatTheBureauDoesNotKnowButWritesEmptyLists() {
        String line = BureauFileWriter.line(new Snapshot(
                "BE",
                "0403.170.701",
                LocalDate.of(2026, 11, 20),
                "demo",
                "BB",
                3,
                new BigDecimal("0.021"),
                150_000L,
                "EUR",
                72,
                9,
                null,
                null,
                null,
                List.of(new Officer("P-88121", "Jansen, Eva", "managing-director", LocalDate.of(2019, 3, 1))),
                null,
                null,
                List.of(new Incident(LocalDate.of(2026, 10, 2), 4200, null)),
                List.of(),
                null,
                null,
                null,
                List.of(new Incident(LocalDate.of(2026, 9, 15), 12000, 75))));
        assertThat(line)
                .isEqualTo(
                        "{\"country\":\"BE\",\"number\":\"0403.170.701\",\"as_of\":\"2026-11-20\",\"bureau\":\"demo\","
                                + "\"rating\":\"BB\",\"risk_class\":3,\"pd\":0.021,\"credit_limit\":150000,\"currency\":\"EUR\",\"payment_score\":72,"
                                + "\"dbt_days\":9,\"officers\":[{\"id\":\"P-88121\",\"name\":\"Jansen, Eva\",\"role\":\"managing-director\","
                                + "\"since\":\"2019-03-01\"}],\"protests\":[{\"date\":\"2026-10-02\",\"amount\":4200}],\"seizures\":[],"
                                + "\"payment_incidents\":[{\"date\":\"2026-09-15\",\"amount\":12000,\"days_late\":75}]}");
    }

    @Test
    void everyAccountsLineOfTheWorldIsAValidFiling() throws IOException {
        List<JsonNode> filings = lines(DemoWorld.generate(1, TODAY).write(folder), "accounts");
        assertThat(filings).hasSizeGreaterThan(600);
        for (JsonNode filing : filings) {
            LocalDate filedOn = LocalDate.parse(filing.get("filed_on").asString());
            LocalDate periodEnd = LocalDate.parse(filing.get("period_end").asString());
            assertThat(filedOn).isAfter(periodEnd).isBefore(TODAY);
            assertThat(LocalDate.parse(filing.get("period_start").asString())).isBefore(periodEnd);
            assertThat(filing.get("number").asString()).matches("0[0-9]{9}");
            assertThat(filing.get("items").propertyNames()).isSubsetOf(RUBRICS).contains("10/15", "70", "9904");
            if (filing.has("auditor_opinion")) {
                assertThat(filing.get("auditor_opinion").asString())
                        .isIn("unqualified", "qualified", "adverse", "disclaimer", "going-concern");
            }
        }
        assertThat(filings)
                .as("some filed after the deadline of seven months and thirty days")
                .anySatisfy(f -> assertThat(LocalDate.parse(f.get("filed_on").asString()))
                        .isAfter(LocalDate.parse(f.get("period_end").asString())
                                .plusMonths(7)
                                .plusDays(30)));
    }

    @Test
    void everyBureauLineOfTheWorldIsAValidSnapshot() throws IOException {
        List<JsonNode> snapshots = lines(DemoWorld.generate(1, TODAY).write(folder), "bureau");
        assertThat(snapshots).hasSizeGreaterThan(25 * 250);
        for (JsonNode s : snapshots) {
            LocalDate asOf = LocalDate.parse(s.get("as_of").asString());
            assertThat(asOf).isBetween(TODAY.minusMonths(24), TODAY);
            assertThat(RATINGS).contains(s.get("rating").asString());
            assertThat(s.get("risk_class").asInt()).isBetween(1, 5);
            assertThat(s.get("pd").decimalValue()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            assertThat(s.get("credit_limit").asLong()).isNotNegative();
            for (String list : List.of(
                    "protests", "seizures", "social_security_summons", "tax_debts", "judgments", "payment_incidents")) {
                for (JsonNode incident : s.get(list)) {
                    assertThat(LocalDate.parse(incident.get("date").asString())).isBeforeOrEqualTo(asOf);
                }
            }
            for (JsonNode officer : s.get("officers")) {
                assertThat(officer.get("id").asString()).matches("P-[0-9]+");
            }
        }
    }

    @Test
    void theKboExtractsHaveKbosHeadersAndAreSortedAndNumberedConsecutively() throws IOException {
        List<DemoWorld.Delivery> deliveries = DemoWorld.generate(1, TODAY).write(folder);
        List<DemoWorld.Delivery> kbo =
                deliveries.stream().filter(d -> d.source().equals("kbo")).toList();
        assertThat(kbo).hasSize(DemoWorld.MONTHS + 1);
        assertThat(kbo.getFirst().path().getFileName().toString())
                .isEqualTo(
                        "KboOpenData_0100_" + TODAY.minusMonths(24).toString().replace('-', '_') + "_Full.zip");
        assertThat(kbo.get(1).path().getFileName().toString())
                .startsWith("KboOpenData_0101_")
                .endsWith("_Update.zip");
        Map<String, String> full = unzip(kbo.getFirst().path());
        assertThat(full.keySet())
                .containsExactlyInAnyOrder(
                        "meta.csv",
                        "code.csv",
                        "enterprise.csv",
                        "establishment.csv",
                        "denomination.csv",
                        "address.csv",
                        "contact.csv",
                        "activity.csv",
                        "branch.csv");
        assertThat(full.get("enterprise.csv"))
                .startsWith(
                        "\"EnterpriseNumber\",\"Status\",\"JuridicalSituation\",\"TypeOfEnterprise\",\"JuridicalForm\",\"JuridicalFormCAC\",\"StartDate\"\n");
        assertThat(full.get("address.csv"))
                .startsWith(
                        "\"EntityNumber\",\"TypeOfAddress\",\"CountryNL\",\"CountryFR\",\"Zipcode\","
                                + "\"MunicipalityNL\",\"MunicipalityFR\",\"StreetNL\",\"StreetFR\",\"HouseNumber\",\"Box\",\"ExtraAddressInfo\",\"DateStrikingOff\"\n");
        assertThat(full.get("meta.csv")).contains("\"ExtractType\",\"full\"").contains("\"ExtractNumber\",\"100\"");
        List<String> numbers = full.get("enterprise.csv")
                .lines()
                .skip(1)
                .map(l -> l.substring(1, 13))
                .toList();
        assertThat(numbers)
                .isSorted()
                .doesNotHaveDuplicates()
                .hasSizeGreaterThan(250)
                .allSatisfy(n -> {
                    long first8 = Long.parseLong(n.replace(".", "").substring(0, 8));
                    assertThat(Long.parseLong(n.replace(".", "").substring(8))).isEqualTo(97 - first8 % 97);
                });
        Map<String, String> update = unzip(kbo.get(DemoWorld.MONTHS).path());
        assertThat(update.keySet())
                .contains(
                        "enterprise_delete.csv",
                        "enterprise_insert.csv",
                        "establishment_delete.csv",
                        "branch_insert.csv",
                        "code.csv",
                        "meta.csv");
        assertThat(update.get("meta.csv"))
                .contains("\"ExtractType\",\"update\"")
                .contains("\"ExtractNumber\",\"124\"");
        assertThat(update.get("denomination_delete.csv")).startsWith("\"EntityNumber\"\n");
    }

    @Test
    void theSameSeedWritesTheSameFilesAndAnotherSeedAnotherWorld() throws IOException {
        List<DemoWorld.Delivery> first = DemoWorld.generate(7, TODAY).write(folder.resolve("a"));
        List<DemoWorld.Delivery> again = DemoWorld.generate(7, TODAY).write(folder.resolve("b"));
        List<DemoWorld.Delivery> other = DemoWorld.generate(8, TODAY).write(folder.resolve("c"));
        assertThat(first).hasSameSizeAs(again);
        for (int i = 0; i < first.size(); i++) {
            assertThat(content(first.get(i).path()))
                    .as(first.get(i).path().getFileName().toString())
                    .isEqualTo(content(again.get(i).path()));
        }
        assertThat(content(other.getFirst().path()))
                .isNotEqualTo(content(first.getFirst().path()));
    }

    private static List<JsonNode> lines(List<DemoWorld.Delivery> deliveries, String source) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (DemoWorld.Delivery delivery : deliveries) {
            if (delivery.source().equals(source)) {
                try (Stream<String> file = Files.lines(delivery.path())) {
                    file.map(JSON::readTree).forEach(lines::add);
                }
            }
        }
        return lines;
    }

    private static String content(Path file) throws IOException {
        return file.toString().endsWith(".zip") ? unzip(file).toString() : Files.readString(file);
    }

    private static Map<String, String> unzip(Path zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
