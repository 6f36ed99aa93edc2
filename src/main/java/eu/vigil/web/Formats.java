package eu.vigil.web;

import eu.vigil.tenancy.VigilUser;
import java.time.Instant;
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

    public ZoneId zone() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof VigilUser user ? user.zoneId() : DEFAULT_ZONE;
    }
}
