package eu.vigil.watchlist;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An amount with its currency, as people write it: {@code 10.000,00 EUR}, {@code €10,000}, {@code 5000}. */
public record Amount(BigDecimal value, String currency) {

    public static final String DEFAULT_CURRENCY = "EUR";

    private static final Pattern CODE = Pattern.compile("\\b([A-Za-z]{3})\\b");
    private static final Pattern SPACES = Pattern.compile("[\\s'\u00A0\u202F]");
    private static final Pattern DIGITS = Pattern.compile("-?[0-9.,]+");

    /** Empty for a blank cell; throws {@link IllegalArgumentException} saying why for text that is no amount. */
    public static Optional<Amount> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        String currency = DEFAULT_CURRENCY;
        if (text.contains("€")) {
            text = text.replace("€", " ");
        } else if (text.contains("$")) {
            currency = "USD";
            text = text.replace("$", " ");
        } else if (text.contains("£")) {
            currency = "GBP";
            text = text.replace("£", " ");
        } else {
            Matcher code = CODE.matcher(text);
            if (code.find()) {
                currency = code.group(1).toUpperCase(Locale.ROOT);
                text = text.substring(0, code.start()) + " " + text.substring(code.end());
            }
        }
        String digits = SPACES.matcher(text).replaceAll("");
        if (digits.isEmpty() || !DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("'" + raw.strip() + "' is not an amount");
        }
        int lastComma = digits.lastIndexOf(',');
        int lastDot = digits.lastIndexOf('.');
        String normal;
        if (lastComma >= 0 && lastDot >= 0) {
            char decimal = lastComma > lastDot ? ',' : '.';
            char grouping = decimal == ',' ? '.' : ',';
            normal = digits.replace(String.valueOf(grouping), "").replace(decimal, '.');
        } else if (lastComma >= 0 || lastDot >= 0) {
            char sep = lastComma >= 0 ? ',' : '.';
            int count =
                    digits.length() - digits.replace(String.valueOf(sep), "").length();
            int after = digits.length() - digits.lastIndexOf(sep) - 1;
            boolean grouping = count > 1 || after == 3;
            normal = grouping ? digits.replace(String.valueOf(sep), "") : digits.replace(sep, '.');
        } else {
            normal = digits;
        }
        try {
            BigDecimal value = new BigDecimal(normal);
            if (value.abs().compareTo(new BigDecimal("1e15")) >= 0) {
                throw new TooLargeException("'" + raw.strip() + "' is too large");
            }
            return Optional.of(new Amount(value.setScale(2, java.math.RoundingMode.HALF_UP), currency));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + raw.strip() + "' is not an amount");
        }
    }

    public String display() {
        return String.format(Locale.ROOT, "%,.2f %s", value, currency);
    }

    /** An amount {@link #parse} reads but that is too large to keep. */
    public static final class TooLargeException extends IllegalArgumentException {

        TooLargeException(String message) {
            super(message);
        }
    }
}
