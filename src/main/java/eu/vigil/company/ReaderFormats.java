package eu.vigil.company;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Dates, amounts, numbers and percentages as a reader of one language writes them, the same on every page,
 * email and chart: {@code 7 avr. 2026}, {@code 25 000,00 €}, {@code 0,87 %} in French; {@code 7 apr 2026},
 * {@code € 25.000,00} in Dutch; {@code 7 apr 2026}, {@code 25.000,00 €} in Italian; {@code Apr 7, 2026},
 * {@code €25,000.00} in English.
 */
public final class ReaderFormats {

    private ReaderFormats() {}

    public static String day(LocalDate date, Locale locale) {
        return date == null
                ? null
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(date);
    }

    /** An ISO date as a source writes it; null when it is not one. */
    public static String isoDay(String iso, Locale locale) {
        LocalDate date = parseDay(iso);
        return date == null ? null : day(date, locale);
    }

    public static LocalDate parseDay(String iso) {
        if (iso == null || iso.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(iso.trim().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An amount with its currency (EUR when the source names none), two decimals. */
    public static String amount(BigDecimal value, String currency, Locale locale) {
        if (value == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(Currency.getInstance(currency == null || currency.isBlank() ? "EUR" : currency.trim()));
        } catch (IllegalArgumentException e) {
            format.setCurrency(Currency.getInstance("EUR"));
        }
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    public static String number(BigDecimal value, int minDigits, int maxDigits, Locale locale) {
        if (value == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(minDigits);
        format.setMaximumFractionDigits(maxDigits);
        return format.format(value);
    }

    /** A fraction (0.0087) as a percentage (0,87 %), up to two decimals. */
    public static String percent(BigDecimal fraction, Locale locale) {
        if (fraction == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(2);
        return format.format(fraction);
    }

    /** The text as a number, or null when it is not one. */
    public static BigDecimal parseNumber(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
