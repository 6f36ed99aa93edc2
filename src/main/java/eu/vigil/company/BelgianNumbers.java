package eu.vigil.company;

import eu.vigil.company.ParseResult.Valid;

final class BelgianNumbers {

    private static final String WHAT = "BE enterprise number";

    private BelgianNumbers() {}

    static ParseResult parse(String raw, String body) {
        int nonDigit = Chars.firstNonDigit(body);
        if (nonDigit >= 0) {
            return Rejections.notADigit(raw, WHAT, body.charAt(nonDigit));
        }
        String digits;
        if (body.length() == 10) {
            digits = body;
        } else if (body.length() == 9) {
            digits = "0" + body;
        } else {
            return Rejections.wrongLength(
                    raw, WHAT + " must have 10 digits (or 9 without the leading 0), found " + body.length());
        }
        if (Chars.isAllZeros(digits)) {
            return Rejections.placeholder(raw, WHAT);
        }
        char first = digits.charAt(0);
        if (first >= '2' && first <= '8') {
            return Rejections.unknownFormat(
                    raw,
                    "BE number " + establishmentNotation(digits)
                            + " is an establishment unit number, not an enterprise number");
        }
        if (first == '9') {
            return Rejections.unknownFormat(raw, WHAT + " must start with 0 or 1, found " + display(digits));
        }
        if (!Checksums.belgianMod97Valid(digits)) {
            return Rejections.badCheckDigit(raw, WHAT + " " + display(digits) + " fails the mod-97 check");
        }
        return new Valid(new CompanyId("BE", digits));
    }

    static String display(String number) {
        if (number.length() != 10) {
            return number;
        }
        return number.substring(0, 4) + '.' + number.substring(4, 7) + '.' + number.substring(7);
    }

    private static String establishmentNotation(String digits) {
        return digits.charAt(0) + "." + digits.substring(1, 4) + '.' + digits.substring(4, 7) + '.'
                + digits.substring(7);
    }
}
