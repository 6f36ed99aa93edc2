package eu.vigil.company;

import eu.vigil.company.ParseResult.Valid;

final class LuxembourgNumbers {

    private static final String WHAT = "LU VAT number";

    private LuxembourgNumbers() {}

    static ParseResult parse(String raw, String body) {
        int nonDigit = Chars.firstNonDigit(body);
        if (nonDigit >= 0) {
            return Rejections.notADigit(raw, WHAT, body.charAt(nonDigit));
        }
        if (body.length() != 8) {
            return Rejections.wrongLength(raw, WHAT + " must have 8 digits, found " + body.length());
        }
        if (Chars.isAllZeros(body)) {
            return Rejections.placeholder(raw, WHAT);
        }
        if (!Checksums.luxembourgMod89Valid(body)) {
            return Rejections.badCheckDigit(raw, WHAT + " LU" + body + " fails the mod-89 check");
        }
        return new Valid(new CompanyId("LU", body));
    }
}
