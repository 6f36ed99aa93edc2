package eu.vigil.web;

import eu.vigil.tenancy.VigilUser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Dates and times in the reader's language and time zone; templates call it as {@code @fmt}. */
@Component("fmt")
public class Formats {

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Brussels");

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "—";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale())
                .withZone(zone())
                .format(instant);
    }

    public String date(Instant instant) {
        if (instant == null) {
            return "—";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale())
                .withZone(zone())
                .format(instant);
    }

    /** A calendar date (no time, no zone), e.g. an event's effective date. */
    public String day(LocalDate date) {
        if (date == null) {
            return "—";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale())
                .format(date);
    }

    /** An ISO date as a source wrote it ({@code 2026-10-02}); anything else is shown as given. */
    public String isoDay(String iso) {
        if (iso == null || iso.isBlank()) {
            return "—";
        }
        try {
            return day(LocalDate.parse(iso.trim()));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    public ZoneId zone() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof VigilUser user
                ? user.zoneId()
                : DEFAULT_ZONE;
    }
}
