package eu.vigil.company;

import eu.vigil.company.ParseResult.Valid;

final class GermanNumbers {

    private static final String WHAT = "DE USt-IdNr";

    private GermanNumbers() {}

    static ParseResult parse(String raw, String body) {
        int nonDigit = Chars.firstNonDigit(body);
        if (nonDigit >= 0) {
            return Rejections.notADigit(raw, WHAT, body.charAt(nonDigit));
        }
        if (body.length() != 9) {
            return Rejections.wrongLength(raw, WHAT + " must have 9 digits, found " + body.length());
        }
        if (Chars.isAllZeros(body)) {
            return Rejections.placeholder(raw, WHAT);
        }
        if (!Checksums.iso7064Mod11Radix10Valid(body)) {
            return Rejections.badCheckDigit(raw, WHAT + " DE" + body + " fails the ISO 7064 MOD 11,10 check");
        }
        return new Valid(new CompanyId("DE", body));
    }
}
