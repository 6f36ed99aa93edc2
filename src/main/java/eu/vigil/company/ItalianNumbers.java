package eu.vigil.company;

import eu.vigil.company.ParseResult.Valid;

final class ItalianNumbers {

    private static final String WHAT = "IT partita IVA";

    private ItalianNumbers() {}

    static ParseResult parse(String raw, String body) {
        int nonDigit = Chars.firstNonDigit(body);
        if (nonDigit >= 0) {
            return Rejections.notADigit(raw, WHAT, body.charAt(nonDigit));
        }
        if (body.length() != 11) {
            return Rejections.wrongLength(raw, WHAT + " must have 11 digits, found " + body.length());
        }
        if (Chars.isAllZeros(body)) {
            return Rejections.placeholder(raw, WHAT);
        }
        if (!Checksums.luhnValid(body)) {
            return Rejections.badCheckDigit(raw, WHAT + " " + body + " fails the check digit");
        }
        return new Valid(new CompanyId("IT", body));
    }
}
