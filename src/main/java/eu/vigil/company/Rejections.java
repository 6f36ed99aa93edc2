package eu.vigil.company;

import eu.vigil.company.ParseResult.Invalid;
import eu.vigil.company.ParseResult.Reason;

final class Rejections {

    private Rejections() {}

    static Invalid notADigit(String raw, String what, char found) {
        return new Invalid(
                raw,
                Reason.INVALID_CHARACTERS,
                what + " contains " + Chars.quote(found) + " where a digit is expected");
    }

    static Invalid placeholder(String raw, String what) {
        return new Invalid(
                raw, Reason.UNKNOWN_FORMAT, what + " is all zeros, a placeholder rather than an issued number");
    }

    static Invalid wrongLength(String raw, String detail) {
        return new Invalid(raw, Reason.WRONG_LENGTH, detail);
    }

    static Invalid badCheckDigit(String raw, String detail) {
        return new Invalid(raw, Reason.BAD_CHECK_DIGIT, detail);
    }

    static Invalid unknownFormat(String raw, String detail) {
        return new Invalid(raw, Reason.UNKNOWN_FORMAT, detail);
    }
}
