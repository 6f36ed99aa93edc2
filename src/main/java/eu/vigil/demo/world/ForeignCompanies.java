package eu.vigil.demo.world;

import eu.vigil.demo.world.BodaccFileWriter.Judgment;
import eu.vigil.demo.world.BodaccFileWriter.Notice;
import eu.vigil.demo.world.BodaccFileWriter.Previous;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Address;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Appointment;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Case;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Charge;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Disqualification;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Envelope;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Profile;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * A few British and French companies of the demo world, as the Companies House streams and BODACC would have
 * told their stories over the two years, enough for every signal these two sources bring. They come in two
 * deliveries per source, to keep the demo quick to load: two years ago their state, two months ago a capture
 * of everything since (each event dated by its publication or its judgment).
 */
final class ForeignCompanies {

    /** The months a capture and a BODACC file come in. */
    static final int FIRST = 0;

    static final int LATER = 22;

    static final String WIDGETS = "09100001";
    static final String BAKERIES = "09100002";
    static final String CLYDE = "SC610001";
    static final String PENNINE = "09100004";
    static final String MERSEY = "09100005";
    static final String BOULANGERIE = "552100018";
    static final String ATELIER = "552100026";
    static final String TRANSPORTS = "552100034";
    static final String IMPRIMERIE = "552100042";

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final IntFunction<LocalDate> month;
    private final Map<Integer, List<Envelope>> streams = new TreeMap<>();
    private final Map<Integer, List<Notice>> notices = new TreeMap<>();
    private long timepoint = 4_000_000;
    private int notice = 100;

    ForeignCompanies(IntFunction<LocalDate> month) {
        this.month = month;
        widgets();
        bakeries();
        clyde();
        pennine();
        mersey();
        boulangerie();
        atelier();
        transports();
        imprimerie();
    }

    /** The capture delivered in month {@code m}: the first month's events, or all the later ones in order. */
    List<Envelope> stream(int m) {
        return delivered(streams, m);
    }

    List<Notice> notices(int m) {
        return delivered(notices, m);
    }

    private static <T> List<T> delivered(Map<Integer, List<T>> byMonth, int m) {
        if (m == FIRST) {
            return byMonth.getOrDefault(FIRST, List.of());
        }
        if (m == LATER) {
            return byMonth.entrySet().stream()
                    .filter(e -> e.getKey() != FIRST)
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }
        return List.of();
    }

    // ---- Companies House ----

    private Profile profile(
            String number,
            String name,
            String status,
            String detail,
            boolean insolvencyHistory,
            boolean confirmationOverdue,
            int accountsYear,
            LocalDate ceased) {
        return new Profile(
                number,
                name,
                "ltd",
                LocalDate.of(2008 + number.charAt(7) - '0', 4, 1),
                ceased,
                status,
                detail,
                new Address(number.charAt(7) + " High Street", "Manchester", "M1 1AE", "England"),
                List.of("46900"),
                false,
                insolvencyHistory,
                false,
                LocalDate.of(accountsYear, 3, 31),
                confirmationOverdue);
    }

    private void ch(int m, Envelope event) {
        streams.computeIfAbsent(m, k -> new ArrayList<>()).add(event);
    }

    private String at(int m) {
        return month.apply(m) + "T07:00:00";
    }

    private void profileAt(int m, Profile profile) {
        ch(m, CompaniesHouseStreamWriter.profile(profile, ++timepoint, at(m)));
    }

    private void appointmentAt(int m, Appointment appointment) {
        ch(m, CompaniesHouseStreamWriter.appointment(appointment, ++timepoint, at(m)));
    }

    private int accountsYear(int m) {
        return month.apply(m).minusMonths(9).getYear();
    }

    /** Healthy: a director joins, the accounts come in. */
    private void widgets() {
        String name = "THAMES WIDGETS LIMITED";
        profileAt(0, profile(WIDGETS, name, "active", null, false, false, accountsYear(0), null));
        appointmentAt(
                0,
                new Appointment(
                        WIDGETS, "TW-1", "OF-TW-1", "HARRIS, Emily", "director", LocalDate.of(2011, 4, 1), null));
        appointmentAt(
                0,
                new Appointment(
                        WIDGETS, "TW-2", "OF-TW-2", "PATEL, Ravi", "secretary", LocalDate.of(2015, 9, 1), null));
        appointmentAt(
                8,
                new Appointment(
                        WIDGETS,
                        "TW-3",
                        "OF-TW-3",
                        "OWEN, Gareth",
                        "director",
                        month.apply(8).minusDays(12),
                        null));
        profileAt(16, profile(WIDGETS, name, "active", null, false, false, accountsYear(16), null));
    }

    /** Stops filing: confirmation statement overdue, strike-off proposed, dissolved. */
    private void bakeries() {
        String name = "NORTHERN BAKERIES LIMITED";
        int year = accountsYear(0);
        profileAt(0, profile(BAKERIES, name, "active", null, false, false, year, null));
        profileAt(8, profile(BAKERIES, name, "active", null, false, true, year, null));
        profileAt(16, profile(BAKERIES, name, "active", "active-proposal-to-strike-off", false, true, year, null));
        profileAt(
                22,
                profile(
                        BAKERIES,
                        name,
                        "dissolved",
                        null,
                        false,
                        true,
                        year,
                        month.apply(22).minusDays(6)));
    }

    /** A charge to the bank, then administration; the profile catches up with the case. */
    private void clyde() {
        String name = "CLYDE ENGINEERING LTD";
        profileAt(0, profile(CLYDE, name, "active", null, false, false, accountsYear(0), null));
        ch(
                8,
                CompaniesHouseStreamWriter.charge(
                        new Charge(
                                CLYDE,
                                "CLYDE-CH-1",
                                1,
                                "A registered charge",
                                "outstanding",
                                month.apply(8).minusDays(20),
                                List.of("Bank of Scotland PLC")),
                        ++timepoint,
                        at(8)));
        ch(
                16,
                CompaniesHouseStreamWriter.insolvency(
                        CLYDE,
                        List.of(new Case(
                                "1",
                                "in-administration",
                                Map.of(
                                        "administration-started-on",
                                        month.apply(16).minusDays(10)))),
                        ++timepoint,
                        at(16)));
        profileAt(22, profile(CLYDE, name, "administration", null, true, false, accountsYear(0), null));
    }

    /** One of its directors is disqualified, then resigns. */
    private void pennine() {
        String name = "PENNINE LOGISTICS LIMITED";
        profileAt(0, profile(PENNINE, name, "active", null, false, false, accountsYear(0), null));
        Appointment crane = new Appointment(
                PENNINE, "PL-1", "OF-PL-1", "CRANE, Victor", "director", LocalDate.of(2016, 2, 1), null);
        appointmentAt(0, crane);
        appointmentAt(
                0,
                new Appointment(PENNINE, "PL-2", "OF-PL-2", "WOOD, Sarah", "director", LocalDate.of(2016, 2, 1), null));
        ch(
                16,
                CompaniesHouseStreamWriter.disqualifiedOfficer(
                        "OF-PL-1",
                        "Crane",
                        "Victor",
                        List.of(new Disqualification(
                                month.apply(16).minusDays(14),
                                month.apply(16).minusDays(14).plusYears(6),
                                "HALIFAX HAULAGE LIMITED")),
                        ++timepoint,
                        at(16)));
        appointmentAt(
                22,
                new Appointment(
                        PENNINE,
                        crane.appointmentId(),
                        crane.officerId(),
                        crane.name(),
                        crane.role(),
                        crane.appointedOn(),
                        month.apply(22).minusDays(3)));
    }

    /** Receivers appointed, then liquidation. */
    private void mersey() {
        String name = "MERSEY TRADERS LIMITED";
        profileAt(0, profile(MERSEY, name, "active", null, false, false, accountsYear(0), null));
        profileAt(8, profile(MERSEY, name, "receivership", null, true, false, accountsYear(0), null));
        profileAt(16, profile(MERSEY, name, "liquidation", null, true, false, accountsYear(0), null));
    }

    // ---- BODACC ----

    private Notice bodacc(
            int m,
            String siren,
            String name,
            String town,
            String postcode,
            String family,
            Judgment judgment,
            LocalDate closing,
            Previous previous,
            String type) {
        Notice n = new Notice(
                "A" + month.apply(m).getYear() + String.format("%04d", 100 + m) + (++notice),
                month.apply(m),
                type,
                family,
                List.of(siren),
                name,
                town,
                postcode,
                judgment,
                closing,
                previous);
        notices.computeIfAbsent(m, k -> new ArrayList<>()).add(n);
        return n;
    }

    private Notice registered(String siren, String name, String town, String postcode) {
        return bodacc(0, siren, name, town, postcode, "immatriculation", null, null, null, "annonce");
    }

    private Judgment judgment(String famille, String nature, int m, int daysBefore) {
        return new Judgment(
                famille, nature, month.apply(m).minusDays(daysBefore).toString());
    }

    /** Safeguard, then a safeguard plan. */
    private void boulangerie() {
        String name = "BOULANGERIE DU PORT SARL";
        registered(BOULANGERIE, name, "Marseille", "13002");
        bodacc(
                8,
                BOULANGERIE,
                name,
                "Marseille",
                "13002",
                "collective",
                judgment("Jugement d'ouverture", "Jugement d'ouverture d'une procédure de sauvegarde", 8, 5),
                null,
                null,
                "annonce");
        bodacc(
                16,
                BOULANGERIE,
                name,
                "Marseille",
                "13002",
                "collective",
                judgment("Jugement arrêtant le plan", "Jugement arrêtant le plan de sauvegarde", 16, 6),
                null,
                null,
                "annonce");
    }

    /** Conciliation with its creditors, then sells its business, then files its accounts. */
    private void atelier() {
        String name = "ATELIER LUMIERE SAS";
        registered(ATELIER, name, "Lyon", "69003");
        bodacc(8, ATELIER, name, "Lyon", "69003", "conciliation", null, null, null, "annonce");
        bodacc(16, ATELIER, name, "Lyon", "69003", "vente", null, null, null, "annonce");
        bodacc(
                22,
                ATELIER,
                name,
                "Lyon",
                "69003",
                "dpc",
                null,
                month.apply(22).minusMonths(8).withDayOfMonth(1).minusDays(1),
                null,
                "annonce");
    }

    /** Redressement judiciaire, converted into liquidation, closed for want of assets. */
    private void transports() {
        String name = "TRANSPORTS GARNIER SARL";
        registered(TRANSPORTS, name, "Rennes", "35000");
        bodacc(
                8,
                TRANSPORTS,
                name,
                "Rennes",
                "35000",
                "collective",
                judgment(
                        "Jugement d'ouverture",
                        "Jugement d'ouverture d'une procédure de redressement judiciaire",
                        8,
                        4),
                null,
                null,
                "annonce");
        bodacc(
                16,
                TRANSPORTS,
                name,
                "Rennes",
                "35000",
                "collective",
                judgment("Jugement prononçant", "Jugement de conversion en liquidation judiciaire", 16, 9),
                null,
                null,
                "annonce");
        bodacc(
                22,
                TRANSPORTS,
                name,
                "Rennes",
                "35000",
                "collective",
                judgment("Jugement de clôture", "Jugement de clôture pour insuffisance d'actif", 22, 7),
                null,
                null,
                "annonce");
    }

    /** A liquidation notice published in error (its date in French words), cancelled the next time. */
    private void imprimerie() {
        String name = "IMPRIMERIE MODERNE SA";
        registered(IMPRIMERIE, name, "Lille", "59000");
        Notice wrong = bodacc(
                8,
                IMPRIMERIE,
                name,
                "Lille",
                "59000",
                "collective",
                new Judgment(
                        "Jugement d'ouverture",
                        "Jugement d'ouverture de liquidation judiciaire",
                        month.apply(8).minusDays(3).format(FRENCH)),
                null,
                null,
                "annonce");
        bodacc(
                16,
                IMPRIMERIE,
                name,
                "Lille",
                "59000",
                "collective",
                null,
                null,
                Previous.of(wrong.id(), wrong.published()),
                "annulation");
    }
}
