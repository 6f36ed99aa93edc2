package eu.vigil.company;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

// Generators of canonical valid numbers; check digits come from CheckDigitOracle, not from the code under test.
// Every generator draws from the caller's seeded Random, so a seed reproduces the same sequence of cases.
final class ValidIds {

    static final List<String> COMPANIES_HOUSE_PREFIXES = List.of(
            "AC", "CE", "CS", "EN", "ES", "FC", "FE", "GE", "GN", "GS", "IC", "IP", "LP", "NA", "NC", "NF", "NI", "NO",
            "NP", "NR", "NV", "NZ", "OC", "OE", "PC", "R0", "RC", "RS", "SA", "SC", "SE", "SF", "SG", "SI", "SL", "SO",
            "SP", "SR", "SZ", "ZC");

    // one draw in EDGE_CASE_ODDS is an edge case (bounds of a range, all-0 or all-9 digits)
    private static final int EDGE_CASE_ODDS = 25;

    private ValidIds() {}

    static int between(Random random, int min, int max) {
        int pick = random.nextInt(2 * EDGE_CASE_ODDS);
        if (pick == 0) {
            return min;
        }
        if (pick == 1) {
            return max;
        }
        return min + random.nextInt(max - min + 1);
    }

    static String digits(Random random, int length) {
        int pick = random.nextInt(2 * EDGE_CASE_ODDS);
        if (pick <= 1) {
            return String.valueOf(pick == 0 ? '0' : '9').repeat(length);
        }
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    // draws until the predicate holds; the predicates here reject only a small fraction of draws
    static <T> T filtered(Random random, Function<Random, T> generator, Predicate<T> accept) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            T candidate = generator.apply(random);
            if (accept.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("generator filter rejected 10,000 draws in a row");
    }

    static String belgian(Random random) {
        String body = "%08d".formatted(between(random, 0, 19_999_999));
        return body + CheckDigitOracle.belgianCheck(body);
    }

    static String frenchSiren(Random random) {
        return filtered(
                random,
                r -> {
                    String body = digits(r, 8);
                    return body + CheckDigitOracle.luhnCheckDigit(body);
                },
                siren -> !siren.equals("000000000"));
    }

    static String frenchSiret(Random random) {
        return filtered(
                random,
                r -> {
                    String payload = frenchSiren(r) + digits(r, 4);
                    return payload + CheckDigitOracle.luhnCheckDigit(payload);
                },
                siret -> !siret.startsWith("356000000"));
    }

    static String italian(Random random) {
        return filtered(
                random,
                r -> {
                    String body = digits(r, 10);
                    return body + CheckDigitOracle.luhnCheckDigit(body);
                },
                number -> !number.equals("00000000000"));
    }

    static String german(Random random) {
        return filtered(
                random,
                r -> {
                    String body = digits(r, 8);
                    return body + CheckDigitOracle.germanCheckDigit(body);
                },
                number -> !number.equals("000000000"));
    }

    static String luxembourg(Random random) {
        String body = filtered(random, r -> digits(r, 6), b -> !b.equals("000000"));
        return body + CheckDigitOracle.luxembourgCheck(body);
    }

    static String dutchBtwByElfproef(Random random) {
        return filtered(
                random,
                r -> {
                    String body = filtered(r, r2 -> digits(r2, 8), b -> elfproefLastDigit(b) < 10);
                    int suffix = between(r, 1, 99);
                    return body + elfproefLastDigit(body) + "B" + "%02d".formatted(suffix);
                },
                id -> !id.startsWith("000000000"));
    }

    private static int elfproefLastDigit(String eightDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (eightDigits.charAt(i) - '0');
        }
        return sum % 11;
    }

    static String dutchBtwByMod97(Random random) {
        String body = filtered(random, r -> digits(r, 9), b -> !b.equals("000000000"));
        int remainder = CheckDigitOracle.dutchMod97(body + "B00");
        int suffix = Math.floorMod(1 - remainder, 97);
        return body + "B" + "%02d".formatted(suffix == 0 ? 97 : suffix);
    }

    static String dutchBtw(Random random) {
        return random.nextBoolean() ? dutchBtwByElfproef(random) : dutchBtwByMod97(random);
    }

    static String dutchKvk(Random random) {
        return filtered(random, r -> digits(r, 8), number -> !number.equals("00000000"));
    }

    static String britishDigits(Random random) {
        return "%08d".formatted(between(random, 1, 99_999_999));
    }

    static String britishPrefixed(Random random) {
        return oneOf(random, COMPANIES_HOUSE_PREFIXES) + digits(random, 6);
    }

    private static final List<Function<Random, CompanyId>> ANY_COMPANY = List.of(
            r -> new CompanyId("BE", belgian(r)),
            r -> new CompanyId("FR", frenchSiren(r)),
            r -> new CompanyId("IT", italian(r)),
            r -> new CompanyId("DE", german(r)),
            r -> new CompanyId("LU", luxembourg(r)),
            r -> new CompanyId("NL", dutchBtwByElfproef(r)),
            r -> new CompanyId("NL", dutchBtwByMod97(r)),
            r -> new CompanyId("NL", dutchKvk(r)),
            r -> new CompanyId("GB", britishDigits(r)),
            r -> new CompanyId("GB", britishPrefixed(r)));

    static CompanyId anyCompany(Random random) {
        return oneOf(random, ANY_COMPANY).apply(random);
    }

    static String substitute(String number, int index, int offset) {
        char replaced = (char) ('0' + (number.charAt(index) - '0' + offset) % 10);
        return number.substring(0, index) + replaced + number.substring(index + 1);
    }

    static String swapWithNext(String number, int index) {
        return number.substring(0, index)
                + number.charAt(index + 1)
                + number.charAt(index)
                + number.substring(index + 2);
    }
}
