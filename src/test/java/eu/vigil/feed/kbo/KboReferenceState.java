package eu.vigil.feed.kbo;

import eu.vigil.feed.kbo.KboExtractGenerator.ActivityRow;
import eu.vigil.feed.kbo.KboExtractGenerator.AddressRow;
import eu.vigil.feed.kbo.KboExtractGenerator.ContactRow;
import eu.vigil.feed.kbo.KboExtractGenerator.DenominationRow;
import eu.vigil.feed.kbo.KboExtractGenerator.ExpectedBranch;
import eu.vigil.feed.kbo.KboExtractGenerator.ExpectedEnterprise;
import eu.vigil.feed.kbo.KboExtractGenerator.ExpectedEstablishment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reference applier for tests: the parsed rows of a Full extract, keyed per file by the first column,
 * with Update extracts applied delete-then-insert per key (src/docs/feeds.md §1).
 */
final class KboReferenceState {

    static final List<String> DATA =
            List.of("enterprise", "establishment", "denomination", "address", "contact", "activity", "branch");

    /** file -> key -> rows (in file order). */
    final Map<String, LinkedHashMap<String, List<List<String>>>> files = new HashMap<>();

    static KboReferenceState ofFull(Map<String, byte[]> extract) {
        KboReferenceState s = new KboReferenceState();
        for (String f : DATA) {
            LinkedHashMap<String, List<List<String>>> byKey = new LinkedHashMap<>();
            for (List<String> r : body(extract.get(f + ".csv")))
                byKey.computeIfAbsent(r.getFirst(), k -> new ArrayList<>()).add(r);
            s.files.put(f, byKey);
        }
        return s;
    }

    static List<List<String>> body(byte[] csv) {
        if (csv == null) throw new AssertionError("file missing");
        List<List<String>> rows = KboTestFiles.values(KboTestFiles.parse(KboTestFiles.utf8(csv)));
        return rows.subList(1, rows.size());
    }

    /** Applies an Update: all deletes of a file, then its inserts. Fails on a key inserted twice. */
    void apply(Map<String, byte[]> update) {
        for (String f : DATA) {
            LinkedHashMap<String, List<List<String>>> byKey = files.get(f);
            Set<String> deleted = new HashSet<>();
            for (List<String> r : body(update.get(f + "_delete.csv"))) {
                if (r.size() != 1) throw new AssertionError(f + "_delete: one column expected, got " + r);
                if (byKey.remove(r.getFirst()) == null)
                    throw new AssertionError(f + "_delete: unknown key " + r.getFirst());
                deleted.add(r.getFirst());
            }
            Set<String> inserted = new HashSet<>();
            for (List<String> r : body(update.get(f + "_insert.csv"))) {
                String key = r.getFirst();
                if (inserted.add(key) && byKey.containsKey(key)) {
                    throw new AssertionError(f + "_insert: key " + key + " present but not deleted first");
                }
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
    }

    /** The same shape as {@link #of(ExpectedEnterprise)}, read from the applied rows. */
    List<Object> view(String enterpriseNumber) {
        List<List<String>> ent = files.get("enterprise").get(enterpriseNumber);
        if (ent == null) return List.of(false);
        if (ent.size() != 1) throw new AssertionError("enterprise twice: " + enterpriseNumber);
        List<Object> out = new ArrayList<>();
        out.add(true);
        out.add(ent.getFirst());
        out.add(entity(enterpriseNumber));
        TreeMap<String, List<String>> ests = new TreeMap<>();
        for (List<List<String>> rows : files.get("establishment").values()) {
            for (List<String> r : rows) if (r.get(2).equals(enterpriseNumber)) ests.put(r.getFirst(), r);
        }
        List<Object> estViews = new ArrayList<>();
        ests.forEach((k, row) -> estViews.add(List.of(row, entity(k))));
        out.add(estViews);
        TreeMap<String, List<String>> brs = new TreeMap<>();
        for (List<List<String>> rows : files.get("branch").values()) {
            for (List<String> r : rows) if (r.get(2).equals(enterpriseNumber)) brs.put(r.getFirst(), r);
        }
        List<Object> brViews = new ArrayList<>();
        brs.forEach((k, row) -> brViews.add(List.of(row, entity(k))));
        out.add(brViews);
        return out;
    }

    private List<Object> entity(String key) {
        List<Object> out = new ArrayList<>();
        for (String f : List.of("denomination", "address", "contact", "activity")) {
            out.add(files.get(f).getOrDefault(key, List.of()));
        }
        return out;
    }

    static List<Object> of(ExpectedEnterprise e) {
        if (!e.active()) return List.of(false);
        List<Object> out = new ArrayList<>();
        out.add(true);
        out.add(List.of(
                e.enterpriseNumber(),
                e.status(),
                e.juridicalSituation(),
                e.typeOfEnterprise(),
                e.juridicalForm(),
                e.juridicalFormCac(),
                e.startDate()));
        out.add(List.of(
                denominationLists(e.denominations()),
                addressLists(e.addresses()),
                contactLists(e.contacts()),
                activityLists(e.activities())));
        List<Object> ests = new ArrayList<>();
        for (ExpectedEstablishment s : e.establishments()) {
            ests.add(List.of(
                    List.of(s.establishmentNumber(), s.startDate(), s.enterpriseNumber()),
                    List.of(
                            denominationLists(s.denominations()),
                            addressLists(s.addresses()),
                            contactLists(s.contacts()),
                            activityLists(s.activities()))));
        }
        out.add(ests);
        List<Object> brs = new ArrayList<>();
        for (ExpectedBranch b : e.branches()) {
            brs.add(List.of(
                    List.of(b.id(), b.startDate(), b.enterpriseNumber()),
                    List.of(
                            denominationLists(b.denominations()),
                            addressLists(b.addresses()),
                            contactLists(b.contacts()),
                            activityLists(b.activities()))));
        }
        out.add(brs);
        return out;
    }

    /** Keys whose owner is not in the state (rows that should have been deleted). */
    List<String> orphans() {
        Set<String> ents = files.get("enterprise").keySet();
        Set<String> entities = new HashSet<>(ents);
        List<String> out = new ArrayList<>();
        for (String f : List.of("establishment", "branch")) {
            for (List<List<String>> rows : files.get(f).values()) {
                for (List<String> r : rows) {
                    if (!ents.contains(r.get(2))) out.add(f + ":" + r.getFirst());
                    entities.add(r.getFirst());
                }
            }
        }
        for (String f : List.of("denomination", "address", "contact", "activity")) {
            for (String k : files.get(f).keySet()) if (!entities.contains(k)) out.add(f + ":" + k);
        }
        return out;
    }

    static List<List<String>> denominationLists(List<DenominationRow> rows) {
        return rows.stream()
                .map(r -> List.of(r.entityNumber(), r.language(), r.typeOfDenomination(), r.denomination()))
                .toList();
    }

    static List<List<String>> addressLists(List<AddressRow> rows) {
        return rows.stream()
                .map(r -> List.of(
                        r.entityNumber(),
                        r.typeOfAddress(),
                        r.countryNl(),
                        r.countryFr(),
                        r.zipcode(),
                        r.municipalityNl(),
                        r.municipalityFr(),
                        r.streetNl(),
                        r.streetFr(),
                        r.houseNumber(),
                        r.box(),
                        r.extraAddressInfo(),
                        r.dateStrikingOff()))
                .toList();
    }

    static List<List<String>> contactLists(List<ContactRow> rows) {
        return rows.stream()
                .map(r -> List.of(r.entityNumber(), r.entityContact(), r.contactType(), r.value()))
                .toList();
    }

    static List<List<String>> activityLists(List<ActivityRow> rows) {
        return rows.stream()
                .map(r ->
                        List.of(r.entityNumber(), r.activityGroup(), r.naceVersion(), r.naceCode(), r.classification()))
                .toList();
    }
}
