package eu.vigil.company;

final class InputCleaner {

    private InputCleaner() {}

    // returns the index of the first disallowed character, or -1 when the whole input was usable
    static int compact(String raw, StringBuilder out) {
        int start = 0;
        int end = raw.length();
        while (start < end && isWrapping(raw.charAt(start))) {
            start++;
        }
        while (end > start && isWrapping(raw.charAt(end - 1))) {
            end--;
        }
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (Chars.isDigit(c) || Chars.isLetter(c)) {
                out.append(c);
            } else if (c >= 'a' && c <= 'z') {
                out.append((char) (c - 'a' + 'A'));
            } else if (!isSeparator(c) && !isBlank(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWrapping(char c) {
        return isBlank(c) || isQuote(c);
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || c == '\u200B'
                || c == '\u200C'
                || c == '\u200D'
                || c == '\u2060'
                || c == '\uFEFF';
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '-' || c == '/' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
    }

    private static boolean isQuote(char c) {
        return switch (c) {
            case '"', '\'', '`', '\u2018', '\u2019', '\u201A', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> true;
            default -> false;
        };
    }
}
