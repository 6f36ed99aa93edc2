package eu.vigil.company;

public sealed interface ParseResult {

    record Valid(CompanyId id) implements ParseResult {}

    record Invalid(String raw, Reason reason, String detail) implements ParseResult {}

    enum Reason {
        EMPTY,
        UNKNOWN_FORMAT,
        UNKNOWN_PREFIX,
        WRONG_LENGTH,
        BAD_CHECK_DIGIT,
        INVALID_CHARACTERS
    }
}
