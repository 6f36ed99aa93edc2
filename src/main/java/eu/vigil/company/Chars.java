package eu.vigil.company;

final class Chars {

    private Chars() {}

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static int firstNonDigit(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static int firstNonDigit(String s) {
        return firstNonDigit(s, 0);
    }

    static boolean isAllDigits(String s) {
        return firstNonDigit(s) < 0;
    }

    static boolean containsDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isAllZeros(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    static int leadingLetters(String s) {
        int count = 0;
        while (count < s.length() && isLetter(s.charAt(count))) {
            count++;
        }
        return count;
    }

    static int toInt(String digits, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        return value;
    }

    static String quote(char c) {
        return Character.isISOControl(c) || !Character.isDefined(c) || Character.isSurrogate(c)
                ? String.format("U+%04X", (int) c)
                : "'" + c + "'";
    }
}
