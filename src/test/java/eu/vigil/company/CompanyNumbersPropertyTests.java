package eu.vigil.company;

import static eu.vigil.company.RandomCases.TRIES;
import static eu.vigil.company.RandomCases.forAll;
import static eu.vigil.company.RandomCases.forAllCounting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import eu.vigil.company.ParseResult.Invalid;
import eu.vigil.company.ParseResult.Reason;
import eu.vigil.company.ParseResult.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

// Property tests on plain JUnit: each test draws RandomCases.TRIES valid numbers from a fixed seed (see
// RandomCases for the failure report). The corruption tests apply every substitution / adjacent swap in
// scope to each drawn number rather than one random corruption per number.
class CompanyNumbersPropertyTests {

    private static void assertParsesTo(CompanyId expected, String raw, String defaultCountry) {
        ParseResult result = CompanyNumbers.parse(raw, defaultCountry);
        assertEquals(new Valid(expected), result, () -> "parsing '" + raw + "' with default " + defaultCountry);
    }

    private static void assertRejected(Reason expected, String raw, String defaultCountry) {
        ParseResult result = CompanyNumbers.parse(raw, defaultCountry);
        Invalid invalid = assertInstanceOf(
                Invalid.class, result, () -> "'" + raw + "' with default " + defaultCountry + " was accepted");
        assertEquals(
                expected,
                invalid.reason(),
                () -> "'" + raw + "' with default " + defaultCountry + ": " + invalid.detail());
    }

    private static String grouped(String digits, int... sizes) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int size : sizes) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(digits, at, at + size);
            at += size;
        }
        return out.append(digits.substring(at)).toString();
    }

    // --- every notation parses to the canonical form ---

    @Test
    void belgianNumbersParseInEveryNotation() {
        forAll(0x5EED_0001L, ValidIds::belgian, number -> {
            CompanyId expected = new CompanyId("BE", number);
            String dotted = number.substring(0, 4) + "." + number.substring(4, 7) + "." + number.substring(7);
            List<String> notations = List.of(
                    number,
                    dotted,
                    "BE" + number,
                    "BE " + grouped(number, 4, 3, 3),
                    "be" + dotted,
                    "\"" + dotted + "\"",
                    "\u00A0BE-" + dotted.replace('.', '-') + " ");
            for (String notation : notations) {
                assertParsesTo(expected, notation, "BE");
                assertParsesTo(expected, notation, null);
            }
            if (number.charAt(0) == '0') {
                assertParsesTo(expected, number.substring(1), "BE");
                assertParsesTo(expected, "BE" + number.substring(1), "FR");
            }
        });
    }

    @Test
    void frenchSirensParseInEveryNotation() {
        forAll(0x5EED_0002L, ValidIds::frenchSiren, siren -> {
            CompanyId expected = new CompanyId("FR", siren);
            String key = CheckDigitOracle.frenchVatKey(siren);
            for (String notation : List.of(siren, grouped(siren, 3, 3, 3), "FR" + siren, key + siren)) {
                assertParsesTo(expected, notation, "FR");
            }
            for (String notation : List.of("FR" + key + siren, "fr " + key + " " + grouped(siren, 3, 3, 3))) {
                assertParsesTo(expected, notation, "BE");
                assertParsesTo(expected, notation, null);
            }
        });
    }

    @Test
    void frenchSiretsParseToTheirSiren() {
        forAll(0x5EED_0003L, ValidIds::frenchSiret, siret -> {
            CompanyId expected = new CompanyId("FR", siret.substring(0, 9));
            for (String notation : List.of(siret, grouped(siret, 3, 3, 3), "FR" + siret)) {
                assertParsesTo(expected, notation, "BE");
                assertParsesTo(expected, notation, null);
            }
        });
    }

    @Test
    void italianNumbersParseInEveryNotation() {
        forAll(0x5EED_0004L, ValidIds::italian, number -> {
            CompanyId expected = new CompanyId("IT", number);
            assertParsesTo(expected, "IT" + number, "BE");
            assertParsesTo(expected, "it " + number, null);
            assertParsesTo(expected, number, "IT");
            assertParsesTo(expected, number, null);
        });
    }

    @Test
    void germanNumbersParseInEveryNotation() {
        forAll(0x5EED_0005L, ValidIds::german, number -> {
            CompanyId expected = new CompanyId("DE", number);
            assertParsesTo(expected, "DE" + number, "BE");
            assertParsesTo(expected, "DE " + grouped(number, 3, 3, 3), null);
            assertParsesTo(expected, number, "DE");
        });
    }

    @Test
    void luxembourgNumbersParseInEveryNotation() {
        forAll(0x5EED_0006L, ValidIds::luxembourg, number -> {
            CompanyId expected = new CompanyId("LU", number);
            assertParsesTo(expected, "LU" + number, "BE");
            assertParsesTo(expected, "lu " + grouped(number, 4, 4), null);
            assertParsesTo(expected, number, "LU");
        });
    }

    @Test
    void dutchBtwIdsParseInEveryNotation() {
        forAll(0x5EED_0007L, ValidIds::dutchBtw, btwId -> {
            CompanyId expected = new CompanyId("NL", btwId);
            String spaced = grouped(btwId.substring(0, 9), 4, 2, 3) + " B " + btwId.substring(10);
            for (String notation : List.of("NL" + btwId, "nl" + btwId.toLowerCase(), "NL " + spaced, btwId)) {
                assertParsesTo(expected, notation, "BE");
                assertParsesTo(expected, notation, "NL");
                assertParsesTo(expected, notation, null);
            }
        });
    }

    @Test
    void kvkNumbersParseInDutchContext() {
        forAll(0x5EED_0008L, ValidIds::dutchKvk, number -> {
            CompanyId expected = new CompanyId("NL", number);
            assertParsesTo(expected, "KvK " + number, "BE");
            assertParsesTo(expected, "NL" + number, null);
            assertParsesTo(expected, number, "NL");
        });
    }

    @Test
    void britishNumbersParseInEveryNotation() {
        forAll(0x5EED_0009L, ValidIds::britishDigits, number -> {
            CompanyId expected = new CompanyId("GB", number);
            String withoutLeadingZeros = number.replaceFirst("^0+", "");
            for (String notation : List.of(number, withoutLeadingZeros, "GB" + number, "gb " + withoutLeadingZeros)) {
                assertParsesTo(expected, notation, "GB");
            }
            assertParsesTo(expected, "GB" + withoutLeadingZeros, "BE");
        });
    }

    @Test
    void prefixedBritishNumbersParseWithAnyDefault() {
        forAll(0x5EED_000AL, ValidIds::britishPrefixed, number -> {
            CompanyId expected = new CompanyId("GB", number);
            assertParsesTo(expected, number, "BE");
            assertParsesTo(expected, number.toLowerCase(), null);
            assertParsesTo(expected, "GB " + number.substring(0, 2) + " " + number.substring(2), "FR");
        });
    }

    // --- corruptions each check is guaranteed to catch ---
    // Each drawn number gets every substitution (offsets 1..9) at every position in scope, and every
    // adjacent swap in scope; the same exclusions as before are skipped, and each test requires that a
    // minimum number of corruptions was actually asserted.

    @Test
    void belgianMod97CatchesEverySubstitution() {
        forAllCounting(0x5EED_0101L, ValidIds::belgian, TRIES * 9 * 9, number -> {
            int checks = 0;
            for (int index = 1; index <= 9; index++) {
                for (int offset = 1; offset <= 9; offset++) {
                    assertRejected(Reason.BAD_CHECK_DIGIT, ValidIds.substitute(number, index, offset), "BE");
                    checks++;
                }
            }
            return checks;
        });
    }

    @Test
    void belgianMod97CatchesEveryAdjacentSwap() {
        forAllCounting(0x5EED_0102L, ValidIds::belgian, TRIES * 9 / 2, number -> {
            int checks = 0;
            for (int index = 0; index <= 8; index++) {
                String swapped = ValidIds.swapWithNext(number, index);
                if (swapped.equals(number) || swapped.charAt(0) > '1') {
                    continue;
                }
                assertRejected(Reason.BAD_CHECK_DIGIT, swapped, "BE");
                checks++;
            }
            return checks;
        });
    }

    @Test
    void luhnCatchesEverySubstitutionInSiren() {
        forAllCounting(0x5EED_0103L, ValidIds::frenchSiren, TRIES * 9 * 9 * 9 / 10, siren -> {
            int checks = 0;
            for (int index = 0; index <= 8; index++) {
                for (int offset = 1; offset <= 9; offset++) {
                    String corrupted = ValidIds.substitute(siren, index, offset);
                    if (corrupted.equals("000000000")) {
                        continue;
                    }
                    assertRejected(Reason.BAD_CHECK_DIGIT, corrupted, "FR");
                    assertRejected(
                            Reason.BAD_CHECK_DIGIT, "FR" + CheckDigitOracle.frenchVatKey(siren) + corrupted, null);
                    checks++;
                }
            }
            return checks;
        });
    }

    @Test
    void luhnCatchesAdjacentSwapsExceptZeroNine() {
        forAllCounting(0x5EED_0104L, ValidIds::frenchSiren, TRIES * 8 / 2, siren -> {
            int checks = 0;
            for (int index = 0; index <= 7; index++) {
                String swapped = ValidIds.swapWithNext(siren, index);
                if (swapped.equals(siren) || isZeroNinePair(siren.charAt(index), siren.charAt(index + 1))) {
                    continue;
                }
                assertRejected(Reason.BAD_CHECK_DIGIT, swapped, "FR");
                checks++;
            }
            return checks;
        });
    }

    @Test
    void luhnCatchesEverySubstitutionInSiret() {
        forAllCounting(0x5EED_0105L, ValidIds::frenchSiret, TRIES * 14 * 9 * 9 / 10, siret -> {
            int checks = 0;
            for (int index = 0; index <= 13; index++) {
                for (int offset = 1; offset <= 9; offset++) {
                    String corrupted = ValidIds.substitute(siret, index, offset);
                    if (corrupted.startsWith("356000000") || corrupted.startsWith("000000000")) {
                        continue;
                    }
                    assertRejected(Reason.BAD_CHECK_DIGIT, corrupted, "BE");
                    checks++;
                }
            }
            return checks;
        });
    }

    @Test
    void frenchVatKeyCatchesEveryKeySubstitution() {
        forAllCounting(0x5EED_0106L, ValidIds::frenchSiren, TRIES * 2 * 9, siren -> {
            int checks = 0;
            for (int index = 0; index <= 1; index++) {
                for (int offset = 1; offset <= 9; offset++) {
                    String key = ValidIds.substitute(CheckDigitOracle.frenchVatKey(siren), index, offset);
                    assertRejected(Reason.BAD_CHECK_DIGIT, "FR" + key + siren, null);
                    checks++;
                }
            }
            return checks;
        });
    }

    @Test
    void italianCheckCatchesSubstitutionsAndSwaps() {
        forAllCounting(0x5EED_0107L, ValidIds::italian, TRIES * (11 * 9 + 10) * 8 / 10, number -> {
            int checks = 0;
            for (int index = 0; index <= 10; index++) {
                for (int offset = 1; offset <= 9; offset++) {
                    String corrupted = ValidIds.substitute(number, index, offset);
                    if (corrupted.equals("00000000000")) {
                        continue;
                    }
                    assertRejected(Reason.BAD_CHECK_DIGIT, "IT" + corrupted, null);
                    checks++;
                }
                if (index < 10
                        && number.charAt(index) != number.charAt(index + 1)
                        && !isZeroNinePair(number.charAt(index), number.charAt(index + 1))) {
                    assertRejected(Reason.BAD_CHECK_DIGIT, "IT" + ValidIds.swapWithNext(number, index), null);
                    checks++;
                }
            }
            return checks;
        });
    }

    // ISO 7064 MOD 11,10 misses about 2% of adjacent swaps, so only substitutions are asserted
    @Test
    void germanCheckCatchesEverySubstitution() {
        forAllCounting(0x5EED_0108L, ValidIds::german, TRIES * 9 * 9 * 9 / 10, number -> {
            int checks = 0;
            for (int index = 0; index <= 8; index++) {
                for (int offset = 1; offset <= 9; offset++) {
                    String corrupted = ValidIds.substitute(number, index, offset);
                    if (corrupted.equals("000000000")) {
                        continue;
                    }
                    assertRejected(Reason.BAD_CHECK_DIGIT, "DE" + corrupted, null);
                    checks++;
                }
            }
            return checks;
        });
    }

    @Test
    void luxembourgMod89CatchesSubstitutionsAndSwaps() {
        forAllCounting(0x5EED_0109L, ValidIds::luxembourg, TRIES * (8 * 9 + 7) * 8 / 10, number -> {
            int checks = 0;
            for (int index = 0; index <= 7; index++) {
                for (int offset = 1; offset <= 9; offset++) {
                    String corrupted = ValidIds.substitute(number, index, offset);
                    if (corrupted.equals("00000000")) {
                        continue;
                    }
                    assertRejected(Reason.BAD_CHECK_DIGIT, "LU" + corrupted, null);
                    checks++;
                }
                if (index < 7 && number.charAt(index) != number.charAt(index + 1)) {
                    assertRejected(Reason.BAD_CHECK_DIGIT, "LU" + ValidIds.swapWithNext(number, index), null);
                    checks++;
                }
            }
            return checks;
        });
    }

    // either rule may accept by chance what the other rejects, so that case is judged by the oracle
    @Test
    void dutchBtwIdRejectsSubstitutionsNeitherRuleAccepts() {
        forAllCounting(0x5EED_010AL, ValidIds::dutchBtw, TRIES * 9 * 9 * 8 / 10, btwId -> {
            int checks = 0;
            for (int index = 0; index <= 8; index++) {
                for (int offset = 1; offset <= 9; offset++) {
                    String corrupted = ValidIds.substitute(btwId, index, offset);
                    if (CheckDigitOracle.dutchBtwValid(corrupted) || corrupted.startsWith("000000000")) {
                        continue;
                    }
                    assertRejected(Reason.BAD_CHECK_DIGIT, "NL" + corrupted, null);
                    checks++;
                }
            }
            return checks;
        });
    }

    @Test
    void dutchMod97IdsRejectSubstitutionsInTheSuffix() {
        forAllCounting(0x5EED_010BL, ValidIds::dutchBtwByMod97, TRIES * 2 * 9 * 8 / 10, btwId -> {
            if (CheckDigitOracle.elfproefValid(btwId.substring(0, 9))) {
                return 0;
            }
            int checks = 0;
            for (int index = 10; index <= 11; index++) {
                for (int offset = 1; offset <= 9; offset++) {
                    String corrupted = ValidIds.substitute(btwId, index, offset);
                    if (corrupted.endsWith("B00")) {
                        continue;
                    }
                    assertRejected(Reason.BAD_CHECK_DIGIT, "NL" + corrupted, null);
                    checks++;
                }
            }
            return checks;
        });
    }

    // --- wrong lengths ---
    // Every (prefix or default country, wrong length) pair is covered with several random digit strings.

    private static final int DIGIT_STRINGS_PER_LENGTH = 10;

    private record LengthRule(String prefix, List<Integer> validLengths) {}

    private static final List<LengthRule> PREFIXED_LENGTH_RULES = List.of(
            new LengthRule("BE", List.of(9, 10)),
            new LengthRule("FR", List.of(9, 11, 14)),
            new LengthRule("IT", List.of(11)),
            new LengthRule("DE", List.of(9)),
            new LengthRule("LU", List.of(8)),
            new LengthRule("NL", List.of(8)),
            new LengthRule("KVK", List.of(8)),
            // 1..8 digits are zero-padded; 9 and 12 digits are UK VAT numbers
            new LengthRule("GB", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 12)));

    @Test
    void wrongLengthsAfterACountryPrefixAreReported() {
        long seed = 0x5EED_0201L;
        Random random = new Random(seed);
        List<String> cases = new ArrayList<>();
        for (LengthRule rule : PREFIXED_LENGTH_RULES) {
            for (int length = 0; length <= 20; length++) {
                if (rule.validLengths().contains(length)) {
                    continue;
                }
                for (int i = 0; i < DIGIT_STRINGS_PER_LENGTH; i++) {
                    cases.add(rule.prefix() + " " + ValidIds.digits(random, length));
                }
            }
        }
        RandomCases.check(seed, cases, raw -> {
            assertRejected(Reason.WRONG_LENGTH, raw, null);
            return 1;
        });
    }

    private static final List<LengthRule> BARE_LENGTH_RULES = List.of(
            new LengthRule("BE", List.of(9, 10)),
            new LengthRule("FR", List.of(9, 11)),
            new LengthRule("IT", List.of(11)),
            new LengthRule("DE", List.of(9)),
            new LengthRule("LU", List.of(8)),
            new LengthRule("NL", List.of(8)));

    @Test
    void wrongLengthsOfBareNumbersAreReportedForTheDefaultCountry() {
        long seed = 0x5EED_0202L;
        Random random = new Random(seed);
        List<List<String>> cases = new ArrayList<>();
        for (LengthRule rule : BARE_LENGTH_RULES) {
            for (int length = 1; length <= 20; length++) {
                // 14 bare digits are always read as a SIRET
                if (length == 14 || rule.validLengths().contains(length)) {
                    continue;
                }
                for (int i = 0; i < DIGIT_STRINGS_PER_LENGTH; i++) {
                    cases.add(List.of(rule.prefix(), ValidIds.digits(random, length)));
                }
            }
        }
        RandomCases.check(seed, cases, countryAndDigits -> {
            assertRejected(Reason.WRONG_LENGTH, countryAndDigits.get(1), countryAndDigits.get(0));
            return 1;
        });
    }

    private static boolean isZeroNinePair(char a, char b) {
        return (a == '0' && b == '9') || (a == '9' && b == '0');
    }
}
