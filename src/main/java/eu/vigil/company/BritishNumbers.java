package eu.vigil.company;

import eu.vigil.company.ParseResult.Invalid;
import eu.vigil.company.ParseResult.Reason;
import eu.vigil.company.ParseResult.Valid;
import java.util.Set;

final class BritishNumbers {

    private static final String WHAT = "GB company number";

    // NL (Northern Ireland limited partnership) is left out: it is read as the Dutch country prefix
    private static final Set<String> COMPANIES_HOUSE_PREFIXES = Set.of(
            "AC", "CE", "CS", "EN", "ES", "FC", "FE", "GE", "GN", "GS", "IC", "IP", "LP", "NA", "NC", "NF", "NI", "NO",
            "NP", "NR", "NV", "NZ", "OC", "OE", "PC", "R0", "RC", "RS", "SA", "SC", "SE", "SF", "SG", "SI", "SL", "SO",
            "SP", "SR", "SZ", "ZC");

    // European VAT prefixes that are also Companies House prefixes: only prefix + 6 digits is read as British
    private static final Set<String> ALSO_VAT_COUNTRY_PREFIXES = Set.of("ES", "NO", "SE", "SI");

    private static final String ZEROS = "00000000";

    private BritishNumbers() {}

    private static boolean isCompaniesHousePrefix(String twoChars) {
        return COMPANIES_HOUSE_PREFIXES.contains(twoChars);
    }

    static boolean looksLikeCompaniesHouseNumber(String cleaned) {
        String prefix = cleaned.substring(0, 2);
        return isCompaniesHousePrefix(prefix)
                && (!ALSO_VAT_COUNTRY_PREFIXES.contains(prefix)
                        || (cleaned.length() == 8 && Chars.firstNonDigit(cleaned, 2) < 0));
    }

    static ParseResult parse(String raw, String body) {
        if (!body.isEmpty() && !Chars.isDigit(body.charAt(0))) {
            return parsePrefixed(raw, body);
        }
        int nonDigit = Chars.firstNonDigit(body);
        if (nonDigit >= 0) {
            return Rejections.notADigit(raw, WHAT, body.charAt(nonDigit));
        }
        int length = body.length();
        if (length == 9 || length == 12) {
            return Rejections.unknownFormat(
                    raw,
                    body + " has " + length
                            + " digits, the form of a UK VAT number, not a Companies House company number");
        }
        if (length == 0 || length > 8) {
            return Rejections.wrongLength(raw, WHAT + " must have 8 digits, found " + length);
        }
        String padded = ZEROS.substring(length) + body;
        if (Chars.isAllZeros(padded)) {
            return Rejections.placeholder(raw, WHAT);
        }
        return new Valid(new CompanyId("GB", padded));
    }

    private static ParseResult parsePrefixed(String raw, String body) {
        if (body.length() < 2) {
            return Rejections.notADigit(raw, WHAT, body.charAt(0));
        }
        String prefix = body.substring(0, 2);
        String digits = body.substring(2);
        if ((prefix.equals("GD") || prefix.equals("HA")) && digits.length() == 3 && Chars.isAllDigits(digits)) {
            return Rejections.unknownFormat(
                    raw,
                    "GB" + body
                            + " is a UK VAT number of a government department or health authority, not a company number");
        }
        if (!isCompaniesHousePrefix(prefix)) {
            if (Chars.isLetter(prefix.charAt(1))) {
                return new Invalid(
                        raw, Reason.UNKNOWN_PREFIX, "'" + prefix + "' is not a Companies House company number prefix");
            }
            return Rejections.notADigit(raw, WHAT, prefix.charAt(0));
        }
        int nonDigit = Chars.firstNonDigit(digits);
        if (nonDigit >= 0) {
            return Rejections.notADigit(raw, WHAT, digits.charAt(nonDigit));
        }
        if (digits.length() != 6) {
            return Rejections.wrongLength(
                    raw, WHAT + " with prefix " + prefix + " must have 6 digits after it, found " + digits.length());
        }
        return new Valid(new CompanyId("GB", body));
    }
}
