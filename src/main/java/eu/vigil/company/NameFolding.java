package eu.vigil.company;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Names as the name index keeps them ({@code vigil_fold} in SQL): lower case, accents off, punctuation as spaces. */
public final class NameFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_A_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NameFolding() {}

    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT)
                .replace("ł", "l")
                .replace("ø", "o")
                .replace("œ", "o")
                .replace("ß", "s")
                .replace("æ", "a")
                .replace("đ", "d");
        String bare =
                MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NOT_A_LETTER_OR_DIGIT.matcher(bare).replaceAll(" ").strip();
    }

    /** The distinct folded words of a query, longest first (they narrow the index search most). */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        for (String word : fold(text).split(" ")) {
            if (!word.isEmpty() && !words.contains(word)) {
                words.add(word);
            }
        }
        words.sort((a, b) -> b.length() - a.length());
        return words.size() > 8 ? words.subList(0, 8) : words;
    }
}
