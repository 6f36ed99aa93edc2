package eu.vigil.company;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A {@link CompanyStatus} as a badge reads, in the reader's language; templates call it as {@code @statusWords}. */
@Component("statusWords")
public class CompanyStatusWords {

    private final MessageSource messages;

    CompanyStatusWords(MessageSource messages) {
        this.messages = messages;
    }

    /** "En faillite depuis le 7 avr. 2026", "Actief". */
    public String text(CompanyStatus status, Locale locale) {
        if (status == null) {
            return null;
        }
        String key = "status.kind." + status.kind().key();
        return status.since() == null
                ? messages.getMessage(key, null, locale)
                : messages.getMessage(key + ".since", new Object[] {ReaderFormats.day(status.since(), locale)}, locale);
    }

    /** The status alone, without its date: "En faillite", "Actief" (an export's column; the date has a column of its own). */
    public String kind(CompanyStatus status, Locale locale) {
        return status == null
                ? null
                : messages.getMessage("status.kind." + status.kind().key(), null, locale);
    }

    /** The badge's colour, by the light the status gives. */
    public String badgeClass(CompanyStatus status) {
        return switch (status == null ? "green" : status.light()) {
            case "red" -> "text-bg-danger";
            case "amber" -> "text-bg-warning";
            default -> "text-bg-success";
        };
    }

    /** The badge's colour in an email, where no stylesheet applies. */
    public String mailColour(CompanyStatus status) {
        return switch (status == null ? "green" : status.light()) {
            case "red" -> "#b3261e";
            case "amber" -> "#b26a00";
            default -> "#2e7d32";
        };
    }

    /** A fraction as a percentage in the reader's style, for templates. */
    public String percent(java.math.BigDecimal fraction, Locale locale) {
        return ReaderFormats.percent(fraction, locale);
    }

    /** An amount with its currency in the reader's style (25 000,00 €), for templates. */
    public String money(java.math.BigDecimal value, String currency, Locale locale) {
        return ReaderFormats.amount(value, currency, locale);
    }

    /** A share already in percent (33.3) in the reader's style (33,3 %), for templates. */
    public String percentOf(double percent, Locale locale) {
        return ReaderFormats.percent(java.math.BigDecimal.valueOf(percent).movePointLeft(2), locale);
    }
}
