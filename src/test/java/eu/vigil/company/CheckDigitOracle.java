package eu.vigil.company;

import java.math.BigInteger;

// Straightforward re-implementations used to build and judge test data independently of the production code.
final class CheckDigitOracle {

    private CheckDigitOracle() {}

    static String belgianCheck(String eightDigits) {
        return "%02d".formatted(97 - Long.parseLong(eightDigits) % 97);
    }

    static char luhnCheckDigit(String payload) {
        for (char candidate = '0'; candidate <= '9'; candidate++) {
            if (luhnValid(payload + candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no Luhn check digit for " + payload);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int position = 0; position < digits.length(); position++) {
            int digit = digits.charAt(digits.length() - 1 - position) - '0';
            int contribution = position % 2 == 1 ? digit * 2 : digit;
            sum += contribution / 10 + contribution % 10;
        }
        return sum % 10 == 0;
    }

    static String frenchVatKey(String siren) {
        return "%02d"
                .formatted(
                        new BigInteger(siren + "12").mod(BigInteger.valueOf(97)).intValue());
    }

    static char germanCheckDigit(String eightDigits) {
        int product = 10;
        for (char c : eightDigits.toCharArray()) {
            int sum = (c - '0' + product) % 10;
            product = (2 * (sum == 0 ? 10 : sum)) % 11;
        }
        int check = 11 - product;
        return (char) ('0' + (check == 10 ? 0 : check));
    }

    static String luxembourgCheck(String sixDigits) {
        return "%02d".formatted(Integer.parseInt(sixDigits) % 89);
    }

    static boolean elfproefValid(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int weight = i == 8 ? -1 : 9 - i;
            sum += weight * (nineDigits.charAt(i) - '0');
        }
        return Math.floorMod(sum, 11) == 0;
    }

    static int dutchMod97(String btwId) {
        StringBuilder numeric = new StringBuilder();
        for (char c : ("NL" + btwId).toCharArray()) {
            numeric.append(Character.getNumericValue(c));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    }

    static boolean dutchBtwValid(String btwId) {
        return elfproefValid(btwId.substring(0, 9)) || dutchMod97(btwId) == 1;
    }
}
