package eu.vigil.feed.kbo;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Test/benchmark data generator for the Belgian KBO/BCE Open Data extracts (src/docs/feeds.md §1).
 *
 * <p>Writes Full and Update extracts shaped like the real ones (same files, headers, quoting, number
 * notation, sort order, delete-then-insert semantics) at any scale up to the national one (1.94 M
 * enterprises, about 2.1 GB of CSV). Nothing but a few bytes of state per enterprise is kept in
 * memory: every row is derived on the fly from {@code (seed, entity, aspect, version)} with a
 * per-entity {@link SplittableRandom}, so the same seed and size always give byte-identical output.
 *
 * <p>State model. Enterprise {@code i} has one version counter per aspect (juridical situation,
 * names, seat address, contacts, activities); an Update bumps the counter of the aspect it changes,
 * so only that aspect's rows change. Establishments and branches are numbered by a global sequence
 * (numbers strictly increase with the sequence, new ones above all existing ones); their rows never
 * change, they only open and close. Enterprises that leave are flagged, never re-used.
 *
 * <p>Dates are generated relative to an origin: the snapshot of the first write (or the one given to
 * the 3-argument constructor). {@link #expected(String)} and friends describe the state after the
 * last write; an Update moves the state forward, a Full does not.
 */
public final class KboExtractGenerator {

    // ------------------------------------------------------------------------------------------
    // Public API types
    // ------------------------------------------------------------------------------------------

    /** One denomination.csv row, fields exactly as written (unquoted, empty = ""). */
    public record DenominationRow(
            String entityNumber, String language, String typeOfDenomination, String denomination) {}

    /** One address.csv row: all 13 fields, exactly as written (unquoted, empty = ""). */
    public record AddressRow(
            String entityNumber,
            String typeOfAddress,
            String countryNl,
            String countryFr,
            String zipcode,
            String municipalityNl,
            String municipalityFr,
            String streetNl,
            String streetFr,
            String houseNumber,
            String box,
            String extraAddressInfo,
            String dateStrikingOff) {}

    /** One contact.csv row. */
    public record ContactRow(String entityNumber, String entityContact, String contactType, String value) {}

    /** One activity.csv row. */
    public record ActivityRow(
            String entityNumber, String activityGroup, String naceVersion, String naceCode, String classification) {}

    /** An open establishment unit of an enterprise with its own rows (file order). */
    public record ExpectedEstablishment(
            String establishmentNumber,
            String startDate,
            String enterpriseNumber,
            List<DenominationRow> denominations,
            List<AddressRow> addresses,
            List<ContactRow> contacts,
            List<ActivityRow> activities) {}

    /** A branch (branch.csv, Id 9.xxx.xxx.xxx) of an enterprise with its own rows (file order). */
    public record ExpectedBranch(
            String id,
            String startDate,
            String enterpriseNumber,
            List<DenominationRow> denominations,
            List<AddressRow> addresses,
            List<ContactRow> contacts,
            List<ActivityRow> activities) {}

    /**
     * The current state of one enterprise. When {@code active} is false the enterprise has left the
     * files: the row fields are null and all lists are empty.
     */
    public record ExpectedEnterprise(
            String enterpriseNumber,
            boolean active,
            String status,
            String juridicalSituation,
            String typeOfEnterprise,
            String juridicalForm,
            String juridicalFormCac,
            String startDate,
            List<DenominationRow> denominations,
            List<AddressRow> addresses,
            List<ContactRow> contacts,
            List<ActivityRow> activities,
            List<ExpectedEstablishment> establishments,
            List<ExpectedBranch> branches) {}

    /** Kind of change applied by {@link #writeUpdate}. */
    public enum ChangeKind {
        NEW_ENTERPRISE,
        LEAVE,
        JURIDICAL_SITUATION,
        NAME,
        SEAT_ADDRESS,
        ACTIVITY,
        NEW_ESTABLISHMENT,
        CLOSE_ESTABLISHMENT,
        CONTACT
    }

    /**
     * One change of the last update. {@code detail}: "old->new" juridical situation for
     * JURIDICAL_SITUATION, the establishment number for NEW/CLOSE_ESTABLISHMENT, else "".
     */
    public record Change(ChangeKind kind, String enterpriseNumber, String detail) {}

    /** Rows (excluding header) and uncompressed bytes (including header) of one written file. */
    public record FileStat(String fileName, long rows, long bytes) {}

    // ------------------------------------------------------------------------------------------
    // File layout
    // ------------------------------------------------------------------------------------------

    static final int F_ENT = 0, F_EST = 1, F_DEN = 2, F_ADDR = 3, F_CONT = 4, F_ACT = 5, F_BR = 6;
    static final String[] FILE_NAMES = {
        "enterprise", "establishment", "denomination", "address", "contact", "activity", "branch"
    };
    static final String[] HEADERS = {
        "\"EnterpriseNumber\",\"Status\",\"JuridicalSituation\",\"TypeOfEnterprise\",\"JuridicalForm\",\"JuridicalFormCAC\",\"StartDate\"",
        "\"EstablishmentNumber\",\"StartDate\",\"EnterpriseNumber\"",
        "\"EntityNumber\",\"Language\",\"TypeOfDenomination\",\"Denomination\"",
        "\"EntityNumber\",\"TypeOfAddress\",\"CountryNL\",\"CountryFR\",\"Zipcode\",\"MunicipalityNL\",\"MunicipalityFR\",\"StreetNL\",\"StreetFR\",\"HouseNumber\",\"Box\",\"ExtraAddressInfo\",\"DateStrikingOff\"",
        "\"EntityNumber\",\"EntityContact\",\"ContactType\",\"Value\"",
        "\"EntityNumber\",\"ActivityGroup\",\"NaceVersion\",\"NaceCode\",\"Classification\"",
        "\"Id\",\"StartDate\",\"EnterpriseNumber\""
    };
    static final String[] DELETE_HEADERS = {
        "\"EnterpriseNumber\"",
        "\"EstablishmentNumber\"",
        "\"EntityNumber\"",
        "\"EntityNumber\"",
        "\"EntityNumber\"",
        "\"EntityNumber\"",
        "\"Id\""
    };
    static final String META_HEADER = "\"Variable\",\"Value\"";
    static final String CODE_HEADER = "\"Category\",\"Code\",\"Language\",\"Description\"";
    /**
     * Column kinds as in the real files: Q = always quoted (empty as ""), N = quoted, but empty is
     * written as nothing (JuridicalForm, JuridicalFormCAC, CountryNL, CountryFR), D = unquoted (dates).
     */
    private static final byte[][] KINDS = {
        "QQQQNND".getBytes(StandardCharsets.US_ASCII),
        "QDQ".getBytes(StandardCharsets.US_ASCII),
        "QQQQ".getBytes(StandardCharsets.US_ASCII),
        "QQNNQQQQQQQQD".getBytes(StandardCharsets.US_ASCII),
        "QQQQ".getBytes(StandardCharsets.US_ASCII),
        "QQQQQ".getBytes(StandardCharsets.US_ASCII),
        "QDQ".getBytes(StandardCharsets.US_ASCII)
    };

    private static final byte[] KIND_KEY = {'Q'};
    private static final byte[] KIND_META = {'Q', 'Q'};
    /** Zip entry order of the real extracts: alphabetical, so meta.csv comes last. */
    private static final int[] FULL_ORDER = {
        F_ACT, F_ADDR, F_BR, -1 /* code */, F_CONT, F_DEN, F_ENT, F_EST, -2 /* meta */
    };

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter DMY_HMS = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");
    private static final int DAY_1950 = (int) LocalDate.of(1950, 1, 1).toEpochDay();
    private static final int DAY_1968 = (int) LocalDate.of(1968, 1, 1).toEpochDay();
    private static final int DAY_2008 = (int) LocalDate.of(2008, 1, 1).toEpochDay();

    // ------------------------------------------------------------------------------------------
    // State (a few bytes per enterprise)
    // ------------------------------------------------------------------------------------------

    private final long seed;
    private final int initialEnterprises;
    private final int numberStep;
    private int origin = Integer.MIN_VALUE; // epoch day; set on first write
    private byte[] codeCsv; // null = built-in

    private int total; // enterprises ever generated
    private byte[] verSit, verName, verAddr, verContact, verAct;
    private final BitSet left = new BitSet();
    private final int[] estStart; // initial establishments: seqs estStart[i] .. estStart[i+1]-1
    private final int initialEst;
    private final int estStep;
    private int estTotal;
    private int[] extraEstOwner = new int[16]; // seq - initialEst -> owner
    private int[] extraEstDay = new int[16]; // seq - initialEst -> start day
    private final Map<Integer, int[]> extraEstByOwner = new HashMap<>();
    private final BitSet closedEst = new BitSet();
    private int[] branchOwner; // branch seq -> owner, sorted by owner
    private int branchTotal;
    private final int branchStep;
    private int[] bornDay = new int[16]; // enterprise i >= initialEnterprises -> creation snapshot day
    private int updates;
    private List<Change> lastChanges = List.of();
    private List<FileStat> lastStats = List.of();

    /** Generator for {@code enterprises} initial enterprises; dates are relative to the first written snapshot. */
    public KboExtractGenerator(long seed, int enterprises) {
        if (enterprises < 0 || enterprises > 6_000_000) {
            throw new IllegalArgumentException("enterprises must be 0..6,000,000: " + enterprises);
        }
        this.seed = seed;
        this.initialEnterprises = enterprises;
        this.total = enterprises;
        this.numberStep = Math.clamp(7_000_000L / Math.max(1, enterprises), 2, 1000);
        int cap = enterprises + 16;
        verSit = new byte[cap];
        verName = new byte[cap];
        verAddr = new byte[cap];
        verContact = new byte[cap];
        verAct = new byte[cap];
        estStart = new int[enterprises + 1];
        int[] branches = new int[16];
        int nb = 0;
        Profile p = new Profile();
        int est = 0;
        for (int i = 0; i < enterprises; i++) {
            estStart[i] = est;
            profileCore(i, p);
            est += p.estCount0;
            for (int k = 0; k < p.branchCount; k++) {
                if (nb == branches.length) branches = Arrays.copyOf(branches, nb * 2);
                branches[nb++] = i;
            }
        }
        estStart[enterprises] = est;
        this.initialEst = est;
        this.estTotal = est;
        this.estStep = Math.clamp(300_000_000L / Math.max(1, est), 2, 10_000);
        this.branchOwner = branches;
        this.branchTotal = nb;
        this.branchStep = Math.clamp(10_000_000L / Math.max(1, nb), 2, 1000);
    }

    /** As {@link #KboExtractGenerator(long, int)}, with dates generated relative to {@code origin}. */
    public KboExtractGenerator(long seed, int enterprises, LocalDate origin) {
        this(seed, enterprises);
        this.origin = (int) origin.toEpochDay();
    }

    /** Use this code.csv (copied verbatim into every extract) instead of the small built-in one. */
    public KboExtractGenerator codeList(Path codeCsv) {
        try (InputStream in = Files.newInputStream(codeCsv)) {
            return codeList(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Use this code.csv (read fully, copied verbatim into every extract) instead of the built-in one. */
    public KboExtractGenerator codeList(InputStream codeCsv) {
        try {
            byte[] bytes = codeCsv.readAllBytes();
            String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
            if (!head.startsWith(CODE_HEADER)) {
                throw new IllegalArgumentException("not a KBO code.csv (header): "
                        + head.lines().findFirst().orElse(""));
            }
            this.codeCsv = bytes;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Numbers
    // ------------------------------------------------------------------------------------------

    /** 10-digit enterprise number of index i as a long (first8 * 100 + check). */
    long enterpriseValue(int i) {
        long first8 = 2_000_000L
                + (long) i * numberStep
                + Math.floorMod(mix64(seed ^ 0x5DEECE66DL ^ (i * 0x9E3779B97F4A7C15L)), numberStep);
        if (first8 >= 20_000_000L) throw new IllegalStateException("enterprise number space exhausted at index " + i);
        return first8 * 100 + (97 - first8 % 97);
    }

    long establishmentValue(int seq) {
        long v = 2_000_000_000L
                + (long) seq * estStep
                + Math.floorMod(mix64(seed ^ 0x2545F4914F6CDD1DL ^ (seq * 0xC2B2AE3D27D4EB4FL)), estStep);
        if (v >= 3_000_000_000L) throw new IllegalStateException("establishment number space exhausted");
        return v;
    }

    long branchValue(int b) {
        return 9_000_000_000L
                + (long) b * branchStep
                + Math.floorMod(mix64(seed ^ 0x7A3C5E1F9B2D4C6AL ^ (b * 0x165667B19E3779F9L)), branchStep);
    }

    /** {@code 0403.170.701} notation. */
    public static String formatEnterpriseNumber(long v) {
        char[] c = new char[12];
        long d = v;
        for (int k = 11; k >= 0; k--) {
            if (k == 4 || k == 8) {
                c[k] = '.';
                continue;
            }
            c[k] = (char) ('0' + d % 10);
            d /= 10;
        }
        return new String(c);
    }

    /** {@code 2.190.171.611} notation (establishments, branch ids). */
    public static String formatEntityNumber(long v) {
        if (v < 2_000_000_000L) return formatEnterpriseNumber(v);
        char[] c = new char[13];
        long d = v;
        for (int k = 12; k >= 0; k--) {
            if (k == 1 || k == 5 || k == 9) {
                c[k] = '.';
                continue;
            }
            c[k] = (char) ('0' + d % 10);
            d /= 10;
        }
        return new String(c);
    }

    /** True when {@code 9999.999.999}, first digit 0/1 and last2 == 97 - (first8 mod 97). */
    public static boolean isValidEnterpriseNumber(String s) {
        if (s == null || !s.matches("[01]\\d{3}\\.\\d{3}\\.\\d{3}")) return false;
        long v = Long.parseLong(s.replace(".", ""));
        long first8 = v / 100;
        return v % 100 == 97 - first8 % 97;
    }

    private int indexOf(String enterpriseNumber) {
        if (!isValidEnterpriseNumber(enterpriseNumber)) return -1;
        long v = Long.parseLong(enterpriseNumber.replace(".", ""));
        long first8 = v / 100 - 2_000_000L;
        if (first8 < 0) return -1;
        long i = first8 / numberStep;
        if (i >= total || enterpriseValue((int) i) != v) return -1;
        return (int) i;
    }

    // ------------------------------------------------------------------------------------------
    // Random streams
    // ------------------------------------------------------------------------------------------

    private static final int A_PROFILE = 1,
            A_DATE = 2,
            A_SIT = 3,
            A_NAME = 4,
            A_ADDR = 5,
            A_CONTACT = 6,
            A_ACT = 7,
            A_EST = 8,
            A_EST_DATE = 9,
            A_BRANCH = 10,
            A_BRANCH_DATE = 11,
            A_UPDATE = 12;

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private SplittableRandom rng(long id, int aspect, int version) {
        return new SplittableRandom(seed
                ^ mix64(id * 0x9E3779B97F4A7C15L
                        + aspect * 0x632BE59BD9B4E019L
                        + version * 0x85157AF5L
                        + 0x1F83D9ABFB41BD6BL));
    }

    // ------------------------------------------------------------------------------------------
    // Reference tables
    // ------------------------------------------------------------------------------------------

    /** NACE rows: {2003, 2008, 2025, family}; the codes of one row are (roughly) equivalent. */
    static final String[][] NACE = {
        {"72210", "62010", "62100", "0"},
        {"74141", "70220", "70200", "0"},
        {"74151", "70100", "70100", "0"},
        {"74879", "82990", "82990", "0"},
        {"74401", "73110", "73110", "0"},
        {"74872", "74101", "74111", "0"},
        {"55301", "56101", "56111", "1"},
        {"55401", "56301", "56301", "1"},
        {"55101", "55100", "55100", "1"},
        {"45310", "43211", "43211", "2"},
        {"45421", "43320", "43320", "2"},
        {"45211", "41201", "41001", "2"},
        {"45441", "43341", "43341", "2"},
        {"45220", "43910", "43410", "2"},
        {"45250", "43999", "43990", "2"},
        {"52111", "47111", "47110", "3"},
        {"52330", "47750", "47750", "3"},
        {"52610", "47910", "47910", "3"},
        {"51190", "46190", "46190", "11"},
        {"51900", "46900", "46900", "11"},
        {"15811", "10711", "10711", "8"},
        {"01110", "01110", "01110", "8"},
        {"85120", "86210", "86210", "4"},
        {"85130", "86230", "86230", "4"},
        {"93021", "96021", "96210", "5"},
        {"93022", "96022", "96220", "5"},
        {"74121", "69201", "69201", "6"},
        {"70201", "68201", "68201", "6"},
        {"67201", "66220", "66220", "6"},
        {"74151", "64200", "64210", "6"},
        {"60241", "49410", "49410", "7"},
        {"60220", "49320", "49320", "7"},
        {"64120", "53200", "53200", "7"},
        {"50200", "45201", "95311", "7"},
        {"92311", "90011", "90201", "9"},
        {"80422", "85592", "85592", "9"},
        {"85321", "88101", "88101", "4"},
        {"91330", "94991", "94991", "9"},
        {"92611", "93110", "93110", "9"},
        {"74700", "81210", "81210", "5"},
        {"75111", "84114", "84114", "10"},
        {"80104", "85204", "85204", "12"},
        {"80214", "85314", "85314", "12"},
        // detail codes (7 digits in 2008): used by establishment units (group 003) of retail
        {"52485", "4765001", "47640", "3"},
        {"52484", "4777001", "47770", "3"},
        {"52483", "4776101", "47761", "3"}
    };

    private static final int NACE_PUBLIC = 40, NACE_EDU = 41, NACE_DETAIL = 43;
    private static final double[] NACE_W_NATURAL = {
        3, 5, 0.1, 1, 1, 1, 3, 3, 0.3, 3, 3, 2, 3, 2, 2, 1, 1.5, 2, 2, 0.5, 1, 3, 2, 1.5, 3, 2.5, 1.5, 1, 1.5, 0, 1.5,
        1.5, 1, 2, 2, 1.5, 0.2, 0, 0.2, 2, 0, 0, 0
    };
    private static final double[] NACE_W_LEGAL = {
        5, 8, 2, 2, 1.5, 0.5, 4, 2, 1, 3, 2, 4, 1, 1, 1.5, 1, 1, 1.5, 1.5, 3, 0.5, 0.5, 0.8, 0.8, 0.8, 0.5, 2, 5, 1, 6,
        2, 0.5, 0.3, 1.5, 0.5, 0.8, 1, 0.5, 1, 1, 0, 0, 0
    };
    private static final double[] NACE_W_ASSOC = {
        0, 0, 0, 0.2, 0, 0, 0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
        2, 2, 8, 4, 0, 0, 0.6, 0.3
    };
    private static final int[][] NACE_BY_FAMILY = buildFamilies();

    static {
        if (NACE_W_NATURAL.length != NACE_DETAIL
                || NACE_W_LEGAL.length != NACE_DETAIL
                || NACE_W_ASSOC.length != NACE_DETAIL
                || !NACE[NACE_PUBLIC][1].equals("84114")
                || !NACE[NACE_EDU][1].equals("85204")) {
            throw new AssertionError("NACE tables out of line");
        }
    }

    private static int[][] buildFamilies() {
        int[][] out = new int[13][];
        for (int f = 0; f < 13; f++) {
            int ff = f;
            out[f] = java.util.stream.IntStream.range(0, NACE.length)
                    .filter(k -> k < NACE_DETAIL && Integer.parseInt(NACE[k][3]) == ff)
                    .toArray();
        }
        return out;
    }

    /** Juridical forms of legal persons: {code, CAC code or "", weight}; public ones marked with 'P'. */
    static final String[][] FORMS = {
        {"610", "", "28"},
        {"015", "610", "14"},
        {"015", "", "4"},
        {"014", "", "8"},
        {"017", "", "14"},
        {"070", "", "6"},
        {"706", "", "3"},
        {"008", "706", "3"},
        {"612", "", "4"},
        {"012", "612", "1.5"},
        {"011", "", "2"},
        {"702", "", "2"},
        {"030", "", "1.5"},
        {"026", "", "1"},
        {"721", "", "1"},
        {"125", "", "0.5"},
        {"029", "", "0.3"},
        {"006", "", "0.2"},
        {"020", "", "0.3"},
        {"051", "", "0.2"},
        {"200", "", "0.4"},
        {"027", "", "0.05"},
        {"001", "", "0.05"},
        {"016", "706", "0.3"},
        {"124", "", "0.4", "P"},
        {"117", "", "0.3", "P"},
        {"411", "", "0.1", "P"},
        {"416", "", "0.05", "P"},
        {"417", "", "0.05", "P"},
        {"301", "", "0.01", "P"}
    };

    private static final double[] FORM_W =
            Arrays.stream(FORMS).mapToDouble(f -> Double.parseDouble(f[2])).toArray();

    /** Juridical situations at generation time: {code, weight legal, weight natural}. */
    static final String[][] SITUATIONS = {
        {"000", "91.3", "99.0"},
        {"012", "2.6", "0"},
        {"010", "0.9", "0"},
        {"050", "0.5", "0.4"},
        {"048", "0.35", "0.3"},
        {"049", "0.1", "0.05"},
        {"091", "0.25", "0.15"},
        {"013", "0.1", "0"},
        {"014", "0.15", "0"},
        {"001", "0.4", "0"},
        {"002", "0.1", "0"},
        {"090", "0.5", "0"},
        {"100", "1.0", "0"},
        {"020", "0.2", "0"},
        {"021", "0.05", "0"},
        {"051", "0.1", "0.05"},
        {"053", "0.05", "0"},
        {"030", "0.03", "0"},
        {"040", "0.02", "0"},
        {"112", "0.05", "0"},
        {"016", "0", "0.05"}
    };

    private static final double[] SIT_W_LEGAL =
            Arrays.stream(SITUATIONS).mapToDouble(s -> Double.parseDouble(s[1])).toArray();
    private static final double[] SIT_W_NATURAL =
            Arrays.stream(SITUATIONS).mapToDouble(s -> Double.parseDouble(s[2])).toArray();
    /** Targets of a juridical-situation change: {code, weight legal, weight natural}. */
    static final String[][] SIT_CHANGES = {
        {"050", "20", "45"}, {"048", "10", "25"}, {"049", "3", "5"}, {"091", "12", "15"}, {"012", "25", "0"},
        {"010", "10", "0"}, {"013", "3", "0"}, {"020", "2", "0"}, {"090", "5", "0"}, {"000", "10", "10"}
    };

    private static final double[] SITC_W_LEGAL = Arrays.stream(SIT_CHANGES)
            .mapToDouble(s -> Double.parseDouble(s[1]))
            .toArray();
    private static final double[] SITC_W_NATURAL = Arrays.stream(SIT_CHANGES)
            .mapToDouble(s -> Double.parseDouble(s[2]))
            .toArray();

    /** Municipalities {zip, NL, FR, region}: 0 Flanders, 1 Wallonia, 2 Brussels, 3 German-speaking. */
    static final String[][] MUNIS = {
        {"2000", "Antwerpen", "Antwerpen", "0"},
        {"2018", "Antwerpen", "Antwerpen", "0"},
        {"2140", "Antwerpen", "Antwerpen", "0"},
        {"2300", "Turnhout", "Turnhout", "0"},
        {"2440", "Geel", "Geel", "0"},
        {"2500", "Lier", "Lier", "0"},
        {"2800", "Mechelen", "Mechelen", "0"},
        {"2850", "Boom", "Boom", "0"},
        {"2070", "Beveren-Kruibeke-Zwijndrecht", "Beveren-Kruibeke-Zwijndrecht", "0"},
        {"2240", "Zandhoven", "Zandhoven", "0"},
        {"2550", "Kontich", "Kontich", "0"},
        {"2640", "Mortsel", "Mortsel", "0"},
        {"2950", "Kapellen", "Kapellen", "0"},
        {"3000", "Leuven", "Louvain", "0"},
        {"3300", "Tienen", "Tienen", "0"},
        {"3500", "Hasselt", "Hasselt", "0"},
        {"3600", "Genk", "Genk", "0"},
        {"3700", "Tongeren-Borgloon", "Tongeren-Borgloon", "0"},
        {"3220", "Holsbeek", "Holsbeek", "0"},
        {"3080", "Tervuren", "Tervuren", "0"},
        {"1570", "Pajottegem", "Pajottegem", "0"},
        {"1730", "Asse", "Asse", "0"},
        {"1800", "Vilvoorde", "Vilvoorde", "0"},
        {"1970", "Wezembeek-Oppem", "Wezembeek-Oppem", "0"},
        {"8000", "Brugge", "Brugge", "0"},
        {"8400", "Oostende", "Oostende", "0"},
        {"8500", "Kortrijk", "Kortrijk", "0"},
        {"8800", "Roeselare", "Roeselare", "0"},
        {"8900", "Ieper", "Ieper", "0"},
        {"8930", "Menen", "Menen", "0"},
        {"8550", "Zwevegem", "Zwevegem", "0"},
        {"8370", "Blankenberge", "Blankenberge", "0"},
        {"9000", "Gent", "Gent", "0"},
        {"9100", "Sint-Niklaas", "Sint-Niklaas", "0"},
        {"9140", "Temse", "Temse", "0"},
        {"9160", "Lokeren", "Lokeren", "0"},
        {"9200", "Dendermonde", "Dendermonde", "0"},
        {"9300", "Aalst", "Aalst", "0"},
        {"9400", "Ninove", "Ninove", "0"},
        {"9090", "Merelbeke-Melle", "Merelbeke-Melle", "0"},
        {"9690", "Kluisbergen", "Kluisbergen", "0"},
        {"9870", "Zulte", "Zulte", "0"},
        {"4000", "Liège", "Liège", "1"},
        {"4020", "Liège", "Liège", "1"},
        {"4031", "Liège", "Liège", "1"},
        {"4800", "Verviers", "Verviers", "1"},
        {"5000", "Namur", "Namur", "1"},
        {"5100", "Namur", "Namur", "1"},
        {"6000", "Charleroi", "Charleroi", "1"},
        {"7000", "Mons", "Mons", "1"},
        {"7021", "Mons", "Mons", "1"},
        {"7500", "Tournai", "Tournai", "1"},
        {"7700", "Mouscron", "Mouscron", "1"},
        {"7100", "La Louvière", "La Louvière", "1"},
        {"1300", "Wavre", "Wavre", "1"},
        {"1340", "Ottignies-Louvain-la-Neuve", "Ottignies-Louvain-la-Neuve", "1"},
        {"1400", "Nivelles", "Nivelles", "1"},
        {"1420", "Braine-l'Alleud", "Braine-l'Alleud", "1"},
        {"1380", "Lasne", "Lasne", "1"},
        {"6700", "Arlon", "Arlon", "1"},
        {"4500", "Huy", "Huy", "1"},
        {"7370", "Dour", "Dour", "1"},
        {"7080", "Frameries", "Frameries", "1"},
        {"7340", "Colfontaine", "Colfontaine", "1"},
        {"6600", "Bastogne", "Bastogne", "1"},
        {"4100", "Seraing", "Seraing", "1"},
        {"7870", "Lens (Hainaut)", "Lens (Hainaut)", "1"},
        {"1000", "Brussel", "Bruxelles", "2"},
        {"1020", "Brussel", "Bruxelles", "2"},
        {"1030", "Schaarbeek", "Schaerbeek", "2"},
        {"1040", "Etterbeek", "Etterbeek", "2"},
        {"1050", "Elsene", "Ixelles", "2"},
        {"1060", "Sint-Gillis", "Saint-Gilles", "2"},
        {"1070", "Anderlecht", "Anderlecht", "2"},
        {"1080", "Sint-Jans-Molenbeek", "Molenbeek-Saint-Jean", "2"},
        {"1090", "Jette", "Jette", "2"},
        {"1140", "Evere", "Evere", "2"},
        {"1160", "Oudergem", "Auderghem", "2"},
        {"1180", "Ukkel", "Uccle", "2"},
        {"1190", "Vorst", "Forest", "2"},
        {"1200", "Sint-Lambrechts-Woluwe", "Woluwe-Saint-Lambert", "2"},
        {"1210", "Sint-Joost-ten-Node", "Saint-Josse-ten-Noode", "2"},
        {"4700", "Eupen", "Eupen", "3"},
        {"4780", "Sankt Vith", "Saint-Vith", "3"},
        {"4720", "Kelmis", "La Calamine", "3"},
        {"4790", "Burg-Reuland", "Burg-Reuland", "3"}
    };

    private static final int[][] MUNIS_BY_REGION = {range(0, 42), range(42, 67), range(67, 82), range(82, 86)};

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    static final String[] STREETS_NL = {
        "Kerkstraat",
        "Stationsstraat",
        "Dorpsstraat",
        "Molenstraat",
        "Nieuwstraat",
        "Schoolstraat",
        "Kapelstraat",
        "Grote Markt",
        "Industrieweg",
        "Brusselsesteenweg",
        "Leuvensesteenweg",
        "Kortrijkstraat(Z)",
        "Oud-Strijdersstraat",
        "Ter Voort",
        "Leuvenstraat",
        "Vierselbaan",
        "Heikant(STE)",
        "Kasteellaan",
        "Nachtegaalstraat",
        "Koning Albertlaan",
        "Sint-Jansstraat",
        "Lamorinièrestraat",
        "Boerenkrijglaan",
        "Hoogstraat",
        "Populierenlaan",
        "Veldstraat",
        "Gentsesteenweg",
        "Zavelstraat(OPL)",
        "Vinkstraat(LST)",
        "Pastoor Mellaertsstraat",
        "Karel Hofmanstraat (STG)",
        "Brugsesteenweg(Kor)"
    };
    static final String[] STREETS_FR = {
        "Rue de la Station",
        "Rue de l'Église",
        "Chaussée de Bruxelles",
        "Place Saint-Lambert",
        "Rue du Moulin",
        "Avenue des Combattants",
        "Rue Émile Vandervelde",
        "Rue Saint-Pierre",
        "Chaussée du Roeulx",
        "Rue de l'Ange",
        "Rue de France",
        "Rue Haute",
        "Rue du Château",
        "Avenue de la Gare",
        "Rue Pierre-Molinghen",
        "Chemin du Bois Magonette",
        "Rue Docteur G. Descamps",
        "Rue Amedée Gain(L)",
        "Grand-Place",
        "Rue des Écoles",
        "Rue Emile Cornez",
        "Ch de Mont St Jean"
    };
    static final String[][] STREETS_BRU = {
        {"Wetstraat", "Rue de la Loi"},
        {"Louizalaan", "Avenue Louise"},
        {"Nieuwstraat", "Rue Neuve"},
        {"Eikstraat", "Rue du Chêne"},
        {"Koningsstraat", "Rue Royale"},
        {"Kerkhof van Brussellaan", "Av. du Cimetière de Brux."},
        {"Hoogstraat", "Rue Haute"},
        {"Elsensesteenweg", "Chaussée d'Ixelles"},
        {"Vorstlaan", "Boulevard du Souverain"},
        {"Louis Mettewielaan", "Boulevard Louis Mettewie"},
        {"Edmond Van Nieuwenhuyselaan", "Av. Edmond Van Nieuwenhuyse"},
        {"Uyttenhovestraat", "Rue Uyttenhove"},
        {"Sint-Katelijneplein", "Place Sainte-Catherine"},
        {"Waversesteenweg", "Chaussée de Wavre"}
    };
    static final String[] STREETS_DE = {
        "Aachener Straße",
        "Bergstraße, Dürler",
        "Hauptstraße",
        "Klosterstraße",
        "Neustraße",
        "Wallhäuser Straße, Dürler",
        "Kirchstraße"
    };
    /** Abroad: {CountryNL, CountryFR, zip, municipality, street}. */
    static final String[][] ABROAD = {
        {"Frankrijk", "France", "62000", "Arras", "Rue des Jongleurs"},
        {"Frankrijk", "France", "59000", "Lille", "Rue Nationale"},
        {"Frankrijk", "France", "75008", "Paris", "Avenue des Champs-Élysées"},
        {"Nederland", "Pays-Bas", "6211 LE", "Maastricht", "Markt"},
        {"Nederland", "Pays-Bas", "1012 JS", "Amsterdam", "Damrak"},
        {"Duitsland (Bondsrep.)", "Allemagne (Rép.féd.)", "52062", "Aachen", "Theaterstraße"},
        {"Duitsland (Bondsrep.)", "Allemagne (Rép.féd.)", "", "West-Duitsland", "Stolberg  519 (Rheinland)"},
        {"Luxemburg (Groothertogdom)", "Luxembourg (Grand-Duché)", "L-1940", "Luxembourg", "Route de Longwy"},
        {"Verenigd Koninkrijk", "Royaume-Uni", "EC2V 7HH", "London", "Gresham Street"},
        {"Verenigde Staten van Amerika", "Etats-Unis d'Amérique", "10017", "New York", "Lexington Avenue"},
        {"Spanje", "Espagne", "08001", "Barcelona", "Carrer de Sant Pau"}
    };

    static final String[] BOXES = {"1", "2", "3", "12", "22", "b", "A", "LM", "2ét", "303", "D000", "/", "bus 4", "0.1"
    };
    static final String[] EXTRA_INFO = {
        "KMO zone Putakker",
        "Industriepark Noord",
        "Résidence Les Tilleuls",
        "LENS DENTAL CLINIC",
        "Handelscentrum \"De Brug\"",
        "Zoning industriel, Hall 3",
        "c/o Fiduciaire Dubois"
    };

    static final String[] SURNAMES = {
        "Peeters",
        "Janssens",
        "Maes",
        "Jacobs",
        "Mertens",
        "Willems",
        "Claes",
        "Goossens",
        "Wouters",
        "De Smet",
        "Dubois",
        "Lambert",
        "Dupont",
        "Martin",
        "Simon",
        "Laurent",
        "Leclercq",
        "Lemaire",
        "Renard",
        "Mathieu",
        "Van den Broeck",
        "Vermeulen",
        "De Clercq",
        "Pauwels",
        "Hermans",
        "Prégaldien",
        "Müller",
        "Schmitz",
        "Nguyen",
        "Yılmaz",
        "El Amrani",
        "Öztürk",
        "Çelik",
        "Kowalski",
        "Fernández",
        "Gonçalves",
        "Callebaut",
        "De Groote",
        "Vandereviere",
        "Van Nimmen",
        "Vantongerloo",
        "Ferrarelli",
        "D'Hondt",
        "Van de Velde",
        "Lefèvre",
        "Desmet",
        "Cabrera Valarezo",
        "Bogaert",
        "Verstraete",
        "Michiels",
        "Dewitte",
        "Vandenberghe",
        "Mølgaard",
        "Boulanger",
        "Collignon",
        "Herbrand",
        "Kaya",
        "Diallo"
    };
    static final String[] FIRSTNAMES = {
        "Jan",
        "Marie",
        "Lucas",
        "Emma",
        "Noah",
        "Louise",
        "Élodie",
        "Zoë",
        "Hélène",
        "François",
        "Jérôme",
        "Anaïs",
        "Chloé",
        "Sören",
        "Björn",
        "Ine",
        "Febe",
        "Senne",
        "Thibault",
        "Loïc",
        "Brenda",
        "Vicky",
        "Jessica",
        "Angel",
        "Manon",
        "Oriana",
        "Bianca",
        "Coralie",
        "Alexandre",
        "Tine",
        "Olivier",
        "Pieter",
        "Sofie",
        "Ahmed",
        "Fatima",
        "Mehmet",
        "Ana",
        "Joël",
        "Maël",
        "Amélie",
        "Ruben",
        "Lotte",
        "Arne",
        "Wout",
        "Gaëlle"
    };
    static final String[] WORDS_NL = {
        "Bouw",
        "Immo",
        "Consult",
        "Transport",
        "Techniek",
        "Media",
        "Design",
        "Zorg",
        "Dakwerken",
        "Elektro",
        "Schrijnwerkerij",
        "Bakkerij",
        "Tuinen",
        "Invest",
        "Beheer",
        "Advies",
        "Renovatie",
        "Logistiek",
        "Verzekeringen",
        "Vastgoed",
        "Energie",
        "Installaties",
        "Kapsalon",
        "Interieur",
        "Groep"
    };
    static final String[] WORDS_FR = {
        "Construction",
        "Immo",
        "Consulting",
        "Transports",
        "Technique",
        "Médias",
        "Design",
        "Santé",
        "Toitures",
        "Électricité",
        "Menuiserie",
        "Boulangerie",
        "Jardins",
        "Invest",
        "Gestion",
        "Conseil",
        "Rénovation",
        "Logistique",
        "Assurances",
        "Immobilière",
        "Énergie",
        "Installations",
        "Coiffure",
        "Intérieur",
        "Groupe"
    };
    static final String[] WORDS_EN = {
        "Solutions",
        "Consulting",
        "Services",
        "Holding",
        "Capital",
        "Partners",
        "Labs",
        "Digital",
        "Trading",
        "Ventures",
        "Studio",
        "Logistics",
        "Management",
        "Group",
        "Technologies"
    };
    static final String[] PLACES = {
        "Antwerpen",
        "Gent",
        "Brugge",
        "Leuven",
        "Namur",
        "Liège",
        "Mons",
        "Brussel",
        "Bruxelles",
        "Kortrijk",
        "Hasselt",
        "Eupen",
        "Lauwe",
        "Sint-Cecilia",
        "Ardenne",
        "Kempen",
        "Westhoek"
    };
    static final String[] HORECA = {
        "Bistro", "Brasserie", "Café", "Taverne", "Frituur", "Restaurant", "Pizzeria", "Snack"
    };
    static final String[] HORECA_NAMES = {
        "De Klok",
        "Le Coq d'Or",
        "Den Engel",
        "La Bonne Étoile",
        "'t Hoekske",
        "Chez Hélène",
        "De Zwaan",
        "Au Vieux Marché",
        "Sint-Joris",
        "L'Escale"
    };
    static final String[] ASSOC_NL = {
        "Vrienden van",
        "Koninklijke Harmonie",
        "Jeugdhuis",
        "Sportclub",
        "Oudercomité",
        "Vzw Buurtwerk",
        "Koninklijke Fanfare",
        "Volleybalclub"
    };
    static final String[] ASSOC_FR = {
        "Les Amis de",
        "Cercle Royal",
        "Maison de Jeunes",
        "Club Sportif",
        "Comité des Fêtes de",
        "Royale Fanfare",
        "Association des Parents de"
    };
    static final String[] MAIL_DOMAINS = {
        "gmail.com", "hotmail.com", "skynet.be", "telenet.be", "outlook.com", "proximus.be"
    };

    // ------------------------------------------------------------------------------------------
    // Per-enterprise profile (immutable part, derived from seed and index)
    // ------------------------------------------------------------------------------------------

    static final class Profile {
        int index;
        long number;
        String num;
        boolean legal;
        int form = -1; // index into FORMS, -1 for natural persons
        boolean publicBody;
        boolean assoc;
        int region;
        int muni;
        int lang; // 1 FR, 2 NL, 3 DE, 4 EN, 0 unknown
        int sector; // index into NACE
        boolean employer;
        int estCount0;
        int branchCount;
        boolean foreign;
        boolean rego;
        int startDay;
        boolean born;
    }

    private static int pick(SplittableRandom r, double[] w) {
        double sum = 0;
        for (double x : w) sum += x;
        double u = r.nextDouble() * sum;
        for (int k = 0; k < w.length; k++) {
            u -= w[k];
            if (u < 0) return k;
        }
        return w.length - 1;
    }

    private static <T> T any(SplittableRandom r, T[] a) {
        return a[r.nextInt(a.length)];
    }

    /** Profile without dates (usable before the origin is known). Always draws the same number of values. */
    private void profileCore(int i, Profile p) {
        SplittableRandom r = rng(i, A_PROFILE, 0);
        p.index = i;
        p.born = i >= initialEnterprises;
        p.legal = r.nextDouble() >= 0.60;
        double uForm = r.nextDouble();
        double uRegion = r.nextDouble();
        double uMuni = r.nextDouble();
        double uLang = r.nextDouble();
        double uSector = r.nextDouble();
        double uEmp = r.nextDouble();
        double uEst = r.nextDouble();
        double uEst2 = r.nextDouble();
        double uBranch = r.nextDouble();
        double uForeign = r.nextDouble();
        double uRego = r.nextDouble();

        p.form = -1;
        p.publicBody = false;
        p.assoc = false;
        if (p.legal) {
            p.form = pickU(uForm, FORM_W);
            p.publicBody = FORMS[p.form].length > 3;
            String f = FORMS[p.form][0];
            p.assoc = f.equals("017") || f.equals("125") || f.equals("026") || f.equals("029") || f.equals("020");
        }
        p.region = uRegion < 0.58 ? 0 : uRegion < 0.88 ? 1 : uRegion < 0.99 ? 2 : 3;
        int[] munis = MUNIS_BY_REGION[p.region];
        p.muni = munis[(int) (uMuni * munis.length)];
        if (!p.legal) {
            p.lang = 0;
        } else if (uLang < 0.05) {
            p.lang = 0;
        } else if (uLang < 0.07) {
            p.lang = 4;
        } else {
            p.lang = switch (p.region) {
                case 0 -> 2;
                case 1 -> 1;
                case 2 -> uLang < 0.70 ? 1 : 2;
                default -> uLang < 0.6 ? 3 : 1;
            };
        }
        if (p.publicBody) {
            p.sector = NACE_PUBLIC;
        } else if (p.assoc) {
            p.sector = pickU(uSector, NACE_W_ASSOC);
        } else {
            p.sector = pickU(uSector, p.legal ? NACE_W_LEGAL : NACE_W_NATURAL);
        }
        p.employer = p.legal ? uEmp < (p.publicBody ? 0.9 : 0.26) : uEmp < 0.05;
        // establishment units: natural persons nearly always one, legal persons a long tail
        if (!p.legal) {
            p.estCount0 = uEst < 0.19 ? 0 : uEst < 0.98 ? 1 : 2 + (int) (uEst2 * 3);
        } else if (uEst < 0.50) {
            p.estCount0 = 0;
        } else if (uEst < 0.88) {
            p.estCount0 = 1;
        } else if (uEst < 0.94) {
            p.estCount0 = 2;
        } else if (uEst < 0.98) {
            p.estCount0 = 3 + (int) (uEst2 * 3);
        } else {
            // 6 .. ~250, heavy tail (retail chains, schools, municipalities)
            p.estCount0 = (int) Math.min(250, 6 / Math.pow(1 - uEst2 * 0.985, 0.55));
        }
        p.foreign = p.legal && FORMS[p.form][0].equals("030");
        p.branchCount = p.foreign && uBranch < 0.55 ? (uBranch < 0.03 ? 2 : 1) : 0;
        if (p.foreign || p.born) p.estCount0 = Math.min(p.estCount0, 1); // new enterprises start small
        p.rego = p.legal ? uRego < 0.99 : uRego < 0.338;
        p.number = enterpriseValue(i);
        p.num = null;
    }

    private static int pickU(double u, double[] w) {
        double sum = 0;
        for (double x : w) sum += x;
        double t = u * sum;
        for (int k = 0; k < w.length; k++) {
            t -= w[k];
            if (t < 0) return k;
        }
        return w.length - 1;
    }

    /** Full profile including start date; requires the origin. */
    private void profile(int i, Profile p) {
        profileCore(i, p);
        p.num = formatEnterpriseNumber(p.number);
        SplittableRandom r = rng(i, A_DATE, 0);
        double u1 = r.nextDouble(), u2 = r.nextDouble(), u3 = r.nextDouble();
        if (p.born) {
            int born = bornDay[i - initialEnterprises];
            // the real Update shows start dates up to a month before (and one day after) the snapshot
            p.startDay = u1 < 0.1 ? born + 1 : born - (int) (u2 * 28);
            return;
        }
        int maxAgo = origin - 1 - DAY_1950;
        if (p.legal && u1 < 0.012 && origin > DAY_1968) {
            p.startDay = DAY_1968;
            return;
        }
        double meanYears = p.legal ? 17 : 10;
        int ago = 1 + (int) Math.min(maxAgo - 1, -Math.log(1 - u2 * 0.999999) * meanYears * 365.25);
        if (u3 < 0.02) ago = 1 + (int) (u3 / 0.02 * 60); // a few very recent ones
        p.startDay = origin - ago;
    }

    private void requireOrigin() {
        if (origin == Integer.MIN_VALUE) {
            throw new IllegalStateException(
                    "no snapshot yet: write an extract first or pass an origin date to the constructor");
        }
    }

    private static String day(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).format(DMY);
    }

    // ------------------------------------------------------------------------------------------
    // Row generation (one method per file and entity kind); all emit fields exactly as written
    // ------------------------------------------------------------------------------------------

    interface Sink {
        void row(String... fields);
    }

    String situation(Profile p, int ver) {
        SplittableRandom r = rng(p.index, A_SIT, 0);
        String cur = p.born ? "000" : SITUATIONS[pick(r, p.legal ? SIT_W_LEGAL : SIT_W_NATURAL)][0];
        for (int v = 1; v <= ver; v++) {
            SplittableRandom rv = rng(p.index, A_SIT, v);
            String next;
            do {
                next = SIT_CHANGES[pick(rv, p.legal ? SITC_W_LEGAL : SITC_W_NATURAL)][0];
            } while (next.equals(cur));
            cur = next;
        }
        return cur;
    }

    private void enterpriseRow(Profile p, Sink s) {
        String form = p.legal ? FORMS[p.form][0] : "";
        String cac = "";
        if (p.legal && !FORMS[p.form][1].isEmpty()) {
            // not every old-form company has its Companies Code form filled in
            cac = (mix64(seed ^ p.number) & 7) < 6 ? FORMS[p.form][1] : "";
        }
        s.row(p.num, "AC", situation(p, verSit[p.index] & 0xFF), p.legal ? "2" : "1", form, cac, day(p.startDay));
    }

    private String personName(SplittableRandom r) {
        return any(r, SURNAMES) + ", " + any(r, FIRSTNAMES);
    }

    private static String suffix(Profile p, int lang) {
        String f = FORMS[p.form][0];
        boolean fr = lang == 1 || lang == 3 && f.equals("017");
        return switch (f) {
            case "610" -> fr ? "SRL" : "BV";
            case "015" -> fr ? "SPRL" : "BVBA";
            case "014" -> fr ? "SA" : "NV";
            case "017" -> fr ? "ASBL" : "VZW";
            case "612", "012" -> fr ? "SComm" : "CommV";
            case "706", "008" -> fr ? "SC" : "CV";
            case "011" -> fr ? "SNC" : "VOF";
            default -> "";
        };
    }

    private String legalName(Profile p, SplittableRandom r, int lang) {
        String[] words = lang == 1 ? WORDS_FR : lang == 4 ? WORDS_EN : WORDS_NL;
        String name;
        if (p.assoc || p.publicBody) {
            int k = r.nextInt(3);
            if (p.publicBody) {
                name = (lang == 1 ? "Commune de " : "Gemeente ") + MUNIS[p.muni][lang == 1 ? 2 : 1];
            } else if (k == 0) {
                name = (lang == 1 ? any(r, ASSOC_FR) : any(r, ASSOC_NL)) + " " + any(r, PLACES);
            } else if (k == 1) {
                name = (lang == 1 ? "Les Amis de " : "Vrienden van ") + any(r, FIRSTNAMES) + " " + any(r, SURNAMES);
            } else {
                name = any(r, WORDS_EN) + " " + any(r, PLACES);
            }
        } else {
            int pattern = r.nextInt(100);
            if (pattern < 22) {
                name = any(r, SURNAMES) + " " + any(r, words);
            } else if (pattern < 42) {
                String a = any(r, words), b = any(r, WORDS_EN);
                name = a + b.toLowerCase(java.util.Locale.ROOT);
            } else if (pattern < 52) {
                name = any(r, SURNAMES) + " & " + (lang == 1 ? "Fils" : any(r, SURNAMES));
            } else if (pattern < 62) {
                name = acronym(r, 2 + r.nextInt(3), r.nextBoolean()) + " " + any(r, words);
            } else if (pattern < 68) {
                name = lang == 1 ? "L'Atelier de " + any(r, FIRSTNAMES) : "'t Atelier van " + any(r, FIRSTNAMES);
            } else if (pattern < 73) {
                name = any(r, HORECA) + " \"" + any(r, HORECA_NAMES) + "\"";
            } else if (pattern < 78) {
                name = any(r, SURNAMES) + ", " + any(r, SURNAMES) + (lang == 1 ? " et Associés" : " & Partners");
            } else if (pattern < 88) {
                name = any(r, WORDS_EN) + " " + any(r, PLACES);
            } else {
                name = any(r, FIRSTNAMES) + " " + any(r, SURNAMES) + " " + any(r, words);
            }
            if (r.nextInt(10) < 2) name = name.toUpperCase(java.util.Locale.ROOT);
        }
        if (r.nextInt(100) < 40) {
            String sfx = suffix(p, lang);
            if (!sfx.isEmpty()) name = name + " " + sfx;
        }
        return name;
    }

    private static String acronym(SplittableRandom r, int len, boolean dots) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < len; k++) {
            b.append((char) ('A' + r.nextInt(26)));
            if (dots && k < len - 1) b.append('.');
        }
        return b.toString();
    }

    private static String abbreviation(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : name.split("[ ,&'\"-]+")) {
            if (!w.isEmpty() && Character.isLetter(w.charAt(0))) b.append(Character.toUpperCase(w.charAt(0)));
        }
        return b.length() < 2 ? name.toUpperCase(java.util.Locale.ROOT) : b.toString();
    }

    /** The base (version 0) name of an enterprise, reused by its establishment units. */
    private String baseName(Profile p) {
        SplittableRandom r = rng(p.index, A_NAME, 0);
        return p.legal ? legalName(p, r, Math.max(p.lang, 1)) : personName(r);
    }

    private static String lang(int l) {
        return switch (l) {
            case 1 -> "1";
            case 2 -> "2";
            case 3 -> "3";
            case 4 -> "4";
            default -> "0";
        };
    }

    private void entDenominations(Profile p, int ver, Sink s) {
        SplittableRandom r = rng(p.index, A_NAME, ver);
        if (!p.legal) {
            String person = personName(rng(p.index, A_NAME, 0));
            if (ver > 0) {
                r.nextInt();
            } else {
                personName(r); // keep the draw sequence aligned with baseName
            }
            s.row(p.num, "0", "001", person);
            if (ver > 0 || r.nextDouble() < 0.03) {
                s.row(p.num, lang(p.region == 1 ? 1 : 2), "003", tradeName(p, r, person));
            }
            return;
        }
        int l = Math.max(p.lang, 1);
        String name = legalName(p, r, l);
        s.row(p.num, lang(p.lang), "001", name);
        double u = r.nextDouble();
        if (p.region == 2 && u < 0.30 || u > 0.985) {
            int other = l == 1 ? 2 : 1;
            s.row(p.num, lang(other), "001", legalName(p, r, other));
        }
        if (r.nextDouble() < 0.22) s.row(p.num, lang(p.lang), "002", abbreviation(name));
        if (r.nextDouble() < 0.06) s.row(p.num, lang(p.lang), "003", tradeName(p, r, name));
    }

    private String tradeName(Profile p, SplittableRandom r, String base) {
        String plain = base.contains(", ") && !p.legal ? base.replace(",", "") : base;
        int k = r.nextInt(10);
        String[] words = p.region == 1 ? WORDS_FR : WORDS_NL;
        return switch (k) {
            case 0, 1 -> plain;
            case 2 -> any(r, FIRSTNAMES) + "'s " + any(r, words);
            case 3 -> any(r, HORECA) + " " + any(r, HORECA_NAMES);
            case 4 -> (p.region == 1 ? "Soins à domicile " : "Thuiszorg ") + any(r, FIRSTNAMES);
            case 5 -> any(r, words) + " " + any(r, PLACES);
            case 6 -> acronym(r, 2 + r.nextInt(2), false) + " " + any(r, WORDS_EN);
            case 7 -> any(r, WORDS_EN) + " " + any(r, SURNAMES);
            case 8 -> base;
            default -> any(r, SURNAMES) + " " + any(r, words);
        };
    }

    private void belgianAddress(
            String entity, String type, int muniIndex, SplittableRandom r, String strikeOff, Sink s) {
        String[] m = MUNIS[muniIndex];
        int region = Integer.parseInt(m[3]);
        String nl, fr;
        switch (region) {
            case 2 -> {
                String[] st = any(r, STREETS_BRU);
                nl = st[0];
                fr = st[1];
            }
            case 1 -> nl = fr = any(r, STREETS_FR);
            case 3 -> nl = fr = any(r, STREETS_DE);
            default -> nl = fr = any(r, STREETS_NL);
        }
        int h = 1 + (int) (-Math.log(1 - r.nextDouble()) * 40);
        String house = Integer.toString(Math.min(h, 1999));
        int u = r.nextInt(100);
        if (u < 6) house += (char) ('A' + r.nextInt(4));
        else if (u < 8) house += (char) ('a' + r.nextInt(3));
        String box = r.nextInt(100) < 22 ? any(r, BOXES) : "";
        String extra = r.nextInt(1000) < 8 ? any(r, EXTRA_INFO) : "";
        s.row(entity, type, "", "", m[0], m[1], m[2], nl, fr, house, box, extra, strikeOff);
    }

    private void abroadAddress(String entity, String type, SplittableRandom r, Sink s) {
        String[] a = any(r, ABROAD);
        String house = a[4].startsWith("Stolberg") ? "" : Integer.toString(1 + r.nextInt(120));
        s.row(entity, type, a[0], a[1], a[2], a[3], a[3], a[4], a[4], house, "", "", "");
    }

    private int otherMuni(Profile p, SplittableRandom r) {
        if (r.nextInt(10) < 7) {
            int[] m = MUNIS_BY_REGION[p.region];
            return m[r.nextInt(m.length)];
        }
        return r.nextInt(MUNIS.length);
    }

    private void entAddresses(Profile p, int ver, Sink s) {
        SplittableRandom r = rng(p.index, A_ADDR, ver);
        if (ver == 0) {
            if (!p.rego) return;
            if (p.foreign && r.nextInt(100) < 85 || !p.foreign && r.nextInt(1000) < 3) {
                abroadAddress(p.num, "REGO", r, s);
                return;
            }
            String strike = "";
            if (r.nextInt(1000) < 10 && origin - p.startDay > 2) {
                strike = day(p.startDay + 1 + r.nextInt(origin - p.startDay - 1));
            }
            belgianAddress(p.num, "REGO", p.muni, r, strike, s);
            return;
        }
        if (r.nextInt(100) < 3) {
            abroadAddress(p.num, "REGO", r, s);
        } else {
            belgianAddress(p.num, "REGO", otherMuni(p, r), r, "", s);
        }
    }

    private static String slug(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replace("ı", "i")
                .replace("ø", "o");
        n = n.replaceAll("\\b(bv|srl|nv|sa|vzw|asbl|bvba|sprl|commv|scomm|cv|sc|vof|snc)\\b", "");
        n = n.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return n.isEmpty() ? "info" : n;
    }

    private void contacts(
            String entity, String entityContact, String name, boolean person, SplittableRandom r, Sink s) {
        int count = 1;
        while (count < 8 && r.nextDouble() < 0.40) count++;
        int tel = 0, mail = 0, web = 0;
        for (int k = 0; k < count; k++) {
            double u = r.nextDouble();
            if (u < 0.36) tel++;
            else if (u < 0.80) mail++;
            else web++;
        }
        String sl = slug(name);
        String tld = r.nextInt(10) < 8 ? "be" : r.nextBoolean() ? "eu" : "com";
        for (int k = 0; k < tel; k++) {
            s.row(entity, entityContact, "TEL", phone(r));
        }
        for (int k = 0; k < mail; k++) {
            String m = switch (r.nextInt(6)) {
                case 0, 1 -> (person ? "contact" : "info") + "@" + sl + "." + tld;
                case 2 -> sl.replace('-', '.') + "@" + any(r, MAIL_DOMAINS);
                case 3 ->
                    any(r, new String[] {"boekhouding", "facturen", "admin", "compta", "Treasury"}) + "@" + sl + "."
                            + tld;
                case 4 -> sl.replace("-", "") + k + "@" + any(r, MAIL_DOMAINS);
                default -> sl.replace('-', '_') + "@" + any(r, MAIL_DOMAINS);
            };
            s.row(entity, entityContact, "EMAIL", m);
        }
        for (int k = 0; k < web; k++) {
            String w = switch (r.nextInt(5)) {
                case 0, 1 -> "www." + sl + "." + tld;
                case 2 -> sl + "." + tld + "/";
                case 3 -> "https://www." + sl + ".com";
                default -> "www.facebook.com/profile.php?id=6158" + (1_000_000_000L + r.nextLong(8_999_999_999L));
            };
            if (k > 0) w = w.replace("." + tld, k == 1 ? ".eu" : ".net");
            s.row(entity, entityContact, "WEB", w);
        }
    }

    private static String phone(SplittableRandom r) {
        int a = r.nextInt(100), b = r.nextInt(100), c = r.nextInt(100), d = r.nextInt(100);
        return switch (r.nextInt(7)) {
            case 0 -> String.format("0%d/%02d-%02d-%02d", 10 + r.nextInt(80), a % 90 + 10, b, c);
            case 1 -> String.format("+32%d%02d%02d%02d%02d", 4, 70 + r.nextInt(30), a, b, c);
            case 2 -> String.format("04%02d/%02d.%02d.%02d", 70 + r.nextInt(30), a, b, c);
            case 3 -> String.format("02 %03d %02d %02d", 200 + r.nextInt(700), a, b);
            case 4 -> String.format("04%02d%02d%02d%02d", 70 + r.nextInt(30), a, b, c);
            case 5 -> String.format("+32 4%02d %02d %02d %02d", 70 + r.nextInt(30), a, b, d);
            default -> String.format("0%d %03d %03d", 10 + r.nextInt(80), 100 + r.nextInt(900), r.nextInt(1000));
        };
    }

    private void entContacts(Profile p, int ver, Sink s) {
        SplittableRandom r = rng(p.index, A_CONTACT, ver);
        double prob = ver > 0 ? 0.9 : p.legal ? 0.34 : 0.07;
        if (r.nextDouble() >= prob) return;
        String name = ver == 0 ? baseName(p) : legalOrPerson(p, r);
        contacts(p.num, "ENT", name, !p.legal, r, s);
    }

    private String legalOrPerson(Profile p, SplittableRandom r) {
        return p.legal ? legalName(p, r, Math.max(1, p.lang)) : personName(r);
    }

    private int randomSector(Profile p, SplittableRandom r) {
        if (p.assoc) return pick(r, NACE_W_ASSOC);
        return pick(r, p.legal ? NACE_W_LEGAL : NACE_W_NATURAL);
    }

    private int relatedSector(int sector, SplittableRandom r) {
        int fam = Integer.parseInt(NACE[sector][3]);
        int[] same = NACE_BY_FAMILY[fam];
        if (r.nextInt(10) < 7 && same.length > 0) return same[r.nextInt(same.length)];
        return r.nextInt(NACE_PUBLIC);
    }

    /** Emits codes for each NACE version: 2025, 2008 and (when old enough) 2003, like the real files. */
    private static void emitActivities(
            String entity, String group, int[] codes, String[] classes, boolean with2003, Sink s) {
        for (int k = 0; k < codes.length; k++) s.row(entity, group, "2025", NACE[codes[k]][2], classes[k]);
        for (int k = 0; k < codes.length; k++) s.row(entity, group, "2008", NACE[codes[k]][1], classes[k]);
        if (with2003) {
            for (int k = 0; k < codes.length; k++) s.row(entity, group, "2003", NACE[codes[k]][0], classes[k]);
        }
    }

    private int[] distinctCodes(int first, int count, SplittableRandom r, boolean allowDetail) {
        int[] out = new int[count];
        out[0] = first;
        int n = 1;
        int guard = 0;
        boolean retail = NACE[first][3].equals("3");
        while (n < count && guard++ < count * 20) {
            int c;
            if (allowDetail && retail && r.nextInt(4) == 0) {
                c = NACE_DETAIL + r.nextInt(NACE.length - NACE_DETAIL);
            } else if (r.nextInt(6) == 0) {
                c = r.nextInt(NACE_PUBLIC);
            } else {
                c = relatedSector(first, r);
            }
            boolean dup = false;
            for (int k = 0; k < n; k++) dup |= out[k] == c;
            if (!dup) out[n++] = c;
        }
        return n == count ? out : Arrays.copyOf(out, n);
    }

    private void entActivities(Profile p, int ver, Sink s) {
        SplittableRandom r = rng(p.index, A_ACT, ver);
        boolean with2003 = p.startDay < DAY_2008 && r.nextDouble() < 0.9;
        int main = ver == 0 || r.nextInt(10) < 7 ? p.sector : randomSector(p, r);
        if (!p.publicBody && (ver > 0 || r.nextDouble() < (p.legal ? 0.86 : 0.90))) {
            int seco = 0;
            double more = p.legal ? 0.62 : 0.52;
            while (seco < 20 && r.nextDouble() < more) seco++;
            int[] codes = distinctCodes(main, 1 + seco, r, false);
            String[] classes = new String[codes.length];
            for (int k = 0; k < codes.length; k++) {
                classes[k] = k == 0 ? "MAIN" : r.nextInt(50) == 0 ? "ANCI" : "SECO";
            }
            emitActivities(p.num, "001", codes, classes, with2003, s);
        }
        if (p.employer) {
            int[] codes = {main};
            String group = p.publicBody ? "005" : "006";
            emitActivities(p.num, group, codes, new String[] {"MAIN"}, with2003 || p.startDay < DAY_2008, s);
        }
        if (p.assoc && (main == NACE_EDU || main == NACE_EDU + 1)) {
            emitActivities(p.num, "007", new int[] {main}, new String[] {"MAIN"}, false, s);
        }
    }

    // --- establishments

    private int estStartDay(Profile p, int seq, boolean first) {
        if (seq >= initialEst) return extraEstDay[seq - initialEst];
        SplittableRandom r = rng(seq, A_EST_DATE, 0);
        double u = r.nextDouble(), v = r.nextDouble();
        if (first && u < 0.7 || p.startDay >= origin - 1) return p.startDay;
        return p.startDay + (int) (v * (origin - 1 - p.startDay));
    }

    private void estRow(Profile p, int seq, boolean first, Sink s) {
        s.row(formatEntityNumber(establishmentValue(seq)), day(estStartDay(p, seq, first)), p.num);
    }

    private void estDenominations(Profile p, int seq, String en, Sink s) {
        SplittableRandom r = rng(seq, A_EST, 1);
        if (r.nextDouble() >= 0.59) return;
        int l = p.legal ? Math.max(1, p.lang) : p.region == 1 ? 1 : p.region == 3 ? 3 : 2;
        if (r.nextInt(20) == 0) l = 4;
        s.row(en, lang(l), "003", tradeName(p, r, baseName(p)));
        if (r.nextInt(10) == 0) s.row(en, lang(l == 4 ? 2 : 4), "003", any(r, WORDS_EN) + " " + any(r, PLACES));
    }

    private void estAddresses(Profile p, int seq, String en, Sink s) {
        SplittableRandom r = rng(seq, A_EST, 2);
        int muni = r.nextInt(10) < 8 ? p.muni : otherMuni(p, r);
        if (p.foreign) muni = MUNIS_BY_REGION[2][r.nextInt(MUNIS_BY_REGION[2].length)];
        belgianAddress(en, "BAET", muni, r, "", s);
    }

    private void estContacts(Profile p, int seq, String en, Sink s) {
        SplittableRandom r = rng(seq, A_EST, 3);
        if (r.nextDouble() >= 0.05) return;
        contacts(en, "EST", baseName(p), !p.legal, r, s);
    }

    private void estActivities(Profile p, int seq, int startDay, String en, Sink s) {
        SplittableRandom r = rng(seq, A_EST, 4);
        boolean with2003 = startDay < DAY_2008 && r.nextDouble() < 0.9;
        // number of activities of an establishment unit: mostly a few, a long tail up to ~40
        int count = 1 + (int) Math.min(39, -Math.log(1 - r.nextDouble()) * 4.2);
        if (r.nextInt(8) == 0) count = Math.min(40, count + 8 + r.nextInt(28));
        int[] codes = distinctCodes(p.sector, count, r, true);
        String[] classes = new String[codes.length];
        for (int k = 0; k < codes.length; k++) classes[k] = r.nextInt(7) == 0 ? "SECO" : "MAIN";
        if (p.employer && r.nextInt(10) < 6) {
            emitActivities(en, p.publicBody ? "005" : "006", new int[] {p.sector}, new String[] {"MAIN"}, with2003, s);
        }
        emitActivities(en, "003", codes, classes, with2003, s);
    }

    // --- branches

    private int branchStartDay(Profile p, int b) {
        SplittableRandom r = rng(b, A_BRANCH_DATE, 0);
        double u = r.nextDouble();
        int to = p.born ? p.startDay : origin - 1;
        return p.startDay + (int) (u * Math.max(0, to - p.startDay));
    }

    private void branchRow(Profile p, int b, Sink s) {
        s.row(formatEntityNumber(branchValue(b)), day(branchStartDay(p, b)), p.num);
    }

    private void branchDenominations(Profile p, int b, String id, Sink s) {
        SplittableRandom r = rng(b, A_BRANCH, 1);
        int l = p.region == 0 ? 2 : 1;
        String base = baseName(p);
        s.row(id, lang(r.nextInt(5) == 0 ? 4 : l), "004", r.nextBoolean() ? base : base + " Belgium");
    }

    private void branchAddresses(Profile p, int b, String id, Sink s) {
        SplittableRandom r = rng(b, A_BRANCH, 2);
        int[] bru = MUNIS_BY_REGION[r.nextInt(10) < 6 ? 2 : r.nextInt(2)];
        belgianAddress(id, "ABBR", bru[r.nextInt(bru.length)], r, "", s);
    }

    private void branchContacts(Profile p, int b, String id, Sink s) {
        SplittableRandom r = rng(b, A_BRANCH, 3);
        if (r.nextDouble() >= 0.2) return;
        contacts(id, "BRA", baseName(p), false, r, s);
    }

    // --- dispatch

    private void emitEnterprise(int file, Profile p, Sink s) {
        int i = p.index;
        switch (file) {
            case F_ENT -> enterpriseRow(p, s);
            case F_DEN -> entDenominations(p, verName[i] & 0xFF, s);
            case F_ADDR -> entAddresses(p, verAddr[i] & 0xFF, s);
            case F_CONT -> entContacts(p, verContact[i] & 0xFF, s);
            case F_ACT -> entActivities(p, verAct[i] & 0xFF, s);
            default -> {}
        }
    }

    private void emitEstablishment(int file, Profile p, int seq, boolean first, Sink s) {
        if (file == F_EST) {
            estRow(p, seq, first, s);
            return;
        }
        String en = formatEntityNumber(establishmentValue(seq));
        switch (file) {
            case F_DEN -> estDenominations(p, seq, en, s);
            case F_ADDR -> estAddresses(p, seq, en, s);
            case F_CONT -> estContacts(p, seq, en, s);
            case F_ACT -> estActivities(p, seq, estStartDay(p, seq, first), en, s);
            default -> {}
        }
    }

    private void emitBranch(int file, Profile p, int b, Sink s) {
        if (file == F_BR) {
            branchRow(p, b, s);
            return;
        }
        String id = formatEntityNumber(branchValue(b));
        switch (file) {
            case F_DEN -> branchDenominations(p, b, id, s);
            case F_ADDR -> branchAddresses(p, b, id, s);
            case F_CONT -> branchContacts(p, b, id, s);
            default -> {}
        }
    }

    private static boolean fileHasEnterprises(int file) {
        return file != F_EST && file != F_BR;
    }

    private static boolean fileHasEstablishments(int file) {
        return file != F_ENT && file != F_BR;
    }

    private static boolean fileHasBranches(int file) {
        return file == F_BR || file == F_DEN || file == F_ADDR || file == F_CONT;
    }

    /** Writes all current rows of one data file in key order: enterprises, establishments, branches. */
    private void writeDataFile(int file, Sink s) {
        Profile p = new Profile();
        if (fileHasEnterprises(file)) {
            for (int i = 0; i < total; i++) {
                if (left.get(i)) continue;
                profile(i, p);
                emitEnterprise(file, p, s);
            }
        }
        if (fileHasEstablishments(file)) {
            for (int i = 0; i < initialEnterprises; i++) {
                int from = estStart[i], to = estStart[i + 1];
                if (from == to || left.get(i)) continue;
                profile(i, p);
                for (int seq = from; seq < to; seq++) {
                    if (!closedEst.get(seq)) emitEstablishment(file, p, seq, seq == from, s);
                }
            }
            for (int seq = initialEst; seq < estTotal; seq++) {
                int owner = extraEstOwner[seq - initialEst];
                if (left.get(owner) || closedEst.get(seq)) continue;
                profile(owner, p);
                emitEstablishment(file, p, seq, false, s);
            }
        }
        if (fileHasBranches(file)) {
            for (int b = 0; b < branchTotal; b++) {
                int owner = branchOwner[b];
                if (left.get(owner)) continue;
                profile(owner, p);
                emitBranch(file, p, b, s);
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Writing
    // ------------------------------------------------------------------------------------------

    /**
     * Writes the Full extract of the current state: a zip if {@code target} ends with ".zip"
     * (entries in the real order, BEST_SPEED), else a directory with the nine CSV files.
     */
    public void writeFull(Path target, int extractNumber, LocalDate snapshot) {
        if (origin == Integer.MIN_VALUE) origin = (int) snapshot.toEpochDay();
        List<FileStat> stats = new ArrayList<>();
        try (Output out = Output.open(target, timestamp(snapshot, extractNumber))) {
            for (int f : FULL_ORDER) {
                if (f == -1) {
                    stats.add(out.raw("code.csv", codeBytes()));
                } else if (f == -2) {
                    stats.add(out.raw("meta.csv", meta(snapshot, extractNumber, "full")));
                } else {
                    CsvOut csv = out.entry(FILE_NAMES[f] + ".csv");
                    csv.line(HEADERS[f]);
                    byte[] kinds = KINDS[f];
                    writeDataFile(f, fields -> csv.row(fields, kinds));
                    stats.add(out.close(csv));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastStats = List.copyOf(stats);
    }

    private record Ref(int kind, int id) {} // kind: 0 enterprise, 1 establishment, 2 branch

    private static final int[] ENT_FILES = {F_ENT, F_DEN, F_ADDR, F_CONT, F_ACT};
    private static final int[] EST_FILES = {F_EST, F_DEN, F_ADDR, F_CONT, F_ACT};
    private static final int[] BR_FILES = {F_BR, F_DEN, F_ADDR, F_CONT, F_ACT};

    private final class UpdateBuilder {
        final List<TreeSet<Long>> deletes = new ArrayList<>();
        final List<TreeMap<Long, List<String[]>>> inserts = new ArrayList<>();
        final Profile p = new Profile();

        UpdateBuilder() {
            for (int f = 0; f < 7; f++) {
                deletes.add(new TreeSet<>());
                inserts.add(new TreeMap<>());
            }
        }

        List<String[]> rows(int file, Ref ref) {
            List<String[]> rows = new ArrayList<>();
            Sink s = rows::add;
            switch (ref.kind) {
                case 0 -> {
                    if (left.get(ref.id)) return rows;
                    profile(ref.id, p);
                    emitEnterprise(file, p, s);
                }
                case 1 -> {
                    int owner = estOwner(ref.id);
                    if (left.get(owner) || closedEst.get(ref.id)) return rows;
                    profile(owner, p);
                    emitEstablishment(file, p, ref.id, isFirstInitialEst(owner, ref.id), s);
                }
                default -> {
                    int owner = branchOwner[ref.id];
                    if (left.get(owner)) return rows;
                    profile(owner, p);
                    emitBranch(file, p, ref.id, s);
                }
            }
            return rows;
        }

        long key(Ref ref) {
            return switch (ref.kind) {
                case 0 -> enterpriseValue(ref.id);
                case 1 -> establishmentValue(ref.id);
                default -> branchValue(ref.id);
            };
        }

        /** Records the before-state of (file, ref) pairs; returns a token to finish after mutation. */
        List<Object[]> before(List<Ref> refs, int[]... filesPerRef) {
            List<Object[]> out = new ArrayList<>();
            for (int k = 0; k < refs.size(); k++) {
                for (int f : filesPerRef[k]) {
                    out.add(new Object[] {refs.get(k), f, !rows(f, refs.get(k)).isEmpty()});
                }
            }
            return out;
        }

        void after(List<Object[]> pending) {
            for (Object[] o : pending) {
                Ref ref = (Ref) o[0];
                int f = (Integer) o[1];
                boolean had = (Boolean) o[2];
                long key = key(ref);
                if (had) deletes.get(f).add(key);
                List<String[]> now = rows(f, ref);
                if (!now.isEmpty()) inserts.get(f).put(key, now);
            }
        }
    }

    private int estOwner(int seq) {
        if (seq >= initialEst) return extraEstOwner[seq - initialEst];
        int lo = 0, hi = initialEnterprises - 1;
        while (lo < hi) { // last i with estStart[i] <= seq
            int mid = (lo + hi + 1) >>> 1;
            if (estStart[mid] <= seq) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private boolean isFirstInitialEst(int owner, int seq) {
        return owner < initialEnterprises && seq == estStart[owner];
    }

    /** Open (not closed) establishment seqs of an enterprise, ascending. */
    private int[] establishmentsOf(int i) {
        int[] extra = extraEstByOwner.getOrDefault(i, new int[0]);
        int from = i < initialEnterprises ? estStart[i] : 0, to = i < initialEnterprises ? estStart[i + 1] : 0;
        int[] out = new int[to - from + extra.length];
        int n = 0;
        for (int seq = from; seq < to; seq++) if (!closedEst.get(seq)) out[n++] = seq;
        for (int seq : extra) if (!closedEst.get(seq)) out[n++] = seq;
        return Arrays.copyOf(out, n);
    }

    private int[] branchesOf(int i) {
        int lo = 0, hi = branchTotal;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (branchOwner[mid] < i) lo = mid + 1;
            else hi = mid;
        }
        int from = lo;
        while (lo < branchTotal && branchOwner[lo] == i) lo++;
        return range(from, lo);
    }

    private static final ChangeKind[] KINDS_ORDER = ChangeKind.values();
    /** Mix of changes in a daily update (share of touched enterprises). */
    private static final double[] CHANGE_W = {15, 25, 8, 10, 12, 12, 8, 5, 5};

    /**
     * Writes an Update extract moving the state forward by {@code changes} touched enterprises
     * (new ones included), then makes that the current state.
     */
    public void writeUpdate(Path target, int extractNumber, LocalDate snapshot, int changes) {
        if (origin == Integer.MIN_VALUE) origin = (int) snapshot.toEpochDay();
        int snapDay = (int) snapshot.toEpochDay();
        if (changes < 0) throw new IllegalArgumentException("changes < 0");
        SplittableRandom u = rng(updates, A_UPDATE, extractNumber);
        updates++;
        UpdateBuilder ub = new UpdateBuilder();
        Set<Integer> touched = new HashSet<>();
        List<Change> log = new ArrayList<>();
        int active = total - left.cardinality();
        Profile p = new Profile();
        for (int c = 0; c < changes; c++) {
            ChangeKind kind = KINDS_ORDER[pick(u, CHANGE_W)];
            if (kind != ChangeKind.NEW_ENTERPRISE && touched.size() >= active) kind = ChangeKind.NEW_ENTERPRISE;
            if (kind == ChangeKind.NEW_ENTERPRISE) {
                int i = newEnterprise(snapDay);
                touched.add(i);
                profile(i, p);
                int[] ests = new int[p.estCount0];
                for (int k = 0; k < ests.length; k++)
                    ests[k] = newEstablishment(i, Math.max(p.startDay, snapDay - u.nextInt(3)));
                for (int k = 0; k < p.branchCount; k++) newBranch(i);
                List<Ref> refs = new ArrayList<>();
                List<int[]> files = new ArrayList<>();
                refs.add(new Ref(0, i));
                files.add(ENT_FILES);
                for (int seq : ests) {
                    refs.add(new Ref(1, seq));
                    files.add(EST_FILES);
                }
                for (int b : branchesOf(i)) {
                    refs.add(new Ref(2, b));
                    files.add(BR_FILES);
                }
                // nothing existed before: "after" only
                List<Object[]> pending = new ArrayList<>();
                for (int k = 0; k < refs.size(); k++)
                    for (int f : files.get(k)) pending.add(new Object[] {refs.get(k), f, false});
                ub.after(pending);
                log.add(new Change(kind, formatEnterpriseNumber(enterpriseValue(i)), ""));
                continue;
            }
            int i = pickActive(u, touched);
            touched.add(i);
            String num = formatEnterpriseNumber(enterpriseValue(i));
            int[] ests = establishmentsOf(i);
            if (kind == ChangeKind.CLOSE_ESTABLISHMENT && ests.length == 0) kind = ChangeKind.NEW_ESTABLISHMENT;
            switch (kind) {
                case LEAVE -> {
                    List<Ref> refs = new ArrayList<>();
                    List<int[]> files = new ArrayList<>();
                    refs.add(new Ref(0, i));
                    files.add(ENT_FILES);
                    for (int seq : ests) {
                        refs.add(new Ref(1, seq));
                        files.add(EST_FILES);
                    }
                    for (int b : branchesOf(i)) {
                        refs.add(new Ref(2, b));
                        files.add(BR_FILES);
                    }
                    List<Object[]> pending = ub.before(refs, files.toArray(int[][]::new));
                    left.set(i);
                    ub.after(pending);
                    log.add(new Change(kind, num, ""));
                }
                case JURIDICAL_SITUATION -> {
                    profile(i, p);
                    String old = situation(p, verSit[i] & 0xFF);
                    List<Object[]> pending = ub.before(List.of(new Ref(0, i)), new int[] {F_ENT});
                    verSit[i]++;
                    ub.after(pending);
                    log.add(new Change(kind, num, old + "->" + situation(p, verSit[i] & 0xFF)));
                }
                case NAME, SEAT_ADDRESS, ACTIVITY, CONTACT -> {
                    int file = switch (kind) {
                        case NAME -> F_DEN;
                        case SEAT_ADDRESS -> F_ADDR;
                        case ACTIVITY -> F_ACT;
                        default -> F_CONT;
                    };
                    Ref ref = new Ref(0, i);
                    List<Object[]> pending = ub.before(List.of(ref), new int[] {file});
                    byte[] ver = switch (kind) {
                        case NAME -> verName;
                        case SEAT_ADDRESS -> verAddr;
                        case ACTIVITY -> verAct;
                        default -> verContact;
                    };
                    List<String[]> was = ub.rows(file, ref);
                    int guard = 0;
                    do {
                        ver[i]++; // a new version of the aspect; skip versions that happen to give the same rows
                    } while (sameRows(was, ub.rows(file, ref)) && ++guard < 20);
                    ub.after(pending);
                    log.add(new Change(kind, num, ""));
                }
                case NEW_ESTABLISHMENT -> {
                    profile(i, p);
                    int seq = newEstablishment(i, Math.max(p.startDay, snapDay - u.nextInt(15)));
                    List<Object[]> pending = new ArrayList<>();
                    for (int f : EST_FILES) pending.add(new Object[] {new Ref(1, seq), f, false});
                    ub.after(pending);
                    log.add(new Change(kind, num, formatEntityNumber(establishmentValue(seq))));
                }
                case CLOSE_ESTABLISHMENT -> {
                    int seq = ests[u.nextInt(ests.length)];
                    List<Object[]> pending = ub.before(List.of(new Ref(1, seq)), EST_FILES);
                    closedEst.set(seq);
                    ub.after(pending);
                    log.add(new Change(kind, num, formatEntityNumber(establishmentValue(seq))));
                }
                default -> throw new IllegalStateException(kind.toString());
            }
        }
        lastChanges = List.copyOf(log);
        writeUpdateFiles(target, extractNumber, snapshot, ub);
    }

    private static boolean sameRows(List<String[]> a, List<String[]> b) {
        if (a.size() != b.size()) return false;
        for (int k = 0; k < a.size(); k++) if (!Arrays.equals(a.get(k), b.get(k))) return false;
        return true;
    }

    private int pickActive(SplittableRandom u, Set<Integer> touched) {
        for (int attempt = 0; attempt < 64; attempt++) {
            int i = u.nextInt(total);
            if (!left.get(i) && !touched.contains(i)) return i;
        }
        int start = u.nextInt(total);
        for (int k = 0; k < total; k++) {
            int i = (start + k) % total;
            if (!left.get(i) && !touched.contains(i)) return i;
        }
        throw new IllegalStateException("no active enterprise left to change");
    }

    private int newEnterprise(int snapDay) {
        int i = total;
        enterpriseValue(i); // fails early when the number space is exhausted
        total++;
        if (total > verSit.length) {
            int cap = Math.max(total, verSit.length * 3 / 2);
            verSit = Arrays.copyOf(verSit, cap);
            verName = Arrays.copyOf(verName, cap);
            verAddr = Arrays.copyOf(verAddr, cap);
            verContact = Arrays.copyOf(verContact, cap);
            verAct = Arrays.copyOf(verAct, cap);
        }
        int k = i - initialEnterprises;
        if (k >= bornDay.length) bornDay = Arrays.copyOf(bornDay, bornDay.length * 2);
        bornDay[k] = snapDay;
        return i;
    }

    private int newEstablishment(int owner, int startDay) {
        int seq = estTotal++;
        establishmentValue(seq);
        int k = seq - initialEst;
        if (k >= extraEstOwner.length) {
            extraEstOwner = Arrays.copyOf(extraEstOwner, extraEstOwner.length * 2);
            extraEstDay = Arrays.copyOf(extraEstDay, extraEstDay.length * 2);
        }
        extraEstOwner[k] = owner;
        extraEstDay[k] = startDay;
        int[] old = extraEstByOwner.getOrDefault(owner, new int[0]);
        int[] now = Arrays.copyOf(old, old.length + 1);
        now[old.length] = seq;
        extraEstByOwner.put(owner, now);
        return seq;
    }

    private void newBranch(int owner) {
        if (branchTotal == branchOwner.length) branchOwner = Arrays.copyOf(branchOwner, Math.max(16, branchTotal * 2));
        branchOwner[branchTotal++] = owner; // owners of new enterprises are the highest: stays sorted
    }

    private void writeUpdateFiles(Path target, int extractNumber, LocalDate snapshot, UpdateBuilder ub) {
        // entry order of the real Update zip: alphabetical
        String[] names = {
            "activity", "address", "branch", "code", "contact", "denomination", "enterprise", "establishment", "meta"
        };
        List<FileStat> stats = new ArrayList<>();
        try (Output out = Output.open(target, timestamp(snapshot, extractNumber))) {
            for (String name : names) {
                if (name.equals("code")) {
                    stats.add(out.raw("code.csv", codeBytes()));
                    continue;
                }
                if (name.equals("meta")) {
                    stats.add(out.raw("meta.csv", meta(snapshot, extractNumber, "update")));
                    continue;
                }
                int f = Arrays.asList(FILE_NAMES).indexOf(name);
                CsvOut del = out.entry(name + "_delete.csv");
                del.line(DELETE_HEADERS[f]);
                String[] one = new String[1];
                for (long key : ub.deletes.get(f)) {
                    one[0] = formatEntityNumber(key);
                    del.row(one, KIND_KEY);
                }
                stats.add(out.close(del));
                CsvOut ins = out.entry(name + "_insert.csv");
                ins.line(HEADERS[f]);
                for (List<String[]> rows : ub.inserts.get(f).values()) {
                    for (String[] row : rows) ins.row(row, KINDS[f]);
                }
                stats.add(out.close(ins));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastStats = List.copyOf(stats);
    }

    private LocalDateTime timestamp(LocalDate snapshot, int extractNumber) {
        long h = mix64(seed ^ extractNumber * 0x9E3779B97F4A7C15L);
        return LocalDateTime.of(
                snapshot.plusDays(1), LocalTime.of(7, (int) Math.floorMod(h, 60L), (int) Math.floorMod(h >>> 8, 60L)));
    }

    private byte[] meta(LocalDate snapshot, int extractNumber, String type) {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        CsvOut m = new CsvOut(bo);
        m.line(META_HEADER);
        m.row(new String[] {"SnapshotDate", snapshot.format(DMY)}, KIND_META);
        m.row(
                new String[] {
                    "ExtractTimestamp", timestamp(snapshot, extractNumber).format(DMY_HMS)
                },
                KIND_META);
        m.row(new String[] {"ExtractType", type}, KIND_META);
        m.row(new String[] {"ExtractNumber", Integer.toString(extractNumber)}, KIND_META);
        m.row(new String[] {"Version", "1.0.0"}, KIND_META);
        m.flush();
        return bo.toByteArray();
    }

    private byte[] codeBytes() {
        return codeCsv != null ? codeCsv : KboBuiltinCodes.CODE_CSV.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------
    // Expected state
    // ------------------------------------------------------------------------------------------

    /** Current state of one enterprise (after the last write); null if the number was never generated. */
    public ExpectedEnterprise expected(String enterpriseNumber) {
        requireOrigin();
        int i = indexOf(enterpriseNumber);
        if (i < 0) return null;
        if (left.get(i)) {
            return new ExpectedEnterprise(
                    enterpriseNumber,
                    false,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of());
        }
        Profile p = new Profile();
        profile(i, p);
        String[] e = collect(s -> enterpriseRow(p, s)).getFirst();
        List<ExpectedEstablishment> ests = new ArrayList<>();
        for (int seq : establishmentsOf(i)) {
            boolean first = isFirstInitialEst(i, seq);
            String[] row = collect(s -> estRow(p, seq, first, s)).getFirst();
            ests.add(new ExpectedEstablishment(
                    row[0],
                    row[1],
                    row[2],
                    denominationRows(collect(s -> emitEstablishment(F_DEN, p, seq, first, s))),
                    addressRows(collect(s -> emitEstablishment(F_ADDR, p, seq, first, s))),
                    contactRows(collect(s -> emitEstablishment(F_CONT, p, seq, first, s))),
                    activityRows(collect(s -> emitEstablishment(F_ACT, p, seq, first, s)))));
        }
        List<ExpectedBranch> brs = new ArrayList<>();
        for (int b : branchesOf(i)) {
            String[] row = collect(s -> branchRow(p, b, s)).getFirst();
            brs.add(new ExpectedBranch(
                    row[0],
                    row[1],
                    row[2],
                    denominationRows(collect(s -> emitBranch(F_DEN, p, b, s))),
                    addressRows(collect(s -> emitBranch(F_ADDR, p, b, s))),
                    contactRows(collect(s -> emitBranch(F_CONT, p, b, s))),
                    activityRows(collect(s -> emitBranch(F_ACT, p, b, s)))));
        }
        return new ExpectedEnterprise(
                e[0],
                true,
                e[1],
                e[2],
                e[3],
                e[4],
                e[5],
                e[6],
                denominationRows(collect(s -> emitEnterprise(F_DEN, p, s))),
                addressRows(collect(s -> emitEnterprise(F_ADDR, p, s))),
                contactRows(collect(s -> emitEnterprise(F_CONT, p, s))),
                activityRows(collect(s -> emitEnterprise(F_ACT, p, s))),
                List.copyOf(ests),
                List.copyOf(brs));
    }

    private static List<String[]> collect(java.util.function.Consumer<Sink> body) {
        List<String[]> rows = new ArrayList<>();
        body.accept(rows::add);
        return rows;
    }

    private static List<DenominationRow> denominationRows(List<String[]> rows) {
        return rows.stream()
                .map(r -> new DenominationRow(r[0], r[1], r[2], r[3]))
                .toList();
    }

    private static List<AddressRow> addressRows(List<String[]> rows) {
        return rows.stream()
                .map(r ->
                        new AddressRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12]))
                .toList();
    }

    private static List<ContactRow> contactRows(List<String[]> rows) {
        return rows.stream().map(r -> new ContactRow(r[0], r[1], r[2], r[3])).toList();
    }

    private static List<ActivityRow> activityRows(List<String[]> rows) {
        return rows.stream()
                .map(r -> new ActivityRow(r[0], r[1], r[2], r[3], r[4]))
                .toList();
    }

    /** Every enterprise number ever generated (including the ones that left), ascending. */
    public List<String> enterpriseNumbers() {
        List<String> out = new ArrayList<>(total);
        for (int i = 0; i < total; i++) out.add(formatEnterpriseNumber(enterpriseValue(i)));
        return Collections.unmodifiableList(out);
    }

    /** Enterprise numbers present in the current state, ascending. */
    public Set<String> activeEnterpriseNumbers() {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < total; i++) if (!left.get(i)) out.add(formatEnterpriseNumber(enterpriseValue(i)));
        return Collections.unmodifiableSet(out);
    }

    /** The changes applied by the last {@link #writeUpdate} (empty before the first one). */
    public List<Change> lastUpdateChanges() {
        return lastChanges;
    }

    /** Rows and uncompressed bytes per file of the last write. */
    public List<FileStat> lastWriteStats() {
        return lastStats;
    }

    // ------------------------------------------------------------------------------------------
    // Output plumbing
    // ------------------------------------------------------------------------------------------

    /** Minimal, fast CSV byte writer: UTF-8, LF, KBO quoting rules. */
    static final class CsvOut {
        private final OutputStream os;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        long bytes;
        long rows = -1; // header not counted
        String name;

        CsvOut(OutputStream os) {
            this.os = os;
        }

        void line(String ascii) {
            for (int k = 0; k < ascii.length(); k++) put((byte) ascii.charAt(k));
            put((byte) '\n');
            rows++;
        }

        void row(String[] f, byte[] kinds) {
            for (int k = 0; k < f.length; k++) {
                if (k > 0) put((byte) ',');
                String v = f[k];
                byte kind = kinds[k];
                if (kind == 'D' || kind == 'N' && v.isEmpty()) {
                    text(v, false);
                } else {
                    put((byte) '"');
                    text(v, true);
                    put((byte) '"');
                }
            }
            put((byte) '\n');
            rows++;
        }

        private void text(String s, boolean quoted) {
            int n = s.length();
            for (int k = 0; k < n; k++) {
                char c = s.charAt(k);
                if (c < 0x80) {
                    if (c == '"' && quoted) put((byte) '"');
                    put((byte) c);
                } else if (c < 0x800) {
                    put((byte) (0xC0 | c >> 6));
                    put((byte) (0x80 | c & 0x3F));
                } else if (Character.isHighSurrogate(c) && k + 1 < n) {
                    int cp = Character.toCodePoint(c, s.charAt(++k));
                    put((byte) (0xF0 | cp >> 18));
                    put((byte) (0x80 | cp >> 12 & 0x3F));
                    put((byte) (0x80 | cp >> 6 & 0x3F));
                    put((byte) (0x80 | cp & 0x3F));
                } else {
                    put((byte) (0xE0 | c >> 12));
                    put((byte) (0x80 | c >> 6 & 0x3F));
                    put((byte) (0x80 | c & 0x3F));
                }
            }
        }

        private void put(byte b) {
            if (pos == buf.length) drain();
            buf[pos++] = b;
        }

        private void drain() {
            try {
                os.write(buf, 0, pos);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes += pos;
            pos = 0;
        }

        void flush() {
            drain();
            try {
                os.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A zip (one entry at a time) or a directory. */
    private abstract static class Output implements AutoCloseable {
        abstract CsvOut entry(String name) throws IOException;

        abstract FileStat close(CsvOut out) throws IOException;

        FileStat raw(String name, byte[] content) throws IOException {
            CsvOut out = entry(name);
            out.os.write(content);
            close(out);
            long rows = 0;
            for (byte b : content) if (b == '\n') rows++;
            return new FileStat(name, Math.max(0, rows - 1), content.length);
        }

        @Override
        public abstract void close() throws IOException;

        static Output open(Path target, LocalDateTime time) throws IOException {
            String fn = target.getFileName() == null ? "" : target.getFileName().toString();
            if (fn.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                if (target.toAbsolutePath().getParent() != null)
                    Files.createDirectories(target.toAbsolutePath().getParent());
                return new ZipOut(target, time);
            }
            Files.createDirectories(target);
            return new DirOut(target);
        }
    }

    private static final class ZipOut extends Output {
        private final ZipOutputStream zip;
        private final LocalDateTime time;
        private final OutputStream shield;

        ZipOut(Path target, LocalDateTime time) throws IOException {
            this.zip = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(target), 1 << 16));
            this.zip.setLevel(Deflater.BEST_SPEED);
            this.time = time;
            this.shield = new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    zip.write(b, off, len);
                }

                @Override
                public void close() {}
            };
        }

        @Override
        CsvOut entry(String name) throws IOException {
            ZipEntry e = new ZipEntry(name);
            e.setTimeLocal(time);
            zip.putNextEntry(e);
            CsvOut out = new CsvOut(shield);
            out.name = name;
            return out;
        }

        @Override
        FileStat close(CsvOut out) throws IOException {
            out.flush();
            zip.closeEntry();
            return new FileStat(out.name, Math.max(0, out.rows), out.bytes);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    private static final class DirOut extends Output {
        private final Path dir;
        private OutputStream current;

        DirOut(Path dir) {
            this.dir = dir;
        }

        @Override
        CsvOut entry(String name) throws IOException {
            current = Files.newOutputStream(dir.resolve(name));
            CsvOut out = new CsvOut(current);
            out.name = name;
            return out;
        }

        @Override
        FileStat close(CsvOut out) throws IOException {
            out.flush();
            current.close();
            return new FileStat(out.name, Math.max(0, out.rows), out.bytes);
        }

        @Override
        public void close() {}
    }

    // ------------------------------------------------------------------------------------------
    // Command line
    // ------------------------------------------------------------------------------------------

    /**
     * {@code KboExtractGenerator <targetDir> <enterprises> <seed> [--dir] [--snapshot=YYYY-MM-DD]}: writes
     * Full extract 1 and Update extract 2 (10,000 changes, at most half the enterprises) next to it.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println(
                    "usage: KboExtractGenerator <targetDir> <enterprises> <seed> [--dir] [--snapshot=YYYY-MM-DD]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1].replace("_", ""));
        long seed = Long.parseLong(args[2]);
        boolean asDir = false;
        LocalDate snapshot = LocalDate.of(2025, 10, 3);
        for (int k = 3; k < args.length; k++) {
            if (args[k].equals("--dir")) asDir = true;
            else if (args[k].startsWith("--snapshot=")) snapshot = LocalDate.parse(args[k].substring(11));
            else throw new IllegalArgumentException("unknown option " + args[k]);
        }
        Files.createDirectories(dir);
        KboExtractGenerator g = new KboExtractGenerator(seed, n);
        String fullName = fileName(1, snapshot.plusDays(1), "Full");
        Path full = dir.resolve(asDir ? fullName : fullName + ".zip");
        long t0 = System.nanoTime();
        g.writeFull(full, 1, snapshot);
        report(full, g.lastWriteStats(), t0);
        int changes = Math.min(10_000, Math.max(1, n / 2));
        LocalDate next = snapshot.plusDays(1);
        String updName = fileName(2, next.plusDays(1), "Update");
        Path upd = dir.resolve(asDir ? updName : updName + ".zip");
        t0 = System.nanoTime();
        g.writeUpdate(upd, 2, next, changes);
        report(upd, g.lastWriteStats(), t0);
        Map<ChangeKind, Integer> mix = new TreeMap<>();
        for (Change c : g.lastUpdateChanges()) mix.merge(c.kind(), 1, Integer::sum);
        System.out.println("update changes: " + mix);
    }

    private static String fileName(int number, LocalDate date, String type) {
        return String.format(
                "KboOpenData_%04d_%04d_%02d_%02d_%s",
                number, date.getYear(), date.getMonthValue(), date.getDayOfMonth(), type);
    }

    private static void report(Path target, List<FileStat> stats, long t0) throws IOException {
        double secs = (System.nanoTime() - t0) / 1e9;
        long rows = 0, bytes = 0;
        System.out.println(target);
        for (FileStat s : stats) {
            System.out.printf("  %-28s %,14d rows %,16d bytes%n", s.fileName(), s.rows(), s.bytes());
            rows += s.rows();
            bytes += s.bytes();
        }
        String onDisk = Files.isRegularFile(target) ? String.format(", zip %,d bytes", Files.size(target)) : "";
        System.out.printf("  total %,d rows, %,d bytes of CSV%s, %.1f s%n", rows, bytes, onDisk, secs);
    }
}
