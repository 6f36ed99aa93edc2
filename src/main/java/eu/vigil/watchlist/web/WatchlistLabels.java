package eu.vigil.watchlist.web;

import eu.vigil.company.ReaderFormats;
import eu.vigil.signal.SignalCatalogue;
import java.time.LocalDate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Traffic-light reasons in the reader's language; templates call it as {@code @watchlistLabels}. */
@Component("watchlistLabels")
class WatchlistLabels {

    private final SignalCatalogue catalogue;
    private final MessageSource messages;

    WatchlistLabels(SignalCatalogue catalogue, MessageSource messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    public String signal(String code) {
        if (code == null) {
            return "";
        }
        String language = LocaleContextHolder.getLocale().getLanguage();
        return catalogue.find(code).map(s -> s.label(language).label()).orElse(code);
    }

    /** "red: Bankruptcy opened on 12 Mar 2026", "green", "pending". */
    public String reason(String light, String code, LocalDate date) {
        String name = messages.getMessage("watchlist.light." + light, null, light, LocaleContextHolder.getLocale());
        if (code == null || date == null) {
            return name;
        }
        return messages.getMessage(
                "watchlist.light.reason",
                new Object[] {name, signal(code), ReaderFormats.day(date, LocaleContextHolder.getLocale())},
                LocaleContextHolder.getLocale());
    }

    public String date(LocalDate date) {
        return date == null ? "" : ReaderFormats.day(date, LocaleContextHolder.getLocale());
    }
}
