package eu.vigil.feed.kbo;

/** KBO entity numbers as they stand in the files: enterprises {@code 0403.170.701}, establishments {@code 2.190.171.611}. */
final class KboNumbers {

    static final long FIRST_ESTABLISHMENT = 2_000_000_000L;

    private KboNumbers() {}

    /** The number's digits as a long, or -1 when it is not 10 digits in any dotting. */
    static long parse(String text) {
        long value = 0;
        int digits = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                digits++;
            } else if (c != '.' && c != ' ') {
                return -1;
            }
        }
        return digits == 10 ? value : -1;
    }

    static boolean isEnterprise(long number) {
        return number >= 0 && number < FIRST_ESTABLISHMENT;
    }

    static boolean validEnterprise(long number) {
        if (!isEnterprise(number)) {
            return false;
        }
        long first8 = number / 100;
        return number % 100 == 97 - first8 % 97;
    }

    /** The canonical form company identities use: 10 digits. */
    static String canonical(long number) {
        String digits = Long.toString(number);
        return "0".repeat(10 - digits.length()) + digits;
    }

    static String display(long number) {
        String d = canonical(number);
        return number >= FIRST_ESTABLISHMENT
                ? d.charAt(0) + "." + d.substring(1, 4) + "." + d.substring(4, 7) + "." + d.substring(7)
                : d.substring(0, 4) + "." + d.substring(4, 7) + "." + d.substring(7);
    }
}
