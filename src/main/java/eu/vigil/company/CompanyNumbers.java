package eu.vigil.company;

import eu.vigil.company.ParseResult.Invalid;
import eu.vigil.company.ParseResult.Reason;
import eu.vigil.company.ParseResult.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public final class CompanyNumbers {

    private static final String HOME_COUNTRY = "BE";

    /** The countries whose company numbers Vigil reads. */
    public static final List<String> COUNTRIES = List.of("BE", "FR", "IT", "NL", "DE", "LU", "GB");

    private CompanyNumbers() {}

    /**
     * Every company a number written without a country prefix can be, by format and check digits: one per country
     * it fits ({@code 12345678} is a Dutch KvK and a British company number). Empty for a number with letters.
     */
    public static List<CompanyId> bareReadings(String raw) {
        String text = raw == null ? "" : raw.strip();
        List<CompanyId> readings = new ArrayList<>();
        if (text.isEmpty() || !Character.isDigit(text.charAt(0)) || text.chars().anyMatch(Character::isLetter)) {
            return readings;
        }
        for (String country : COUNTRIES) {
            if (parse(text, country) instanceof Valid valid
                    && valid.id().country().equals(country)
                    && !readings.contains(valid.id())) {
                readings.add(valid.id());
            }
        }
        return readings;
    }

    public static ParseResult parse(String raw) {
        return parse(raw, HOME_COUNTRY);
    }

    public static ParseResult parse(String raw, String defaultCountry) {
        String input = raw == null ? "" : raw;
        StringBuilder compact = new StringBuilder(input.length());
        int rejectedAt = InputCleaner.compact(input, compact);
        if (rejectedAt >= 0) {
            return new Invalid(
                    input,
                    Reason.INVALID_CHARACTERS,
                    "character " + Chars.quote(input.charAt(rejectedAt)) + " at position " + (rejectedAt + 1)
                            + " is not allowed in a company number");
        }
        if (compact.isEmpty()) {
            return new Invalid(input, Reason.EMPTY, "no company number given");
        }
        String cleaned = compact.toString();
        boolean onlyAPrefix = isSupportedCountry(cleaned) || cleaned.equals("KVK");
        if (!Chars.containsDigit(cleaned) && !onlyAPrefix) {
            return Rejections.unknownFormat(input, cleaned + " contains no digits, so it is not a company number");
        }
        if (Chars.isLetter(cleaned.charAt(0))) {
            return parseWithPrefix(input, cleaned);
        }
        return parseWithoutPrefix(input, cleaned, supportedCountryOrNull(defaultCountry));
    }

    public static CompanyId require(String raw, String defaultCountry) {
        return switch (parse(raw, defaultCountry)) {
            case Valid valid -> valid.id();
            case Invalid invalid -> throw new IllegalArgumentException(invalid.detail());
        };
    }

    private static ParseResult parseWithPrefix(String raw, String cleaned) {
        if (cleaned.startsWith("KVK")) {
            return DutchNumbers.parseKvk(raw, cleaned.substring(3));
        }
        if (cleaned.length() >= 2) {
            String prefix = cleaned.substring(0, 2);
            if (isSupportedCountry(prefix)) {
                return parseForCountry(prefix, raw, cleaned.substring(2));
            }
            if (BritishNumbers.looksLikeCompaniesHouseNumber(cleaned)) {
                return BritishNumbers.parse(raw, cleaned);
            }
        }
        int letters = Chars.leadingLetters(cleaned);
        if (letters >= 2) {
            return new Invalid(
                    raw, Reason.UNKNOWN_PREFIX, "unknown country prefix '" + cleaned.substring(0, letters) + "'");
        }
        return Rejections.notADigit(raw, "company number", cleaned.charAt(0));
    }

    private static ParseResult parseWithoutPrefix(String raw, String cleaned, String defaultCountry) {
        boolean allDigits = Chars.isAllDigits(cleaned);
        if (allDigits && cleaned.length() == 14) {
            return FrenchNumbers.parse(raw, cleaned);
        }
        if (DutchNumbers.isBtwId(cleaned)) {
            return DutchNumbers.parseBtwId(raw, cleaned);
        }
        if (defaultCountry != null) {
            return parseForCountry(defaultCountry, raw, cleaned);
        }
        if (!allDigits) {
            return Rejections.notADigit(raw, "company number", cleaned.charAt(Chars.firstNonDigit(cleaned)));
        }
        return switch (cleaned.length()) {
            case 10 -> BelgianNumbers.parse(raw, cleaned);
            case 9 -> parseBelgianOrFrench(raw, cleaned);
            case 11 -> ItalianNumbers.parse(raw, cleaned);
            case 8 ->
                Rejections.unknownFormat(
                        raw,
                        "8-digit number " + cleaned
                                + " is ambiguous without a country prefix (LU VAT, NL KvK or GB company number)");
            default ->
                Rejections.unknownFormat(
                        raw,
                        "no supported company number has " + cleaned.length() + " digits without a country prefix");
        };
    }

    private static ParseResult parseBelgianOrFrench(String raw, String nineDigits) {
        ParseResult asBelgian = BelgianNumbers.parse(raw, nineDigits);
        if (asBelgian instanceof Valid) {
            return asBelgian;
        }
        ParseResult asFrench = FrenchNumbers.parse(raw, nineDigits);
        if (asFrench instanceof Valid) {
            return asFrench;
        }
        if (asBelgian instanceof Invalid belgian
                && belgian.reason() == Reason.BAD_CHECK_DIGIT
                && asFrench instanceof Invalid french
                && french.reason() == Reason.BAD_CHECK_DIGIT) {
            return Rejections.badCheckDigit(
                    raw,
                    "9-digit number " + nineDigits + " fails both the BE mod-97 check and the FR SIREN Luhn check");
        }
        return asBelgian;
    }

    private static ParseResult parseForCountry(String country, String raw, String body) {
        return switch (country) {
            case "BE" -> BelgianNumbers.parse(raw, body);
            case "FR" -> FrenchNumbers.parse(raw, body);
            case "IT" -> ItalianNumbers.parse(raw, body);
            case "NL" -> DutchNumbers.parse(raw, body);
            case "DE" -> GermanNumbers.parse(raw, body);
            case "LU" -> LuxembourgNumbers.parse(raw, body);
            case "GB" -> BritishNumbers.parse(raw, body);
            default -> throw new IllegalStateException("unsupported country " + country);
        };
    }

    private static boolean isSupportedCountry(String code) {
        return switch (code) {
            case "BE", "FR", "IT", "NL", "DE", "LU", "GB" -> true;
            default -> false;
        };
    }

    private static String supportedCountryOrNull(String country) {
        if (country == null) {
            return null;
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        return isSupportedCountry(code) ? code : null;
    }
}
