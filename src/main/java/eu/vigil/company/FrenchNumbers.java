package eu.vigil.company;

import eu.vigil.company.ParseResult.Invalid;
import eu.vigil.company.ParseResult.Reason;
import eu.vigil.company.ParseResult.Valid;

final class FrenchNumbers {

    private static final String LA_POSTE_SIREN = "356000000";

    private FrenchNumbers() {}

    static ParseResult parse(String raw, String body) {
        if (body.length() == 11) {
            return parseVat(raw, body);
        }
        int nonDigit = Chars.firstNonDigit(body);
        if (nonDigit >= 0) {
            return Rejections.notADigit(raw, "FR SIREN/SIRET", body.charAt(nonDigit));
        }
        return switch (body.length()) {
            case 9 -> parseSiren(raw, body);
            case 14 -> parseSiret(raw, body);
            default ->
                Rejections.wrongLength(
                        raw,
                        "FR number must be a 9-digit SIREN, a 14-digit SIRET"
                                + " or a VAT number of 2 key characters + 9 digits, found " + body.length()
                                + " characters");
        };
    }

    static String displaySiren(String siren) {
        if (siren.length() != 9) {
            return siren;
        }
        return siren.substring(0, 3) + ' ' + siren.substring(3, 6) + ' ' + siren.substring(6);
    }

    static String vatNumber(String siren) {
        if (siren.length() != 9 || !Chars.isAllDigits(siren)) {
            return null;
        }
        return "FR" + twoDigits(Checksums.frenchVatKey(Chars.toInt(siren, 0, 9))) + siren;
    }

    private static ParseResult parseSiren(String raw, String siren) {
        if (Chars.isAllZeros(siren)) {
            return Rejections.placeholder(raw, "FR SIREN");
        }
        if (!Checksums.luhnValid(siren)) {
            return Rejections.badCheckDigit(raw, "FR SIREN " + displaySiren(siren) + " fails the Luhn check");
        }
        return valid(siren);
    }

    private static ParseResult parseSiret(String raw, String siret) {
        if (Chars.isAllZeros(siret)) {
            return Rejections.placeholder(raw, "FR SIRET");
        }
        String siren = siret.substring(0, 9);
        String display = displaySiren(siren) + ' ' + siret.substring(9);
        // La Poste numbers its establishments with a digit sum divisible by 5 instead of a Luhn key
        boolean laPosteRule = siren.equals(LA_POSTE_SIREN) && Checksums.digitSum(siret) % 5 == 0;
        if (!laPosteRule && !Checksums.luhnValid(siret)) {
            return Rejections.badCheckDigit(raw, "FR SIRET " + display + " fails the Luhn check");
        }
        if (!Checksums.luhnValid(siren)) {
            return Rejections.badCheckDigit(
                    raw,
                    "FR SIRET " + display + " contains SIREN " + displaySiren(siren) + ", which fails the Luhn check");
        }
        return valid(siren);
    }

    private static ParseResult parseVat(String raw, String body) {
        String key = body.substring(0, 2);
        String siren = body.substring(2);
        int nonDigit = Chars.firstNonDigit(siren);
        if (nonDigit >= 0) {
            return Rejections.notADigit(raw, "FR VAT number", siren.charAt(nonDigit));
        }
        for (int i = 0; i < 2; i++) {
            char c = key.charAt(i);
            if (c == 'I' || c == 'O' || !(Chars.isDigit(c) || Chars.isLetter(c))) {
                return new Invalid(
                        raw,
                        Reason.INVALID_CHARACTERS,
                        "FR VAT key may contain digits and letters other than I and O, found " + Chars.quote(c));
            }
        }
        if (Chars.isAllZeros(siren)) {
            return Rejections.placeholder(raw, "FR SIREN");
        }
        String vat = "FR" + body;
        if (!Checksums.luhnValid(siren)) {
            return Rejections.badCheckDigit(
                    raw,
                    "FR VAT number " + vat + " contains SIREN " + displaySiren(siren) + ", which fails the Luhn check");
        }
        if (Chars.isAllDigits(key)) {
            String expected = twoDigits(Checksums.frenchVatKey(Chars.toInt(siren, 0, 9)));
            if (!key.equals(expected)) {
                return Rejections.badCheckDigit(
                        raw, "FR VAT number " + vat + " has key " + key + ", expected " + expected);
            }
        }
        return valid(siren);
    }

    private static ParseResult valid(String siren) {
        return new Valid(new CompanyId("FR", siren));
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
