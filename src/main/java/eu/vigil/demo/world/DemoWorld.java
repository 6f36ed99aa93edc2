package eu.vigil.demo.world;

import eu.vigil.demo.world.AccountsFileWriter.Filing;
import eu.vigil.demo.world.BureauFileWriter.CompanyRef;
import eu.vigil.demo.world.BureauFileWriter.Incident;
import eu.vigil.demo.world.BureauFileWriter.Officer;
import eu.vigil.demo.world.BureauFileWriter.Party;
import eu.vigil.demo.world.BureauFileWriter.Snapshot;
import eu.vigil.demo.world.KboExtractWriter.Activity;
import eu.vigil.demo.world.KboExtractWriter.Address;
import eu.vigil.demo.world.KboExtractWriter.Contact;
import eu.vigil.demo.world.KboExtractWriter.Denomination;
import eu.vigil.demo.world.KboExtractWriter.Enterprise;
import eu.vigil.demo.world.KboExtractWriter.Establishment;
import eu.vigil.demo.world.Places.Municipality;
import eu.vigil.demo.world.Places.Trade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A small, realistic Belgian world for the demo: a few hundred companies over the last two years, as the KBO
 * registry, an annual-accounts feed and a credit bureau would have delivered them (and a few British and French
 * companies, as the Companies House streams and BODACC would have). Most companies are healthy
 * and quiet; some decline into bankruptcy, reorganise, liquidate, recover, merge or are newly registered. The
 * content depends only on the seed; the dates are relative to {@code today}, so the demo always looks current.
 */
public final class DemoWorld {

    public static final int MONTHS = 24;
    /** The Full's ExtractNumber; the monthly Updates follow it consecutively. */
    public static final int FIRST_EXTRACT = 100;

    public static final String BUREAU = "demo-bureau";

    /** Story companies the user guide (src/docs/user-guide.md) and the tests name. */
    public static final String BANKRUPT = "Bouwbedrijf Verhaegen NV";

    public static final String REORGANISED = "Brasserie Le Vieux Moulin SRL";
    public static final String GROWING = "Nova Software BV";
    public static final String PARENT = "Maes Bouwgroep NV";

    private final LocalDate today;
    private final LocalDate start;
    private final int lastFiscalYear;
    private final List<Co> companies = new ArrayList<>();
    private final SplittableRandom random;
    private int nextPerson = 10_001;
    private int nextUnit = 0;

    private DemoWorld(long seed, LocalDate today) {
        this.today = today;
        this.start = today.minusMonths(MONTHS);
        this.random = new SplittableRandom(seed);
        int year = today.getYear() - 1;
        while (!LocalDate.of(year, 12, 31).plusMonths(7).plusDays(75).isBefore(today)) {
            year--;
        }
        this.lastFiscalYear = year;
    }

    public static DemoWorld generate(long seed, LocalDate today) {
        DemoWorld world = new DemoWorld(seed, today);
        world.build();
        return world;
    }

    /** The date of month {@code m}: month 0 is two years ago (the Full), month {@link #MONTHS} is today. */
    public LocalDate month(int m) {
        return start.plusMonths(m);
    }

    public int companyCount() {
        return companies.size();
    }

    /** A story company: its name as first registered, its number ({@code 0310.000.123}) and its story. */
    public record Story(String name, String number, String story) {}

    public List<Story> stories() {
        return companies.stream()
                .map(c -> new Story(c.name, KboExtractWriter.display(c.number), c.story))
                .toList();
    }

    /**
     * One extract to apply, in this order: KBO first in a month, then the filings, then the bureau snapshot, and in
     * two of the months a Companies House capture and a BODACC file about a few British and French companies.
     */
    public record Delivery(String source, Path path, LocalDate date) {}

    /** Writes every extract of the two years under {@code folder} and answers them in the order to apply them. */
    public List<Delivery> write(Path folder) {
        List<Delivery> deliveries = new ArrayList<>();
        Map<Integer, List<Filing>> filings = new TreeMap<>();
        for (Co c : companies) {
            for (int k = 0; k < 3; k++) {
                Filing filing = filing(c, k);
                if (filing != null) {
                    filings.computeIfAbsent(monthOf(filing.filedOn()), m -> new ArrayList<>())
                            .add(filing);
                }
            }
        }
        ForeignCompanies foreign = new ForeignCompanies(this::month);
        Map<Long, Enterprise> previous = null;
        for (int m = 0; m <= MONTHS; m++) {
            LocalDate date = month(m);
            Map<Long, Enterprise> registry = new TreeMap<>();
            for (Co c : companies) {
                if (c.activeAt(m)) {
                    registry.put(c.number, c.registryAt(m).enterprise(c.number));
                }
            }
            String stamp = date.toString().replace("-", "_");
            if (previous == null) {
                deliveries.add(new Delivery(
                        "kbo",
                        KboExtractWriter.zip(KboExtractWriter.writeFull(
                                folder.resolve("KboOpenData_%04d_%s_Full".formatted(FIRST_EXTRACT, stamp)),
                                FIRST_EXTRACT,
                                date,
                                registry.values())),
                        date));
            } else {
                int number = FIRST_EXTRACT + m;
                deliveries.add(new Delivery(
                        "kbo",
                        KboExtractWriter.zip(KboExtractWriter.writeUpdate(
                                folder.resolve("KboOpenData_%04d_%s_Update".formatted(number, stamp)),
                                number,
                                date,
                                previous,
                                registry)),
                        date));
            }
            previous = registry;
            List<Filing> filed = filings.get(m);
            if (filed != null) {
                filed.sort(java.util.Comparator.comparing(Filing::filedOn).thenComparing(Filing::number));
                deliveries.add(new Delivery(
                        "accounts",
                        AccountsFileWriter.write(folder.resolve("accounts-" + date + ".jsonl"), filed),
                        date));
            }
            List<Snapshot> snapshots = new ArrayList<>();
            for (Co c : companies) {
                if (m >= c.bureauFrom && m <= c.bureauUntil) {
                    snapshots.add(snapshot(c, m));
                }
            }
            deliveries.add(new Delivery(
                    "bureau", BureauFileWriter.write(folder.resolve("bureau-" + date + ".jsonl"), snapshots), date));
            if (!foreign.stream(m).isEmpty()) {
                deliveries.add(new Delivery(
                        "companies-house",
                        CompaniesHouseStreamWriter.write(
                                folder.resolve("companies-house-" + date + ".jsonl"), foreign.stream(m), 25),
                        date));
            }
            if (!foreign.notices(m).isEmpty()) {
                deliveries.add(new Delivery(
                        "bodacc",
                        BodaccFileWriter.writeLines(folder.resolve("bodacc-" + date + ".jsonl"), foreign.notices(m)),
                        date));
            }
        }
        return deliveries;
    }

    private int monthOf(LocalDate day) {
        for (int m = 0; m <= MONTHS; m++) {
            if (!day.isAfter(month(m))) {
                return m;
            }
        }
        return MONTHS;
    }

    // ---- the companies ------------------------------------------------------------------------------------

    /** One company's plan: its registry state and the changes to it, its bureau levels, its filings. */
    private final class Co {
        final long number;
        final Trade trade;
        boolean french;
        String name;
        String story = "healthy";
        final Reg base = new Reg();
        final List<Map.Entry<Integer, Consumer<Reg>>> changes = new ArrayList<>();
        int firstMonth;
        int ceasedFrom = Integer.MAX_VALUE;
        int ceasedUntil = Integer.MAX_VALUE;
        int bureauFrom;
        int bureauUntil = MONTHS;
        final int[] level = new int[MONTHS + 1];
        final int[] growthDelta = new int[MONTHS + 1];
        final String[] accounts = {"H", "H", "H"};
        final boolean[] late = new boolean[3];
        String topRating;
        long size;
        int growth;
        final List<Officer> officers = new ArrayList<>();
        final List<Map.Entry<Integer, Consumer<List<Officer>>>> officerChanges = new ArrayList<>();
        final List<Planned> incidents = new ArrayList<>();
        final TreeMap<Integer, Party> auditor = new TreeMap<>();
        final TreeMap<Integer, CompanyRef> parent = new TreeMap<>();
        final double yearlyGrowth;

        Co(long number, Trade trade, boolean french) {
            this.number = number;
            this.trade = trade;
            this.french = french;
            this.yearlyGrowth = -0.03 + random.nextDouble() * 0.09;
        }

        void at(int month, Consumer<Reg> change) {
            changes.add(Map.entry(month, change));
        }

        void officersAt(int month, Consumer<List<Officer>> change) {
            officerChanges.add(Map.entry(month, change));
        }

        void levels(int from, int value) {
            for (int m = Math.max(0, from); m <= MONTHS; m++) {
                level[m] = value;
            }
        }

        boolean activeAt(int m) {
            return m >= firstMonth && !(m >= ceasedFrom && m < ceasedUntil);
        }

        Reg registryAt(int m) {
            Reg reg = base.copy();
            changes.stream()
                    .filter(c -> c.getKey() <= m)
                    .forEach(c -> c.getValue().accept(reg));
            return reg;
        }

        List<Officer> officersAt(int m) {
            List<Officer> list = new ArrayList<>(officers);
            officerChanges.stream()
                    .filter(c -> c.getKey() <= m)
                    .forEach(c -> c.getValue().accept(list));
            return list;
        }

        String language() {
            return french ? "1" : "2";
        }
    }

    /** A dated incident the bureau reports from {@code date} on, until the month it is cleared. */
    private record Planned(String kind, LocalDate date, long amount, Integer daysLate, int clearedMonth) {}

    /** A company's registry state at one moment. */
    private static final class Reg {
        String situation = "000";
        String form;
        LocalDate startDate;
        List<Denomination> names = new ArrayList<>();
        Address seat;
        List<Contact> contacts = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        List<Establishment> establishments = new ArrayList<>();

        Reg copy() {
            Reg r = new Reg();
            r.situation = situation;
            r.form = form;
            r.startDate = startDate;
            r.names = new ArrayList<>(names);
            r.seat = seat;
            r.contacts = new ArrayList<>(contacts);
            r.activities = new ArrayList<>(activities);
            r.establishments = new ArrayList<>(establishments);
            return r;
        }

        Enterprise enterprise(long number) {
            return new Enterprise(
                    number,
                    situation,
                    "2",
                    form,
                    startDate,
                    List.copyOf(names),
                    seat,
                    List.copyOf(contacts),
                    List.copyOf(activities),
                    List.copyOf(establishments));
        }

        void rename(String language, String value) {
            names.removeIf(n -> n.type().equals("001"));
            names.add(new Denomination(language, "001", value));
        }

        void contact(String type, String value) {
            contacts.removeIf(c -> c.type().equals(type));
            contacts.add(new Contact(type, value));
        }

        void removeGroup(String group) {
            activities.removeIf(a -> a.group().equals(group));
        }

        void addGroup(String group, String nace) {
            activities.add(new Activity(group, nace, "MAIN"));
        }
    }

    private static final String[] FORM_NL = {"014", "NV", "610", "BV", "706", "CV", "612", "CommV"};
    private static final String[] FORM_FR = {"014", "SA", "610", "SRL", "706", "SC", "612", "SComm"};

    private void build() {
        for (int i = 0; i < 300; i++) {
            companies.add(company(i));
        }
        int next = 0;
        bankrupt(companies.get(next++), 16, true);
        for (int b : new int[] {13, 15, 18, 19, 21, 22}) {
            bankrupt(companies.get(next++), b, false);
        }
        Co parentCo = companies.get(next++);
        bankrupt(parentCo, 17, false);
        parentCo.name = named(parentCo, PARENT, "014", "41201", 7);
        for (int s = 0; s < 2; s++) {
            Co sub = companies.get(next++);
            sub.story = "subsidiary of a company that goes bankrupt";
            sub.parent.put(0, ref(parentCo));
            if (s == 0) {
                sub.levels(19, Math.min(5, sub.level[0] + 1));
            }
        }
        Co verhaegen = companies.get(0);
        Officer director = person(verhaegen, "director", 0);
        verhaegen.officers.add(director);
        Co linked = companies.get(next++);
        linked.story = "appoints a director of a bankrupt company";
        linked.officersAt(
                19,
                list -> list.add(new Officer(
                        director.id(), director.name(), "director", month(19).minusDays(8))));
        for (int z = 0; z < 6; z++) {
            zombie(companies.get(next++), z);
        }
        reorganised(companies.get(next++), 9, true, true);
        for (int r : new int[] {11, 14, 7, 16}) {
            reorganised(companies.get(next++), r, r < 12, false);
        }
        Co groupParent = companies.get(next++);
        groupParent.story = "parent of a subsidiary in liquidation";
        groupParent.levels(0, 1);
        for (int l : new int[] {6, 10, 14, 8}) {
            Co liquidated = companies.get(next++);
            liquidation(liquidated, l, l == 8);
            if (l == 10) {
                liquidated.parent.put(0, ref(groupParent));
            }
        }
        growing(companies.get(next++), 8, true);
        for (int g = 0; g < 19; g++) {
            growing(companies.get(next++), 4 + g % 17, false);
        }
        for (int t = 0; t < 4; t++) {
            turnaround(companies.get(next++), 6 + 4 * t);
        }
        for (int n = 0; n < 8; n++) {
            registered(companies.get(next++), 22 + n % 3);
        }
        for (int n = 0; n < 6; n++) {
            registered(companies.get(next++), 3 + 3 * n);
        }
        next = statusStories(next);
        next = networkOfHealthyDirectors(next);
        Co takenOver = companies.get(next++);
        takenOver.story = "taken over by a group";
        takenOver.parent.put(14, ref(groupParent));
        for (int h = next; h < companies.size(); h++) {
            sprinkle(companies.get(h), h);
        }
        for (int h = next; h < companies.size(); h += 17) {
            Co quiet = companies.get(h);
            quiet.story = h % 2 == 0 ? "stopped filing accounts" : "stopped filing two years ago";
            quiet.accounts[2] = null;
            if (h % 2 == 1) {
                quiet.accounts[1] = null;
            }
        }
    }

    private Co company(int i) {
        Trade trade = Places.TRADES.get(random.nextInt(Places.TRADES.size()));
        Municipality town = Places.MUNICIPALITIES.get(random.nextInt(Places.MUNICIPALITIES.size()));
        boolean french = town.region() == 'W' || town.region() == 'B' && random.nextInt(3) > 0;
        long number = KboExtractWriter.withCheckDigits(3_100_000L + i * 3_217L + random.nextInt(3_000));
        Co c = new Co(number, trade, french);
        String[] forms = french ? FORM_FR : FORM_NL;
        int form = trade.large()
                ? (random.nextInt(3) == 0 ? 2 : 0)
                : (random.nextInt(8) == 0 ? 4 + 2 * random.nextInt(2) : 2);
        String family = pick(french ? Places.SURNAMES_FR : Places.SURNAMES_NL);
        String stem = switch (trade.nace()) {
            case "55100", "56101", "11050", "96021" -> (french ? trade.fr() : trade.nl()) + " " + pick(fancy(french));
            case "62010", "62020", "73110", "70220" ->
                random.nextBoolean()
                        ? pick(fancy(french)) + " " + (french ? trade.fr() : trade.nl())
                        : family + (french ? " & Associés" : " & Partners");
            default -> (french ? trade.fr() : trade.nl()) + " " + family;
        };
        c.name = stem + " " + forms[form + 1];
        c.base.form = forms[form];
        c.base.rename(c.language(), c.name);
        c.base.startDate = start.minusDays(400 + random.nextInt(9_000));
        c.base.seat = address(town, french);
        c.base.contacts.add(new Contact("TEL", phone(town)));
        String domain = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".be";
        c.base.contacts.add(new Contact("EMAIL", "info@" + domain));
        if (random.nextInt(3) > 0) {
            c.base.contacts.add(new Contact("WEB", "www." + domain));
        }
        c.base.activities.add(new Activity("001", trade.nace(), "MAIN"));
        if (random.nextInt(3) == 0) {
            c.base.activities.add(new Activity(
                    "001",
                    Places.TRADES.get(random.nextInt(Places.TRADES.size())).nace(),
                    "SECO"));
        }
        c.size =
                (trade.large() ? 3_000_000L + random.nextInt(40) * 500_000L : 300_000L + random.nextInt(30) * 100_000L);
        if (c.size > 600_000 || random.nextBoolean()) {
            c.base.activities.add(new Activity("006", trade.nace(), "MAIN"));
        }
        int units = c.size > 5_000_000 ? 1 + random.nextInt(3) : random.nextInt(4) == 0 ? 1 : 0;
        for (int u = 0; u < units; u++) {
            c.base.establishments.add(unit(c.base.startDate.plusDays(random.nextInt(300))));
        }
        c.levels(0, random.nextInt(20) < 7 ? 1 : random.nextInt(20) < 15 ? 2 : 3);
        c.topRating = random.nextBoolean() ? "AA" : "A";
        c.growth = 40 + random.nextInt(30);
        c.officers.add(person(c, "managing-director", 0));
        if (c.size > 2_000_000 || random.nextBoolean()) {
            c.officers.add(person(c, "director", 0));
        }
        if (c.size > 10_000_000) {
            c.auditor.put(0, new Party("B" + (10_000 + c.number % 5), Places.AUDITORS.get((int) (c.number % 5))));
        }
        return c;
    }

    /** Gives a story company its user-guide name, trade and town (an index into {@link Places#MUNICIPALITIES}). */
    private String named(Co c, String name, String form, String nace, int town) {
        Municipality municipality = Places.MUNICIPALITIES.get(town);
        c.french = municipality.region() == 'W';
        c.base.names.clear();
        c.base.rename(c.language(), name);
        c.base.form = form;
        c.base.seat = address(municipality, c.french, town * 7);
        String domain =
                name.toLowerCase(Locale.ROOT).replaceAll(" (nv|bv|srl|sa)$", "").replaceAll("[^a-z]", "") + ".be";
        c.base.contacts.clear();
        c.base.contacts.add(new Contact("TEL", phone(municipality)));
        c.base.contacts.add(new Contact("EMAIL", "info@" + domain));
        c.base.contacts.add(new Contact("WEB", "www." + domain));
        c.base.activities.replaceAll(
                a -> a.classification().equals("MAIN") ? new Activity(a.group(), nace, "MAIN") : a);
        return name;
    }

    // ---- the stories --------------------------------------------------------------------------------------

    private void bankrupt(Co c, int b, boolean flagship) {
        c.story = "goes bankrupt in month " + b;
        if (flagship) {
            c.name = named(c, BANKRUPT, "014", "41201", 1);
            c.size = 8_500_000;
            c.auditor.put(0, new Party("B10001", Places.AUDITORS.getFirst()));
            c.auditor.put(b - 6, new Party("B10004", Places.AUDITORS.get(3)));
            c.at(
                    b - 1,
                    r -> r.seat = new Address(
                            null,
                            null,
                            r.seat.zipcode(),
                            r.seat.municipalityNL(),
                            r.seat.municipalityFR(),
                            r.seat.streetNL(),
                            r.seat.streetFR(),
                            r.seat.houseNumber(),
                            r.seat.box(),
                            month(b - 1).minusDays(9)));
        }
        c.levels(0, 2);
        c.levels(b - 9, 3);
        c.levels(b - 5, 4);
        c.levels(b - 2, 5);
        c.levels(b, 6);
        for (int m = b - 9; m <= MONTHS; m++) {
            c.growthDelta[m] = -15;
        }
        long unit = Math.max(2_000, c.size / 400);
        c.incidents.add(new Planned("payment", month(b - 8).minusDays(12), unit * 3, 64, 99));
        c.incidents.add(new Planned("protest", month(b - 7).minusDays(6), unit, null, 99));
        c.incidents.add(new Planned("protest", month(b - 4).minusDays(3), unit * 2, null, 99));
        c.incidents.add(new Planned("summons", month(b - 3).minusDays(8), unit * 4, null, 99));
        c.incidents.add(new Planned("tax", month(b - 3).minusDays(15), unit * 5, null, 99));
        c.incidents.add(new Planned("seizure", month(b - 2).minusDays(4), unit * 6, null, 99));
        c.incidents.add(new Planned("judgment", month(b - 1).minusDays(10), unit * 8, null, 99));
        c.incidents.add(new Planned("payment", month(b - 1).minusDays(20), unit * 5, 120, 99));
        c.at(b - 3, r -> r.removeGroup("006"));
        c.at(b, r -> r.situation = "050");
        if (b == 15) {
            c.at(b - 1, r -> r.establishments.clear());
            if (c.base.establishments.isEmpty()) {
                c.base.establishments.add(unit(c.base.startDate.plusDays(200)));
            }
        }
        if (b == 13) {
            c.at(b + 5, r -> r.situation = "051");
            c.ceasedFrom = b + 7;
        }
        c.officersAt(b, List::clear);
        c.bureauUntil = Math.min(MONTHS, b + 3);
        c.accounts[1] = "D";
        c.late[1] = true;
        c.accounts[2] = null;
    }

    private void zombie(Co c, int z) {
        c.story = z < 3 ? "loses money three years running" : "loses money and stopped filing";
        c.levels(0, 3);
        c.levels(5 + 2 * z, 4);
        c.accounts[0] = "Z0";
        c.accounts[1] = "Z1";
        c.accounts[2] = z < 3 ? "Z2" : null;
        c.late[1] = z % 2 == 0;
        c.incidents.add(new Planned("tax", month(7 + 2 * z).minusDays(11), 8_000 + 1_000L * z, null, 99));
        c.incidents.add(new Planned("payment", month(9 + z).minusDays(5), 4_500, 45, 99));
    }

    private void reorganised(Co c, int r, boolean recovers, boolean flagship) {
        c.story = recovers ? "judicial reorganisation, then recovery" : "judicial reorganisation";
        if (flagship) {
            c.name = named(c, REORGANISED, "610", "56101", 25);
            c.size = 1_400_000;
        }
        c.levels(0, 3);
        c.levels(r - 3, 4);
        c.incidents.add(new Planned("protest", month(r - 4).minusDays(9), 2_600, null, recovers ? r + 8 : 99));
        c.incidents.add(new Planned("summons", month(r - 2).minusDays(3), 7_300, null, recovers ? r + 8 : 99));
        c.at(r, reg -> reg.situation = "091");
        c.accounts[1] = "R1";
        c.accounts[2] = recovers ? "R2" : null;
        if (recovers) {
            c.at(r + 6, reg -> reg.situation = "000");
            c.levels(r + 8, 3);
            for (int m = r + 8; m <= MONTHS; m++) {
                c.growthDelta[m] = 12;
            }
        }
    }

    private void liquidation(Co c, int l, boolean reopened) {
        c.story = reopened ? "liquidation, closed, then reopened" : "voluntary liquidation";
        c.at(l, r -> r.situation = "012");
        c.at(l + 1, r -> r.removeGroup("001"));
        c.at(l + 1, r -> r.removeGroup("006"));
        c.levels(l, 7);
        c.accounts[1] = "L1";
        c.accounts[2] = null;
        c.at(l + 5, r -> r.situation = "014");
        c.bureauUntil = l + 5;
        if (reopened) {
            c.at(l + 9, r -> r.situation = "112");
        } else if (l + 6 <= MONTHS) {
            c.ceasedFrom = l + 6;
        }
    }

    private void growing(Co c, int g, boolean flagship) {
        c.story = "grows";
        if (flagship) {
            c.name = named(c, GROWING, "610", "62010", 6);
            c.size = 2_200_000;
            c.base.removeGroup("006");
            c.base.establishments.clear();
            c.auditor.clear();
            c.at(g, r -> r.addGroup("006", "62010"));
            c.auditor.put(g + 4, new Party("B10003", Places.AUDITORS.get(2)));
        }
        int from = Math.max(2, c.level[0]);
        c.levels(0, from);
        c.levels(g, from - 1);
        for (int m = g; m <= MONTHS; m++) {
            c.growthDelta[m] = 14;
        }
        Establishment opened = unit(month(g + 1).minusDays(6));
        c.at(g + 1, r -> r.establishments.add(opened));
        if (g % 3 == 0) {
            c.at(g + 2, r -> r.activities.add(new Activity("001", "62020", "SECO")));
        }
        c.accounts[g % 2 == 0 ? 1 : 2] = "G";
    }

    private void turnaround(Co c, int t) {
        c.story = "turns around";
        c.levels(0, 4);
        c.levels(t, 3);
        c.levels(t + 6, 2);
        c.incidents.add(new Planned("protest", month(0).minusDays(40), 1_800, null, t));
        c.accounts[0] = "T0";
        c.accounts[1] = "T1";
    }

    private void registered(Co c, int m) {
        c.story = "registered in month " + m;
        c.firstMonth = m;
        c.base.startDate = month(m).minusDays(4 + (c.number % 17));
        c.base.establishments.clear();
        c.base.removeGroup("006");
        c.base.activities.removeIf(
                a -> a.group().equals("001") && a.classification().equals("SECO"));
        String nace = c.trade.nace();
        c.base.removeGroup("001");
        c.at(m + 1, r -> r.addGroup("001", nace));
        c.at(m + 4, r -> r.addGroup("006", nace));
        Officer founder = c.officers.getFirst();
        c.officers.clear();
        c.officers.add(new Officer(founder.id(), founder.name(), founder.role(), c.base.startDate));
        c.auditor.clear();
        c.bureauFrom = m + 1;
        c.levels(0, 3);
        c.accounts[0] = c.accounts[1] = c.accounts[2] = null;
    }

    private int statusStories(int next) {
        String[][] transitions = {
            {"020", "all shares in one hand"},
            {"021", "merged into another company"},
            {"024", "demerged"},
            {"010", "dissolved by law"},
            {"013", "dissolved by court"},
            {"111", "struck off"}
        };
        int month = 5;
        for (String[] transition : transitions) {
            Co c = companies.get(next++);
            c.story = transition[1];
            int m = month;
            c.at(m, r -> r.situation = transition[0]);
            if (!transition[0].equals("020")) {
                c.ceasedFrom = m + 2;
                c.bureauUntil = m + 1;
                c.accounts[2] = null;
            }
            if (transition[0].equals("013")) {
                c.levels(m, 7);
            }
            month += 3;
        }
        Co revoked = companies.get(next++);
        revoked.story = "bankruptcy opened, then revoked on appeal";
        revoked.at(10, r -> r.situation = "050");
        revoked.at(12, r -> r.situation = "000");
        Co reactivated = companies.get(next++);
        reactivated.story = "ceased, then active again";
        reactivated.ceasedFrom = 7;
        reactivated.ceasedUntil = 11;
        Co abroad = companies.get(next++);
        abroad.story = "moved its seat to Luxembourg";
        abroad.at(
                12,
                r -> r.seat = new Address(
                        "Luxemburg",
                        "Luxembourg",
                        "1724",
                        "Luxemburg",
                        "Luxembourg",
                        "Boulevard Royal",
                        "Boulevard Royal",
                        "26",
                        null,
                        null));
        Co converted = companies.get(next++);
        converted.story = "converted from BVBA to BV";
        String stem = converted.name.substring(0, converted.name.lastIndexOf(' '));
        String oldName = stem + (converted.french ? " SPRL" : " BVBA");
        converted.base.form = "015";
        converted.base.rename(converted.language(), oldName);
        converted.name = oldName;
        String newName = stem + (converted.french ? " SRL" : " BV");
        converted.at(9, r -> {
            r.form = "610";
            r.rename(converted.language(), newName);
        });
        return next;
    }

    /** Directors who sit on healthy boards and join another company: DIRECTOR_LINKED_TO_HEALTHY_COMPANIES. */
    private int networkOfHealthyDirectors(int next) {
        for (int d = 0; d < 4; d++) {
            Co first = companies.get(next++);
            Co second = companies.get(next++);
            Co joins = companies.get(next++);
            first.levels(0, 1);
            second.levels(0, 2);
            first.story = second.story = "healthy, shares a director";
            joins.story = "appoints a director from healthy companies";
            Officer shared = person(first, "director", 0);
            first.officers.add(shared);
            second.officers.add(shared);
            int m = 4 + 5 * d;
            joins.officersAt(
                    m, list -> list.add(new Officer(shared.id(), shared.name(), "director", month(m).minusDays(10))));
        }
        return next;
    }

    /** Everyday registry and board changes of healthy companies, so that the demo has identity and governance news. */
    private void sprinkle(Co c, int h) {
        int m = 2 + (h * 7) % 22;
        switch (h % 14) {
            case 0 -> {
                String phone = phone(Places.MUNICIPALITIES.get(h % Places.MUNICIPALITIES.size()));
                c.at(m, r -> r.contact("TEL", phone));
            }
            case 1 ->
                c.at(
                        m,
                        r -> r.contact(
                                "EMAIL",
                                "contact@"
                                        + r.contacts.stream()
                                                .filter(x -> x.type().equals("EMAIL"))
                                                .findFirst()
                                                .map(x -> x.value()
                                                        .substring(x.value().indexOf('@') + 1))
                                                .orElse("example.be")));
            case 2 ->
                c.at(
                        m,
                        r -> r.contact(
                                "WEB", "www." + c.name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".eu"));
            case 3 -> {
                Municipality town = Places.MUNICIPALITIES.get((h * 5) % Places.MUNICIPALITIES.size());
                c.at(m, r -> r.seat = address(town, c.french, h));
            }
            case 4 -> c.at(m, r -> r.establishments.add(unitFixed(month(m).minusDays(12), h)));
            case 5 -> {
                c.base.establishments.add(unitFixed(c.base.startDate.plusDays(100), h));
                c.base.establishments.add(unitFixed(c.base.startDate.plusDays(500), h + 1_000));
                c.at(m, r -> r.establishments.removeLast());
            }
            case 6 -> c.at(m, r -> r.activities.add(new Activity("001", "70220", "SECO")));
            case 7 ->
                c.at(
                        m,
                        r -> r.names.add(
                                new Denomination(c.language(), "003", c.name.replaceAll(" [A-Za-z]+$", "") + " Shop")));
            case 8 -> {
                c.base.names.add(new Denomination(c.language(), "003", "Atelier " + c.name.split(" ")[0]));
                c.at(m, r -> r.names.removeIf(n -> n.type().equals("003")));
            }
            case 9 -> {
                Officer appointed = person(c, "director", m);
                c.officersAt(m, list -> list.add(appointed));
            }
            case 10 -> {
                Officer successor = person(c, "managing-director", m);
                c.officersAt(m, list -> {
                    list.removeIf(o -> o.role().equals("managing-director"));
                    list.add(successor);
                });
            }
            case 11 ->
                c.at(
                        m,
                        r -> r.activities.replaceAll(a ->
                                a.classification().equals("MAIN") && a.group().equals("001")
                                        ? new Activity("001", "46392", "MAIN")
                                        : a));
            case 12 -> c.at(m, r -> r.names.add(new Denomination(c.language(), "002", acronym(c.name))));
            case 13 -> {
                String renamed = pick(fancy(c.french)) + " " + c.name.substring(c.name.lastIndexOf(' ') + 1);
                c.at(m, r -> r.rename(c.language(), renamed));
            }
            default -> {}
        }
        if (h % 5 == 0
                && c.base.activities.stream().anyMatch(a -> a.classification().equals("SECO"))) {
            c.at(
                    (m + 9) % 23 + 1,
                    r -> r.activities.removeIf(a -> a.classification().equals("SECO")));
        }
        if (h % 11 == 0 && c.base.activities.stream().noneMatch(a -> a.group().equals("006"))) {
            c.at((m + 5) % 23 + 1, r -> r.addGroup("006", c.trade.nace()));
        }
    }

    // ---- what the feeds deliver ---------------------------------------------------------------------------

    private static final String[] RATINGS = {null, "A", "BBB", "BB", "B", "CCC", "D", "NR"};
    private static final double[] PD = {0, 0.004, 0.009, 0.02, 0.06, 0.15, 1, 0.3};
    private static final double[] LIMIT = {0, 1, 0.7, 0.45, 0.2, 0.05, 0, 0};
    private static final int[] PAYMENT = {0, 86, 76, 63, 46, 30, 10, 40};
    private static final int[] DBT = {0, 3, 8, 13, 34, 55, 90, 20};
    private static final int[] DISSOLUTION = {0, 5, 8, 12, 26, 41, 95, 85};
    private static final int[] MULTISCORE = {0, 86, 73, 61, 41, 23, 5, 20};

    private Snapshot snapshot(Co c, int m) {
        int l = c.level[m];
        long noise = Math.floorMod(c.number * 31 + m * 17L, 7) - 3;
        String rating = l == 1 ? c.topRating : RATINGS[l];
        BigDecimal pd =
                BigDecimal.valueOf(PD[l] * (l == 6 ? 1 : 1 + noise / 100.0)).setScale(4, RoundingMode.HALF_UP);
        long limit = Math.round(c.size * 0.04 * LIMIT[l] * (1 + noise / 150.0) / 1_000) * 1_000;
        LocalDate asOf = month(m);
        List<Incident> protests = new ArrayList<>();
        List<Incident> seizures = new ArrayList<>();
        List<Incident> summons = new ArrayList<>();
        List<Incident> taxes = new ArrayList<>();
        List<Incident> judgments = new ArrayList<>();
        List<Incident> payments = new ArrayList<>();
        for (Planned p : c.incidents) {
            if (!p.date().isAfter(asOf) && m < p.clearedMonth()) {
                Incident incident = new Incident(p.date(), p.amount(), p.daysLate());
                switch (p.kind()) {
                    case "protest" -> protests.add(incident);
                    case "seizure" -> seizures.add(incident);
                    case "summons" -> summons.add(incident);
                    case "tax" -> taxes.add(incident);
                    case "judgment" -> judgments.add(incident);
                    default -> payments.add(incident);
                }
            }
        }
        Party auditor =
                c.auditor.floorEntry(m) == null ? null : c.auditor.floorEntry(m).getValue();
        CompanyRef parent =
                c.parent.floorEntry(m) == null ? null : c.parent.floorEntry(m).getValue();
        return new Snapshot(
                "BE",
                KboExtractWriter.display(c.number),
                asOf,
                BUREAU,
                rating,
                Math.min(5, l == 7 ? 4 : l),
                pd,
                limit,
                "EUR",
                PAYMENT[l],
                (int) Math.max(0, DBT[l] + noise / 2),
                Math.clamp(c.growth + c.growthDelta[m], 1, 99),
                DISSOLUTION[l],
                MULTISCORE[l],
                c.officersAt(m),
                auditor,
                parent,
                protests,
                seizures,
                summons,
                taxes,
                judgments,
                payments);
    }

    /** Items as fractions of the company's size: turnover, margin, results, balance sheet, staff, overdue debts. */
    private static final Map<String, double[]> ACCOUNTS = Map.of(
            "D", new double[] {.72, .17, -.05, -.09, .55, .24, .30, .02, .38, .02, .05, .74, .006, .004},
            "Z0", new double[] {.90, .22, -.01, -.02, .50, .20, .30, .03, .28, .06, .05, .90, 0, 0},
            "Z1", new double[] {.86, .21, -.015, -.03, .48, .19, .29, .028, .29, .03, .05, .88, .003, 0},
            "Z2", new double[] {.85, .20, -.02, -.04, .47, .18, .29, .025, .31, -.01, .05, .86, .004, .002},
            "G", new double[] {1.32, .42, .09, .06, .80, .40, .40, .11, .24, .40, .12, 1.30, 0, 0},
            "T0", new double[] {.90, .20, -.03, -.05, .50, .20, .30, .03, .33, .08, .05, 1, 0, 0},
            "T1", new double[] {1.0, .28, .04, .03, .52, .20, .34, .06, .26, .11, .05, 1.02, 0, 0},
            "R1", new double[] {.78, .20, -.03, -.06, .55, .24, .31, .03, .34, .19, .05, .85, .004, 0},
            "R2", new double[] {.86, .26, .03, .02, .55, .23, .33, .05, .27, .21, .05, .85, 0, 0},
            "L1", new double[] {.60, .15, -.01, -.01, .40, .10, .30, .15, .10, .22, .02, .50, 0, 0});

    private static final String[] RUBRICS = {
        "70", "9900", "9901", "9904", "20/58", "21/28", "29/58", "54/58", "42/48", "10/15", "100", "9087", "9072",
        "9076"
    };

    private Filing filing(Co c, int k) {
        String kind = c.accounts[k];
        if (kind == null) {
            return null;
        }
        int year = lastFiscalYear - 2 + k;
        LocalDate periodEnd = LocalDate.of(year, 12, 31);
        long salt = Math.floorMod(c.number * 13 + k * 7L, 50);
        LocalDate filedOn = c.late[k] || (k > 0 && Math.floorMod(c.number + k, 23) == 0)
                ? periodEnd.plusMonths(8).plusDays(20 + salt)
                : periodEnd.plusMonths(5).plusDays(salt);
        if (!filedOn.isBefore(today)) {
            filedOn = today.minusDays(1);
        }
        double[] v;
        double scale = 1;
        if (kind.equals("H")) {
            int prior = 0;
            for (int j = k - 1; j >= 0 && c.accounts[j] != null && c.accounts[j].equals("H"); j--) {
                prior++;
            }
            String before = k - prior - 1 >= 0 ? c.accounts[k - prior - 1] : null;
            double[] from = before == null
                    ? new double[] {1, .30, .06, .04, .60, .25, .35, .08, .20, .25, .05, 1, 0, 0}
                    : ACCOUNTS.get(before).clone();
            if (before != null) {
                from[2] = Math.abs(from[2]) * 1.1;
                from[3] = Math.abs(from[3]);
                from[12] = from[13] = 0;
            }
            int years = before == null ? k : prior + 1;
            scale = Math.pow(1 + c.yearlyGrowth, years) * (before == null ? 1 : 1.04);
            v = from.clone();
            v[9] = from[9] + 0.035 * years;
            v[10] = from[10] / scale;
            v[7] = from[7] * (1 + (Math.floorMod(c.number + k, 5) - 2) * 0.04);
        } else {
            v = ACCOUNTS.get(kind);
        }
        Map<String, Number> items = new LinkedHashMap<>();
        double size = c.size * scale;
        for (int i = 0; i < RUBRICS.length; i++) {
            if (i == 11) {
                items.put(
                        RUBRICS[i],
                        BigDecimal.valueOf(Math.max(1, c.size / 160_000.0 * v[i] * (kind.equals("H") ? scale : 1)))
                                .setScale(1, RoundingMode.HALF_UP));
            } else if (i == 12 || i == 13) {
                items.put(RUBRICS[i], Math.round(c.size * v[i]));
            } else {
                items.put(RUBRICS[i], Math.round(size * v[i] / 100) * 100);
            }
        }
        String opinion = c.auditor.isEmpty() && !kind.startsWith("Z") && !kind.equals("D")
                ? null
                : switch (kind) {
                    case "D" -> "going-concern";
                    case "Z1", "Z2" -> "qualified";
                    default -> "unqualified";
                };
        return new Filing(
                "BE",
                KboExtractWriter.display(c.number).replace(".", ""),
                filedOn,
                periodEnd.withDayOfYear(1),
                periodEnd,
                c.size > 5_000_000 ? "full" : "abridged",
                "EUR",
                items,
                opinion);
    }

    // ---- small helpers ------------------------------------------------------------------------------------

    private static List<String> fancy(boolean french) {
        return french ? Places.FANCY_FR : Places.FANCY_NL;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private Address address(Municipality town, boolean french) {
        return address(town, french, random.nextInt(1_000));
    }

    private static Address address(Municipality town, boolean french, int salt) {
        String nl;
        String fr;
        if (town.region() == 'B') {
            String[] street = Places.STREETS_BRUSSELS.get(salt % Places.STREETS_BRUSSELS.size());
            nl = street[0];
            fr = street[1];
        } else if (town.region() == 'W') {
            nl = fr = Places.STREETS_FR.get(salt % Places.STREETS_FR.size());
        } else {
            nl = fr = Places.STREETS_NL.get(salt % Places.STREETS_NL.size());
        }
        return new Address(
                null,
                null,
                town.zip(),
                town.nl(),
                town.fr(),
                nl,
                fr,
                Integer.toString(1 + salt % 180),
                salt % 9 == 0 ? Integer.toString(1 + salt % 4) : null,
                null);
    }

    private String phone(Municipality town) {
        String zone = switch (town.zip().charAt(0)) {
            case '1' -> "02";
            case '2' -> "03";
            case '3' -> "016";
            case '4' -> "04";
            case '5' -> "081";
            case '6' -> "071";
            case '7' -> "065";
            case '8' -> "050";
            default -> "09";
        };
        return zone + "/" + (100 + random.nextInt(900)) + "." + (10 + random.nextInt(90)) + "."
                + (10 + random.nextInt(90));
    }

    private Establishment unit(LocalDate startDate) {
        return new Establishment(KboExtractWriter.withCheckDigits(21_500_000L + nextUnit++), startDate);
    }

    /** A unit whose number does not depend on the order changes are applied in. */
    private static Establishment unitFixed(LocalDate startDate, int salt) {
        return new Establishment(KboExtractWriter.withCheckDigits(22_500_000L + salt), startDate);
    }

    private Officer person(Co c, String role, int m) {
        int id = nextPerson++;
        boolean french = c.french ^ (id % 5 == 0);
        String name = pick(french ? Places.SURNAMES_FR : Places.SURNAMES_NL) + ", "
                + pick(french ? Places.FIRST_FR : Places.FIRST_NL);
        return new Officer(
                "P-" + id, name, role, m == 0 ? c.base.startDate.plusDays(id % 300) : month(m).minusDays(id % 20));
    }

    private static CompanyRef ref(Co c) {
        return new CompanyRef("BE", KboExtractWriter.display(c.number).replace(".", ""));
    }

    private static String acronym(String name) {
        StringBuilder a = new StringBuilder();
        for (String word : name.split(" ")) {
            if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                a.append(word.charAt(0));
            }
        }
        return a.toString();
    }
}
