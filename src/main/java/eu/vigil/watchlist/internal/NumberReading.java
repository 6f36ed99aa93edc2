package eu.vigil.watchlist.internal;

import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.ParseResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Company numbers as spreadsheets hold them. A number with a country prefix is read as written. A bare number
 * (digits only) is read in the upload's country of numbers without a prefix, with the leading zeros that a cell
 * stored as a number lost put back; failing that, by its length and check digits alone. Eight bare digits (a Dutch
 * KvK or a British company number) are never guessed: they need that country.
 */
public final class NumberReading {

    public static final List<String> COUNTRIES = List.of("BE", "FR", "IT", "NL", "GB", "LU", "DE");

    private NumberReading() {}

    /** The number as it reads in {@code country} (null: by its form alone). */
    public static ParseResult read(String value, String country) {
        if (value != null
                && PERSONAL_CODICE_FISCALE
                        .matcher(value.strip().toUpperCase(java.util.Locale.ROOT))
                        .matches()) {
            return new ParseResult.Invalid(value, ParseResult.Reason.UNKNOWN_FORMAT, PERSONAL);
        }
        String digits = bareDigits(value);
        if (digits == null) {
            return CompanyNumbers.parse(value, null);
        }
        ParseResult inCountry = country == null ? null : CompanyNumbers.parse(padded(digits, country), country);
        if (inCountry instanceof ParseResult.Valid) {
            return inCountry;
        }
        ParseResult byForm = CompanyNumbers.parse(value, null);
        if (byForm instanceof ParseResult.Valid) {
            return byForm;
        }
        if (digits.length() == 8 && !"NL".equals(country) && !"GB".equals(country) && !"LU".equals(country)) {
            return new ParseResult.Invalid(value, ParseResult.Reason.UNKNOWN_FORMAT, AMBIGUOUS);
        }
        return inCountry != null ? inCountry : byForm;
    }

    /** What {@link ParseResult.Invalid#detail()} says of an Italian person's tax code, which sole traders' lists hold. */
    public static final String PERSONAL =
            "an Italian personal tax code (codice fiscale of a person), not a company number";

    private static final java.util.regex.Pattern PERSONAL_CODICE_FISCALE = java.util.regex.Pattern.compile(
            "[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");

    /** What {@link ParseResult.Invalid#detail()} says of eight bare digits without a country. */
    public static final String AMBIGUOUS = "8 digits without a country: a Dutch KvK number or a British company number";

    private static final Map<String, String> COUNTRY_NAMES = countryNames();

    /**
     * The country a cell names, as an ISO code Vigil reads numbers of: {@code BE}, {@code Belgique}, {@code België},
     * {@code Belgium}, {@code Belgio}, {@code United Kingdom}, {@code UK}, …; null for anything else.
     */
    public static String countryNamed(String cell) {
        return cell == null || cell.isBlank() ? null : COUNTRY_NAMES.get(eu.vigil.company.NameFolding.fold(cell));
    }

    private static Map<String, String> countryNames() {
        Map<String, String> names = new java.util.HashMap<>();
        String[][] table = {
            {"BE", "be", "bel", "belgium", "belgique", "belgie", "belgio", "belgien"},
            {"FR", "fr", "fra", "france", "frankrijk", "francia", "frankreich"},
            {"IT", "it", "ita", "italy", "italie", "italia", "italien"},
            {
                "NL",
                "nl",
                "nld",
                "netherlands",
                "the netherlands",
                "pays bas",
                "nederland",
                "paesi bassi",
                "olanda",
                "holland",
                "niederlande"
            },
            {"DE", "de", "deu", "germany", "allemagne", "duitsland", "germania", "deutschland"},
            {"LU", "lu", "lux", "luxembourg", "luxemburg", "lussemburgo"},
            {
                "GB",
                "gb",
                "gbr",
                "uk",
                "united kingdom",
                "great britain",
                "england",
                "royaume uni",
                "verenigd koninkrijk",
                "regno unito",
                "grossbritannien",
                "grosbritannien",
                "vereinigtes konigreich"
            }
        };
        for (String[] row : table) {
            for (int i = 1; i < row.length; i++) {
                names.put(row[i], row[0]);
            }
        }
        return Map.copyOf(names);
    }

    /** Whether the value is a valid company number in some country. */
    static boolean validSomewhere(String value) {
        if (value == null
                || value.isBlank()
                || NOT_A_NUMBER.matcher(value.strip()).matches()) {
            return false;
        }
        if (CompanyNumbers.parse(value, null) instanceof ParseResult.Valid) {
            return true;
        }
        String digits = bareDigits(value);
        return digits != null
                && CompanyNumbers.bareReadings(value).stream()
                        .anyMatch(id -> !id.country().equals("GB") || digits.length() >= 7);
    }

    /** Amounts with decimals and dates, whose digits alone could pass for a number that has no check digit. */
    private static final java.util.regex.Pattern NOT_A_NUMBER = java.util.regex.Pattern.compile(
            "-?\\d+[.,]\\d{1,2}|\\d{4}-\\d{2}-\\d{2}.*|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}");

    /**
     * The one country whose formats and check digits explain the bare numbers among {@code values} best, or null
     * when there are none, too few are explained, or two countries explain them equally (eight digits: NL or GB) and
     * the numbers written with a prefix do not say which.
     */
    public static String country(List<String> values) {
        Map<String, Integer> explained = new LinkedHashMap<>();
        Map<String, Integer> prefixed = new LinkedHashMap<>();
        int bare = 0;
        for (String value : values) {
            String digits = bareDigits(value);
            if (digits == null) {
                if (value != null
                        && !value.isBlank()
                        && CompanyNumbers.parse(value, null) instanceof ParseResult.Valid valid) {
                    prefixed.merge(valid.id().country(), 1, Integer::sum);
                }
                continue;
            }
            bare++;
            for (String country : COUNTRIES) {
                if (explains(digits, country)) {
                    explained.merge(country, 1, Integer::sum);
                }
            }
        }
        if (bare == 0) {
            return null;
        }
        int bestCount =
                explained.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> best = explained.entrySet().stream()
                .filter(e -> e.getValue() == bestCount)
                .map(Map.Entry::getKey)
                .toList();
        if (bestCount * 2 < bare) {
            return null;
        }
        if (best.size() == 1) {
            return best.getFirst();
        }
        List<String> byPrefix = best.stream().filter(prefixed::containsKey).toList();
        return byPrefix.size() == 1 ? byPrefix.getFirst() : null;
    }

    /** The share of the bare numbers among {@code values} that read as numbers of {@code country}; 1 when there are none. */
    static double share(List<String> values, String country) {
        int bare = 0;
        int explained = 0;
        for (String value : values) {
            String digits = bareDigits(value);
            if (digits != null) {
                bare++;
                if (explains(digits, country)) {
                    explained++;
                }
            }
        }
        return bare == 0 ? 1 : (double) explained / bare;
    }

    private static boolean explains(String digits, String country) {
        return CompanyNumbers.parse(padded(digits, country), country) instanceof ParseResult.Valid valid
                && valid.id().country().equals(country)
                && (!country.equals("GB") || digits.length() >= 7 && plausibleCompaniesHouseNumber(digits));
    }

    /**
     * Companies House has numbered English and Welsh companies from 1 up to about 16 million; eight digits above
     * 20 million are no company number there (but are a KvK number).
     */
    private static boolean plausibleCompaniesHouseNumber(String digits) {
        return digits.length() < 8 || digits.compareTo("20000000") < 0;
    }

    /** The digits of a number written without a country prefix; null when it has letters or nothing. */
    static String bareDigits(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (Character.isLetter(c)) {
                return null;
            }
        }
        return digits.isEmpty() ? null : digits.toString();
    }

    /** Puts back the leading zeros a spreadsheet drops from a number cell, where the country's length says how many. */
    static String padded(String digits, String country) {
        int length = digits.length();
        int target = switch (country) {
            case "IT" -> length >= 9 && length < 11 ? 11 : length;
            case "NL", "LU" -> length >= 6 && length < 8 ? 8 : length;
            case "FR" -> length >= 7 && length < 9 ? 9 : length >= 12 && length < 14 ? 14 : length;
            default -> length;
        };
        return "0".repeat(target - length) + digits;
    }
}
