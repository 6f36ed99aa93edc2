package eu.vigil.feed.kbo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.feed.kbo.KboExtractGenerator.Change;
import eu.vigil.feed.kbo.KboExtractGenerator.ChangeKind;
import eu.vigil.feed.kbo.KboExtractGenerator.ExpectedEnterprise;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Update extracts: keys listed, delete-then-insert semantics, and the expected state after them (2,000 enterprises). */
class KboExtractUpdateTests {

    static final LocalDate SNAPSHOT = LocalDate.of(2025, 10, 3);
    static final int N = 2_000;
    static final int CHANGES_1 = 400, CHANGES_2 = 250;

    @TempDir
    static Path tmp;

    static KboExtractGenerator gen;
    static Map<String, byte[]> full, upd1, upd2;
    static KboReferenceState before, after1, after2;
    static List<Change> changes1, changes2;
    static Map<String, ExpectedEnterprise> expectedBefore = new java.util.HashMap<>(),
            expected1 = new java.util.HashMap<>();

    @BeforeAll
    static void writeFullAndTwoUpdates() {
        gen = new KboExtractGenerator(2025L, N);
        gen.writeFull(tmp.resolve("KboOpenData_0001_2025_10_04_Full.zip"), 1, SNAPSHOT);
        full = KboTestFiles.load(tmp.resolve("KboOpenData_0001_2025_10_04_Full.zip"));
        for (String n : gen.enterpriseNumbers()) expectedBefore.put(n, gen.expected(n));

        gen.writeUpdate(tmp.resolve("KboOpenData_0002_2025_10_05_Update.zip"), 2, SNAPSHOT.plusDays(1), CHANGES_1);
        changes1 = gen.lastUpdateChanges();
        upd1 = KboTestFiles.load(tmp.resolve("KboOpenData_0002_2025_10_05_Update.zip"));
        for (String n : gen.enterpriseNumbers()) expected1.put(n, gen.expected(n));

        gen.writeUpdate(tmp.resolve("KboOpenData_0003_2025_10_06_Update"), 3, SNAPSHOT.plusDays(2), CHANGES_2);
        changes2 = gen.lastUpdateChanges();
        upd2 = KboTestFiles.load(tmp.resolve("KboOpenData_0003_2025_10_06_Update"));

        before = KboReferenceState.ofFull(full);
        after1 = KboReferenceState.ofFull(full);
        after1.apply(upd1);
        after2 = KboReferenceState.ofFull(full);
        after2.apply(upd1);
        after2.apply(upd2);
    }

    static Set<String> keys(Map<String, byte[]> extract, String file) {
        Set<String> out = new TreeSet<>();
        for (List<String> r : KboReferenceState.body(extract.get(file))) out.add(r.getFirst());
        return out;
    }

    @Test
    void updateZipHasTheRealFileListAndMeta() {
        Path sample = KboTestFiles.realSample();
        List<String> expectedNames = List.of(
                "activity_delete.csv",
                "activity_insert.csv",
                "address_delete.csv",
                "address_insert.csv",
                "branch_delete.csv",
                "branch_insert.csv",
                "code.csv",
                "contact_delete.csv",
                "contact_insert.csv",
                "denomination_delete.csv",
                "denomination_insert.csv",
                "enterprise_delete.csv",
                "enterprise_insert.csv",
                "establishment_delete.csv",
                "establishment_insert.csv",
                "meta.csv");
        assertThat(upd1.keySet()).containsExactlyElementsOf(expectedNames);
        Map<String, byte[]> real = KboTestFiles.load(sample);
        assertThat(upd1.keySet()).containsExactlyElementsOf(real.keySet());
        for (String name : real.keySet()) {
            if (name.equals("code.csv")) continue;
            String realHeader = new String(real.get(name), StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElseThrow();
            String ours = new String(upd1.get(name), StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElseThrow();
            assertThat(ours).as(name).isEqualTo(realHeader);
        }
        String meta = new String(upd1.get("meta.csv"), StandardCharsets.UTF_8);
        assertThat(meta)
                .contains(
                        "\"ExtractType\",\"update\"\n",
                        "\"ExtractNumber\",\"2\"\n",
                        "\"SnapshotDate\",\"04-10-2025\"\n");
        assertThat(upd1.get("code.csv")).isEqualTo(full.get("code.csv"));
        // every file sorted by key
        for (String name : upd1.keySet()) {
            if (name.equals("code.csv") || name.equals("meta.csv")) continue;
            List<String> k = KboReferenceState.body(upd1.get(name)).stream()
                    .map(r -> r.getFirst())
                    .toList();
            for (int i = 1; i < k.size(); i++)
                assertThat(k.get(i).compareTo(k.get(i - 1))).as(name).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void changesAreDistinctEnterprisesInARealisticMix() {
        assertThat(changes1).hasSize(CHANGES_1);
        assertThat(changes1.stream().map(Change::enterpriseNumber).distinct().count())
                .isEqualTo(CHANGES_1);
        assertThat(changes2).hasSize(CHANGES_2);
        Map<ChangeKind, Integer> mix = new EnumMap<>(ChangeKind.class);
        for (Change c : changes1) mix.merge(c.kind(), 1, Integer::sum);
        assertThat(mix.keySet()).containsExactlyInAnyOrder(ChangeKind.values());
        assertThat(mix.get(ChangeKind.LEAVE)).isGreaterThan(mix.get(ChangeKind.CONTACT));
        System.out.println("update mix: " + mix);
    }

    @Test
    void keysListedMatchTheChanges() {
        Set<String> entDel = keys(upd1, "enterprise_delete.csv"), entIns = keys(upd1, "enterprise_insert.csv");
        Set<String> expectedEntDel = new TreeSet<>(), expectedEntIns = new TreeSet<>();
        String maxBefore = new TreeSet<>(before.files.get("enterprise").keySet()).last();
        for (Change c : changes1) {
            String n = c.enterpriseNumber();
            ExpectedEnterprise was = expectedBefore.get(n), now = expected1.get(n);
            switch (c.kind()) {
                case NEW_ENTERPRISE -> {
                    assertThat(n).isGreaterThan(maxBefore);
                    assertThat(KboExtractGenerator.isValidEnterpriseNumber(n)).isTrue();
                    assertThat(now.active()).isTrue();
                    expectedEntIns.add(n);
                    assertThat(keys(upd1, "denomination_insert.csv")).contains(n);
                    for (var e : now.establishments())
                        assertThat(keys(upd1, "establishment_insert.csv")).contains(e.establishmentNumber());
                }
                case LEAVE -> {
                    expectedEntDel.add(n);
                    assertThat(now.active()).isFalse();
                    assertThat(gen.activeEnterpriseNumbers()).doesNotContain(n);
                    if (!was.denominations().isEmpty())
                        assertThat(keys(upd1, "denomination_delete.csv")).contains(n);
                    if (!was.addresses().isEmpty())
                        assertThat(keys(upd1, "address_delete.csv")).contains(n);
                    if (!was.activities().isEmpty())
                        assertThat(keys(upd1, "activity_delete.csv")).contains(n);
                    for (var e : was.establishments()) {
                        assertThat(keys(upd1, "establishment_delete.csv")).contains(e.establishmentNumber());
                        if (!e.activities().isEmpty())
                            assertThat(keys(upd1, "activity_delete.csv")).contains(e.establishmentNumber());
                    }
                }
                case JURIDICAL_SITUATION -> {
                    expectedEntDel.add(n);
                    expectedEntIns.add(n);
                    assertThat(c.detail()).isEqualTo(was.juridicalSituation() + "->" + now.juridicalSituation());
                    assertThat(now.juridicalSituation()).isNotEqualTo(was.juridicalSituation());
                }
                case NAME -> {
                    assertThat(now.denominations()).isNotEqualTo(was.denominations());
                    assertThat(keys(upd1, "denomination_delete.csv")).contains(n);
                    assertThat(keys(upd1, "denomination_insert.csv")).contains(n);
                }
                case SEAT_ADDRESS -> {
                    assertThat(now.addresses()).isNotEqualTo(was.addresses()).isNotEmpty();
                    assertThat(keys(upd1, "address_insert.csv")).contains(n);
                    assertThat(keys(upd1, "address_delete.csv").contains(n))
                            .isEqualTo(!was.addresses().isEmpty());
                }
                case ACTIVITY -> {
                    assertThat(keys(upd1, "activity_insert.csv")).contains(n);
                    assertThat(keys(upd1, "activity_delete.csv").contains(n))
                            .isEqualTo(!was.activities().isEmpty());
                }
                case CONTACT -> {
                    assertThat(keys(upd1, "contact_insert.csv").contains(n))
                            .isEqualTo(!now.contacts().isEmpty());
                    assertThat(keys(upd1, "contact_delete.csv").contains(n))
                            .isEqualTo(!was.contacts().isEmpty());
                }
                case NEW_ESTABLISHMENT -> {
                    assertThat(keys(upd1, "establishment_insert.csv")).contains(c.detail());
                    assertThat(keys(upd1, "establishment_delete.csv")).doesNotContain(c.detail());
                    assertThat(now.establishments())
                            .hasSize(was.establishments().size() + 1);
                    assertThat(c.detail())
                            .isGreaterThan(new TreeSet<>(
                                            before.files.get("establishment").keySet())
                                    .last());
                }
                case CLOSE_ESTABLISHMENT -> {
                    assertThat(keys(upd1, "establishment_delete.csv")).contains(c.detail());
                    assertThat(keys(upd1, "establishment_insert.csv")).doesNotContain(c.detail());
                    assertThat(now.establishments())
                            .hasSize(was.establishments().size() - 1);
                }
            }
        }
        assertThat(entDel).isEqualTo(expectedEntDel);
        assertThat(entIns).isEqualTo(expectedEntIns);
        // a key is only listed when something about it changed
        Set<String> touched = new HashSet<>();
        for (Change c : changes1) {
            touched.add(c.enterpriseNumber());
            if (!c.detail().isEmpty() && !c.detail().contains("->")) touched.add(c.detail());
        }
        for (ExpectedEnterprise e : expectedBefore.values()) {
            if (touched.contains(e.enterpriseNumber()))
                e.establishments().forEach(s -> touched.add(s.establishmentNumber()));
            if (touched.contains(e.enterpriseNumber())) e.branches().forEach(b -> touched.add(b.id()));
        }
        for (ExpectedEnterprise e : expected1.values()) {
            if (touched.contains(e.enterpriseNumber()))
                e.establishments().forEach(s -> touched.add(s.establishmentNumber()));
            if (touched.contains(e.enterpriseNumber())) e.branches().forEach(b -> touched.add(b.id()));
        }
        for (String name : upd1.keySet()) {
            if (name.equals("code.csv") || name.equals("meta.csv")) continue;
            assertThat(touched).as(name).containsAll(keys(upd1, name));
        }
    }

    @Test
    void applyingTheUpdateToTheFullGivesTheExpectedState() {
        assertThat(after1.orphans()).isEmpty();
        List<String> mismatches = new ArrayList<>();
        for (String n : gen.enterpriseNumbers()) {
            ExpectedEnterprise e = expected1.get(n);
            if (e == null) continue; // created by the second update
            if (!KboReferenceState.of(e).equals(after1.view(n))) mismatches.add(n);
        }
        assertThat(mismatches).isEmpty();
        assertThat(expected1)
                .hasSize(N
                        + (int) changes1.stream()
                                .filter(c -> c.kind() == ChangeKind.NEW_ENTERPRISE)
                                .count());
        // untouched enterprises are unchanged
        Set<String> touched = new HashSet<>();
        changes1.forEach(c -> touched.add(c.enterpriseNumber()));
        for (String n : expectedBefore.keySet()) {
            if (!touched.contains(n)) assertThat(expected1.get(n)).isEqualTo(expectedBefore.get(n));
        }
    }

    @Test
    void aSecondUpdateBuildsOnTheFirst() {
        assertThat(after2.orphans()).isEmpty();
        List<String> mismatches = new ArrayList<>();
        for (String n : gen.enterpriseNumbers()) {
            if (!KboReferenceState.of(gen.expected(n)).equals(after2.view(n))) mismatches.add(n);
        }
        assertThat(mismatches).isEmpty();
        assertThat(gen.enterpriseNumbers())
                .hasSize(N
                        + (int) java.util.stream.Stream.concat(changes1.stream(), changes2.stream())
                                .filter(c -> c.kind() == ChangeKind.NEW_ENTERPRISE)
                                .count());
        assertThat(new TreeSet<>(after2.files.get("enterprise").keySet()))
                .isEqualTo(new TreeSet<>(gen.activeEnterpriseNumbers()));
        // nothing that left in the first update comes back
        for (Change c : changes1) {
            if (c.kind() == ChangeKind.LEAVE)
                assertThat(gen.expected(c.enterpriseNumber()).active()).isFalse();
        }
    }

    @Test
    void aFullWrittenAfterTheUpdatesEqualsTheAppliedState() {
        Path fullAfter = tmp.resolve("KboOpenData_0004_2025_10_07_Full");
        gen.writeFull(fullAfter, 4, SNAPSHOT.plusDays(3));
        KboReferenceState written = KboReferenceState.ofFull(KboTestFiles.load(fullAfter));
        for (String f : KboReferenceState.DATA) {
            assertThat(new TreeSet<>(written.files.get(f).keySet()))
                    .as(f)
                    .isEqualTo(new TreeSet<>(after2.files.get(f).keySet()));
            for (String k : written.files.get(f).keySet()) {
                if (!written.files.get(f).get(k).equals(after2.files.get(f).get(k)))
                    throw new AssertionError(f + " rows differ for " + k);
            }
        }
    }
}
