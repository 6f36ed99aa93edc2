package eu.vigil.company;

import eu.vigil.company.ParseResult.Valid;

final class DutchNumbers {

    private DutchNumbers() {}

    static boolean isBtwId(String body) {
        return body.length() == 12
                && body.charAt(9) == 'B'
                && Chars.firstNonDigit(body) == 9
                && Chars.firstNonDigit(body, 10) < 0;
    }

    static ParseResult parse(String raw, String body) {
        if (isBtwId(body)) {
            return parseBtwId(raw, body);
        }
        int nonDigit = Chars.firstNonDigit(body);
        if (nonDigit < 0) {
            if (body.length() == 8) {
                return parseKvk(raw, body);
            }
            return Rejections.wrongLength(
                    raw,
                    "NL number must be an 8-digit KvK number or a BTW-id of" + " 9 digits + B + 2 digits, found "
                            + body.length() + " digits");
        }
        if (body.charAt(nonDigit) == 'B') {
            int afterB = Chars.firstNonDigit(body, nonDigit + 1);
            if (afterB < 0) {
                return Rejections.wrongLength(
                        raw,
                        "NL BTW-id must be 9 digits + B + 2 digits, found " + nonDigit + " digits + B + "
                                + (body.length() - nonDigit - 1) + " digits");
            }
            nonDigit = afterB;
        }
        return Rejections.notADigit(raw, "NL number", body.charAt(nonDigit));
    }

    static ParseResult parseKvk(String raw, String body) {
        int nonDigit = Chars.firstNonDigit(body);
        if (nonDigit >= 0) {
            return Rejections.notADigit(raw, "NL KvK number", body.charAt(nonDigit));
        }
        if (body.length() != 8) {
            return Rejections.wrongLength(raw, "NL KvK number must have 8 digits, found " + body.length());
        }
        if (Chars.isAllZeros(body)) {
            return Rejections.placeholder(raw, "NL KvK number");
        }
        return new Valid(new CompanyId("NL", body));
    }

    static ParseResult parseBtwId(String raw, String body) {
        String nineDigits = body.substring(0, 9);
        if (Chars.isAllZeros(nineDigits)) {
            return Rejections.placeholder(raw, "NL BTW-id");
        }
        if (body.endsWith("B00")) {
            return Rejections.unknownFormat(raw, "NL BTW-id NL" + body + " has suffix B00, which is never issued");
        }
        // ids issued since 2020 to sole proprietors use mod 97 instead of the elfproef
        if (!Checksums.elfproefValid(nineDigits) && Checksums.iso7064Mod97("NL" + body) != 1) {
            return Rejections.badCheckDigit(
                    raw, "NL BTW-id NL" + body + " fails both the elfproef and the mod-97 check");
        }
        return new Valid(new CompanyId("NL", body));
    }
}
