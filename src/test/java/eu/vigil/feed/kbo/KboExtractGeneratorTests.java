package eu.vigil.feed.kbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.vigil.feed.kbo.KboTestFiles.Field;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format, shape and determinism of the generated Full extract (one 20,000-enterprise Full shared by the tests). */
class KboExtractGeneratorTests {

    static final LocalDate SNAPSHOT = LocalDate.of(2025, 10, 3);
    static final int N = 20_000;
    static final String[] DATA = {
        "enterprise", "establishment", "denomination", "address", "contact", "activity", "branch"
    };
    /** Headers exactly as in src/docs/feeds.md §1. */
    static final Map<String, String> SPEC_HEADERS = Map.of(
            "meta", "\"Variable\",\"Value\"",
            "code", "\"Category\",\"Code\",\"Language\",\"Description\"",
            "enterprise",
                    "\"EnterpriseNumber\",\"Status\",\"JuridicalSituation\",\"TypeOfEnterprise\",\"JuridicalForm\",\"JuridicalFormCAC\",\"StartDate\"",
            "establishment", "\"EstablishmentNumber\",\"StartDate\",\"EnterpriseNumber\"",
            "denomination", "\"EntityNumber\",\"Language\",\"TypeOfDenomination\",\"Denomination\"",
            "address",
                    "\"EntityNumber\",\"TypeOfAddress\",\"CountryNL\",\"CountryFR\",\"Zipcode\",\"MunicipalityNL\",\"MunicipalityFR\",\"StreetNL\",\"StreetFR\",\"HouseNumber\",\"Box\",\"ExtraAddressInfo\",\"DateStrikingOff\"",
            "contact", "\"EntityNumber\",\"EntityContact\",\"ContactType\",\"Value\"",
            "activity", "\"EntityNumber\",\"ActivityGroup\",\"NaceVersion\",\"NaceCode\",\"Classification\"",
            "branch", "\"Id\",\"StartDate\",\"EnterpriseNumber\"");

    @TempDir
    static Path tmp;

    static KboExtractGenerator gen;
    static Path fullZip;
    static Map<String, byte[]> files;
    static Map<String, List<List<Field>>> parsed = new HashMap<>();

    @BeforeAll
    static void writeFull() {
        gen = new KboExtractGenerator(42L, N);
        fullZip = tmp.resolve("KboOpenData_0001_2025_10_04_Full.zip");
        gen.writeFull(fullZip, 1, SNAPSHOT);
        files = KboTestFiles.load(fullZip);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            parsed.put(e.getKey().replace(".csv", ""), KboTestFiles.parse(KboTestFiles.utf8(e.getValue())));
        }
    }

    static List<List<String>> rows(String file) {
        List<List<Field>> all = parsed.get(file);
        return KboTestFiles.values(all.subList(1, all.size()));
    }

    @Test
    void zipHoldsTheNineFilesInTheRealOrder() {
        assertThat(files.keySet())
                .containsExactly(
                        "activity.csv",
                        "address.csv",
                        "branch.csv",
                        "code.csv",
                        "contact.csv",
                        "denomination.csv",
                        "enterprise.csv",
                        "establishment.csv",
                        "meta.csv");
    }

    @Test
    void headersAreExactlyTheSpecsAndTheRealSamples() throws IOException {
        for (Map.Entry<String, String> h : SPEC_HEADERS.entrySet()) {
            String text = new String(files.get(h.getKey() + ".csv"), StandardCharsets.UTF_8);
            assertThat(text.substring(0, text.indexOf('\n'))).as(h.getKey()).isEqualTo(h.getValue());
        }
        Path sample = KboTestFiles.realSample();
        Map<String, byte[]> real = KboTestFiles.load(sample);
        for (String d : DATA) {
            String realHeader = new String(real.get(d + "_insert.csv"), StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElseThrow();
            assertThat(SPEC_HEADERS.get(d)).as(d).isEqualTo(realHeader);
        }
        assertThat(new String(real.get("meta.csv"), StandardCharsets.UTF_8)
                        .lines()
                        .findFirst())
                .contains(SPEC_HEADERS.get("meta"));
    }

    @Test
    void bytesAreUtf8WithoutBomWithLfLineEndings() {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            byte[] b = e.getValue();
            assertThat(b[0]).as(e.getKey()).isEqualTo((byte) '"');
            assertThat(b[b.length - 1]).as(e.getKey()).isEqualTo((byte) '\n');
            for (byte x : b) {
                if (x == '\r') throw new AssertionError("CR in " + e.getKey());
            }
            KboTestFiles.utf8(b); // strict
        }
    }

    @Test
    void metaIsKeyValueRows() {
        assertThat(rows("meta"))
                .containsExactly(
                        List.of("SnapshotDate", "03-10-2025"),
                        List.of("ExtractTimestamp", rows("meta").get(1).get(1)),
                        List.of("ExtractType", "full"),
                        List.of("ExtractNumber", "1"),
                        List.of("Version", "1.0.0"));
        assertThat(rows("meta").get(1).get(1)).matches("04-10-2025 07:\\d\\d:\\d\\d");
        assertThat(parsed.get("meta")).allSatisfy(r -> assertThat(r).allMatch(Field::quoted));
    }

    @Test
    void enterpriseNumbersPassMod97AndIncreaseWithTheIndex() {
        List<String> numbers = gen.enterpriseNumbers();
        assertThat(numbers).hasSize(N).allMatch(KboExtractGenerator::isValidEnterpriseNumber);
        for (int i = 1; i < numbers.size(); i++) assertThat(numbers.get(i)).isGreaterThan(numbers.get(i - 1));
        assertThat(KboExtractGenerator.isValidEnterpriseNumber("0200.065.765")).isTrue();
        assertThat(KboExtractGenerator.isValidEnterpriseNumber("0403.170.701")).isTrue();
        assertThat(KboExtractGenerator.isValidEnterpriseNumber("0403.170.702")).isFalse();
        List<String> inFile = rows("enterprise").stream().map(r -> r.getFirst()).toList();
        assertThat(inFile).isEqualTo(numbers);
    }

    @Test
    void establishmentAndBranchNumbersLookReal() {
        Set<String> enterprises = new HashSet<>(gen.enterpriseNumbers());
        List<List<String>> est = rows("establishment");
        for (List<String> r : est) {
            if (!r.get(0).matches("2\\.\\d{3}\\.\\d{3}\\.\\d{3}")
                    || !r.get(1).matches("\\d{2}-\\d{2}-\\d{4}")
                    || !enterprises.contains(r.get(2))) {
                throw new AssertionError("establishment row " + r);
            }
        }
        assertThat(est.stream().map(r -> r.get(0)).distinct().count()).isEqualTo(est.size());
        assertThat(rows("branch")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get(0)).matches("9\\.\\d{3}\\.\\d{3}\\.\\d{3}");
            assertThat(enterprises).contains(r.get(2));
        });
    }

    @Test
    void everyFileIsSortedByItsKeyAndEveryKeyExists() {
        Set<String> entities = new HashSet<>();
        for (String f : List.of("enterprise", "establishment", "branch")) {
            List<String> keys = rows(f).stream().map(r -> r.getFirst()).toList();
            for (int i = 1; i < keys.size(); i++) {
                if (keys.get(i).compareTo(keys.get(i - 1)) <= 0)
                    throw new AssertionError(f + " not strictly sorted at row " + i);
            }
            entities.addAll(keys);
        }
        for (String f : List.of("denomination", "address", "contact", "activity")) {
            List<String> keys = rows(f).stream().map(r -> r.getFirst()).toList();
            for (int i = 1; i < keys.size(); i++) {
                if (keys.get(i).compareTo(keys.get(i - 1)) < 0) throw new AssertionError(f + " not sorted at row " + i);
            }
            Set<String> unknown = new HashSet<>(keys);
            unknown.removeAll(entities);
            assertThat(unknown).as(f + " keys without entity").isEmpty();
        }
        // establishment rows come after all enterprise rows, like the real full extract
        List<String> den = rows("denomination").stream().map(r -> r.getFirst()).toList();
        assertThat(den.getFirst()).startsWith("0");
        assertThat(den.getLast()).startsWith("9");
    }

    @Test
    void quotingFollowsTheRealFiles() {
        Map<String, String> kinds = Map.of(
                "enterprise",
                "QQQQNND",
                "establishment",
                "QDQ",
                "denomination",
                "QQQQ",
                "address",
                "QQNNQQQQQQQQD",
                "contact",
                "QQQQ",
                "activity",
                "QQQQQ",
                "branch",
                "QDQ");
        for (Map.Entry<String, String> k : kinds.entrySet()) {
            List<List<Field>> all = parsed.get(k.getKey());
            assertThat(all.getFirst()).allMatch(Field::quoted);
            java.util.regex.Pattern date = java.util.regex.Pattern.compile("(\\d{2}-\\d{2}-\\d{4})?");
            for (List<Field> row : all.subList(1, all.size())) {
                if (row.size() != k.getValue().length()) throw new AssertionError(k.getKey() + ": " + row);
                for (int c = 0; c < row.size(); c++) {
                    Field f = row.get(c);
                    boolean ok = switch (k.getValue().charAt(c)) {
                        case 'Q' -> f.quoted();
                        case 'N' -> f.quoted() == !f.value().isEmpty();
                        default -> !f.quoted() && date.matcher(f.value()).matches();
                    };
                    if (!ok) throw new AssertionError(k.getKey() + " column " + c + ": " + row);
                }
            }
        }
        // the awkward names are there, and survive the round trip
        List<String> names = rows("denomination").stream().map(r -> r.get(3)).toList();
        assertThat(names)
                .anyMatch(s -> s.contains("\""))
                .anyMatch(s -> s.contains(","))
                .anyMatch(s -> s.matches(".*[éèëçüöïà].*"));
        String raw = new String(files.get("denomination.csv"), StandardCharsets.UTF_8);
        assertThat(raw).contains("\"\"");
    }

    @Test
    void parsedRowsEqualTheExpectedState() {
        Map<String, List<List<String>>> byKey = new HashMap<>();
        for (String f : List.of("denomination", "address", "contact", "activity")) {
            for (List<String> r : rows(f))
                byKey.computeIfAbsent(f + "|" + r.getFirst(), k -> new ArrayList<>())
                        .add(r);
        }
        Map<String, List<String>> ent = new HashMap<>();
        for (List<String> r : rows("enterprise")) ent.put(r.getFirst(), r);
        List<String> numbers = gen.enterpriseNumbers();
        for (int i = 0; i < numbers.size(); i += 97) {
            String n = numbers.get(i);
            KboExtractGenerator.ExpectedEnterprise e = gen.expected(n);
            assertThat(List.of(
                            n,
                            e.status(),
                            e.juridicalSituation(),
                            e.typeOfEnterprise(),
                            e.juridicalForm(),
                            e.juridicalFormCac(),
                            e.startDate()))
                    .isEqualTo(ent.get(n));
            assertThat(KboReferenceState.denominationLists(e.denominations()))
                    .isEqualTo(byKey.getOrDefault("denomination|" + n, List.of()));
            assertThat(KboReferenceState.addressLists(e.addresses()))
                    .isEqualTo(byKey.getOrDefault("address|" + n, List.of()));
            assertThat(KboReferenceState.contactLists(e.contacts()))
                    .isEqualTo(byKey.getOrDefault("contact|" + n, List.of()));
            assertThat(KboReferenceState.activityLists(e.activities()))
                    .isEqualTo(byKey.getOrDefault("activity|" + n, List.of()));
        }
    }

    @Test
    void mixLooksLikeTheRealPopulation() {
        List<List<String>> ent = rows("enterprise");
        double natural = ent.stream().filter(r -> r.get(3).equals("1")).count() / (double) ent.size();
        assertThat(natural).isCloseTo(0.60, within(0.02));
        assertThat(ent)
                .allMatch(r ->
                        r.get(1).equals("AC") && r.get(4).isEmpty() == r.get(3).equals("1"));
        double normal = ent.stream().filter(r -> r.get(2).equals("000")).count() / (double) ent.size();
        assertThat(normal).isBetween(0.93, 0.99);
        assertThat(ent.stream().map(r -> r.get(2)).distinct()).contains("012", "048", "050", "091", "010", "014");
        assertThat(ent.stream().map(r -> r.get(4)).distinct()).contains("014", "015", "610", "612", "017", "030");
        assertThat(ent.stream().map(r -> r.get(5)).distinct()).contains("", "610", "706");
        assertThat(ent.stream()
                        .map(r ->
                                LocalDate.parse(r.get(6), java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"))))
                .allMatch(d -> !d.isBefore(LocalDate.of(1950, 1, 1)) && d.isBefore(SNAPSHOT));
        List<List<String>> den = rows("denomination");
        assertThat(den.stream().map(r -> r.get(1)).distinct()).contains("0", "1", "2", "3", "4");
        assertThat(den.stream().map(r -> r.get(2)).distinct()).containsExactlyInAnyOrder("001", "002", "003", "004");
        Set<String> legal = new HashSet<>(), withName = new HashSet<>();
        ent.stream().filter(r -> r.get(3).equals("2")).forEach(r -> legal.add(r.getFirst()));
        den.stream().filter(r -> r.get(2).equals("001")).forEach(r -> withName.add(r.getFirst()));
        assertThat(withName).containsAll(legal);
        assertThat(den)
                .filteredOn(r -> r.get(1).equals("0")
                        && r.get(2).equals("001")
                        && r.get(3).contains(", "))
                .isNotEmpty();
        List<List<String>> adr = rows("address");
        assertThat(adr.stream().map(r -> r.get(1)).distinct()).containsExactlyInAnyOrder("REGO", "BAET", "ABBR");
        assertThat(adr)
                .filteredOn(r -> !r.get(2).isEmpty())
                .isNotEmpty()
                .allMatch(r -> !r.get(3).isEmpty());
        assertThat(adr).filteredOn(r -> !r.get(12).isEmpty()).isNotEmpty();
        assertThat(adr)
                .filteredOn(r -> r.get(1).equals("BAET"))
                .allMatch(r -> r.getFirst().startsWith("2."));
        long rego = adr.stream().filter(r -> r.get(1).equals("REGO")).count();
        assertThat(rego / (double) N).isGreaterThan(0.5);
        assertThat(rows("contact").stream().map(r -> r.get(2)).distinct())
                .containsExactlyInAnyOrder("TEL", "EMAIL", "WEB");
        assertThat(rows("contact").stream().map(r -> r.get(1)).distinct()).contains("ENT", "EST");
        List<List<String>> act = rows("activity");
        assertThat(act.stream().map(r -> r.get(1)).distinct()).contains("001", "003", "005", "006", "007");
        assertThat(act.stream().map(r -> r.get(2)).distinct()).containsExactlyInAnyOrder("2003", "2008", "2025");
        assertThat(act.stream().map(r -> r.get(4)).distinct()).containsExactlyInAnyOrder("MAIN", "SECO", "ANCI");
        assertThat(act).anyMatch(r -> r.get(3).length() == 7);
    }

    @Test
    void rowRatiosAreWithinTenPercentOfTheNationalOnes() {
        // Oct 2025 full extract: 1,938,239 enterprises (src/docs/feeds.md §1)
        double n = 1_938_239;
        Map<String, Double> national = new LinkedHashMap<>();
        national.put("establishment", 1_672_491 / n);
        national.put("denomination", 3_309_908 / n);
        national.put("address", 2_841_756 / n);
        national.put("contact", 691_158 / n);
        national.put("activity", 36_306_369 / n);
        Map<String, Double> actual = new TreeMap<>();
        for (String f : national.keySet()) {
            double ratio = rows(f).size() / (double) rows("enterprise").size();
            actual.put(f, ratio);
            assertThat(ratio).as(f).isCloseTo(national.get(f), within(national.get(f) * 0.10));
        }
        // 7,326 branches nationally: ~76 expected here, so Poisson noise alone is ~±12%
        double branches = rows("branch").size() / (double) N;
        assertThat(branches).isCloseTo(7_326 / n, within(7_326 / n * 0.35));
        // size: 2.1 GB of CSV for 1.94 M enterprises, activity.csv about 1.5 GB of it
        long bytes = 0;
        for (String f : DATA) bytes += files.get(f + ".csv").length;
        double nationalBytes = bytes / (double) N * n;
        double activityBytes = files.get("activity.csv").length / (double) N * n;
        System.out.printf(
                "ratios %s, branches %.4f; extrapolated %.2f GB of data CSV (activity %.2f GB)%n",
                actual, branches, nationalBytes / 1e9, activityBytes / 1e9);
        assertThat(nationalBytes).isCloseTo(2.1e9, within(0.15 * 2.1e9));
        assertThat(activityBytes).isCloseTo(1.5e9, within(0.15 * 1.5e9));
    }

    @Test
    void everyCodeUsedIsInTheBuiltInAndInTheRealCodeList() throws IOException {
        Set<String> used = usedCodes();
        assertThat(codeKeys(files.get("code.csv"))).containsAll(used);
        Path sample = KboTestFiles.realSample();
        Set<String> real = codeKeys(KboTestFiles.load(sample).get("code.csv"));
        assertThat(real).containsAll(used);
        // and the built-in rows are verbatim rows of the real list
        Set<String> realLines =
                new HashSet<>(new String(KboTestFiles.load(sample).get("code.csv"), StandardCharsets.UTF_8)
                        .lines()
                        .toList());
        assertThat(realLines)
                .containsAll(new String(files.get("code.csv"), StandardCharsets.UTF_8)
                        .lines()
                        .toList());
    }

    static Set<String> usedCodes() {
        Set<String> used = new HashSet<>();
        for (List<String> r : rows("enterprise")) {
            used.add("Status|" + r.get(1));
            used.add("JuridicalSituation|" + r.get(2));
            used.add("TypeOfEnterprise|" + r.get(3));
            if (!r.get(4).isEmpty()) used.add("JuridicalForm|" + r.get(4));
            if (!r.get(5).isEmpty()) used.add("JuridicalForm|" + r.get(5));
        }
        for (List<String> r : rows("denomination")) {
            used.add("Language|" + r.get(1));
            used.add("TypeOfDenomination|" + r.get(2));
        }
        for (List<String> r : rows("address")) used.add("TypeOfAddress|" + r.get(1));
        for (List<String> r : rows("contact")) {
            used.add("EntityContact|" + r.get(1));
            used.add("ContactType|" + r.get(2));
        }
        for (List<String> r : rows("activity")) {
            used.add("ActivityGroup|" + r.get(1));
            used.add("Nace" + r.get(2) + "|" + r.get(3));
            used.add("Classification|" + r.get(4));
        }
        return used;
    }

    static Set<String> codeKeys(byte[] codeCsv) {
        List<List<String>> rows = KboTestFiles.values(KboTestFiles.parse(KboTestFiles.utf8(codeCsv)));
        Set<String> keys = new HashSet<>();
        Map<String, Set<String>> langs = new HashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            keys.add(r.get(0) + "|" + r.get(1));
            langs.computeIfAbsent(r.get(0) + "|" + r.get(1), k -> new HashSet<>())
                    .add(r.get(2));
        }
        assertThat(langs.values()).allSatisfy(l -> assertThat(l).contains("NL", "FR"));
        return keys;
    }

    @Test
    void sameSeedAndSizeGiveIdenticalBytes() throws IOException {
        Path a = tmp.resolve("a.zip"), b = tmp.resolve("b.zip"), c = tmp.resolve("c.zip");
        new KboExtractGenerator(7L, 2_000).writeFull(a, 1, SNAPSHOT);
        new KboExtractGenerator(7L, 2_000).writeFull(b, 1, SNAPSHOT);
        new KboExtractGenerator(8L, 2_000).writeFull(c, 1, SNAPSHOT);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
        // updates too, and a directory holds the same bytes as the zip
        KboExtractGenerator g1 = new KboExtractGenerator(7L, 2_000), g2 = new KboExtractGenerator(7L, 2_000);
        g1.writeFull(tmp.resolve("d1"), 1, SNAPSHOT);
        g2.writeFull(tmp.resolve("d2.zip"), 1, SNAPSHOT);
        g1.writeUpdate(tmp.resolve("u1.zip"), 2, SNAPSHOT.plusDays(1), 100);
        g2.writeUpdate(tmp.resolve("u2.zip"), 2, SNAPSHOT.plusDays(1), 100);
        assertThat(Files.readAllBytes(tmp.resolve("u1.zip"))).isEqualTo(Files.readAllBytes(tmp.resolve("u2.zip")));
        Map<String, byte[]> dir = KboTestFiles.load(tmp.resolve("d1")), zip = KboTestFiles.load(a);
        assertThat(dir.keySet()).containsExactlyInAnyOrderElementsOf(zip.keySet());
        for (String k : zip.keySet()) assertThat(dir.get(k)).as(k).isEqualTo(zip.get(k));
    }

    @Test
    void aGivenCodeListIsCopiedVerbatim() throws IOException {
        Path code = tmp.resolve("code.csv");
        String text =
                "\"Category\",\"Code\",\"Language\",\"Description\"\n\"Status\",\"AC\",\"FR\",\"Actif\"\n\"Status\",\"AC\",\"NL\",\"Actief\"\n";
        Files.writeString(code, text);
        Path out = tmp.resolve("withcodes");
        new KboExtractGenerator(1L, 10).codeList(code).writeFull(out, 5, SNAPSHOT);
        assertThat(Files.readString(out.resolve("code.csv"))).isEqualTo(text);
        assertThat(Files.readString(out.resolve("meta.csv"))).contains("\"ExtractNumber\",\"5\"");
    }

    @Test
    void mainWritesAFullAndAnUpdate() throws IOException {
        Path dir = tmp.resolve("main");
        KboExtractGenerator.main(new String[] {dir.toString(), "300", "3"});
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("KboOpenData_0001_2025_10_04_Full.zip", "KboOpenData_0002_2025_10_05_Update.zip");
        }
        KboExtractGenerator.main(new String[] {dir.resolve("asdir").toString(), "300", "3", "--dir"});
        assertThat(dir.resolve("asdir/KboOpenData_0001_2025_10_04_Full/enterprise.csv"))
                .isRegularFile();
        assertThat(dir.resolve("asdir/KboOpenData_0002_2025_10_05_Update/enterprise_delete.csv"))
                .isRegularFile();
    }
}
