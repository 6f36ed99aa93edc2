package eu.vigil.signal.web;

import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.CompanyState;
import eu.vigil.company.ParseResult;
import eu.vigil.signal.Category;
import eu.vigil.signal.ChangeWording;
import eu.vigil.signal.Polarity;
import eu.vigil.signal.Signal;
import eu.vigil.signal.SignalCatalogue;
import eu.vigil.signal.SignalEvent;
import eu.vigil.signal.SignalEvents;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A company's timeline of signal events with the catalogue's labels in the reader's language,
 * filterable by category, polarity and period. The company page loads it as an htmx partial;
 * without JavaScript the same URL is a page of its own.
 */
@Controller
class CompanyTimelineController {

    static final List<Integer> PERIODS = List.of(7, 10, 30, 90);

    /** Years of history can hold thousands of events; past this many the reader is asked to narrow the filters. */
    static final int SHOWN = 200;

    private final CompanyRegistry registry;
    private final SignalEvents events;
    private final SignalCatalogue catalogue;
    private final ChangeWording wording;

    CompanyTimelineController(
            CompanyRegistry registry, SignalEvents events, SignalCatalogue catalogue, ChangeWording wording) {
        this.registry = registry;
        this.events = events;
        this.catalogue = catalogue;
        this.wording = wording;
    }

    /** One event as the timeline shows it: its label, why it matters, and what changed in words. */
    record Entry(SignalEvent event, String label, String explanation, String change) {}

    /** Newest day first; within a day, the most severe first. */
    static final Comparator<SignalEvent> ORDER = Comparator.comparing(SignalEvent::effectiveDate)
            .reversed()
            .thenComparing(
                    Comparator.comparingInt((SignalEvent e) -> e.severity().rank())
                            .reversed())
            .thenComparing(Comparator.comparingLong(SignalEvent::id).reversed());

    @GetMapping("/companies/{country}/{number}/timeline")
    String timeline(
            @PathVariable String country,
            @PathVariable String number,
            @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String polarity,
            @RequestParam(defaultValue = "") String days,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        CompanyState company = company(country, number);
        Category wantedCategory = Arrays.stream(Category.values())
                .filter(c -> c.key().equals(category))
                .findFirst()
                .orElse(null);
        Polarity wantedPolarity = Arrays.stream(Polarity.values())
                .filter(p -> p.key().equals(polarity))
                .findFirst()
                .orElse(null);
        Integer period = PERIODS.stream()
                .filter(p -> p.toString().equals(days))
                .findFirst()
                .orElse(null);
        LocalDate since = period == null ? null : LocalDate.now(zone()).minusDays(period);
        Locale locale = LocaleContextHolder.getLocale();
        List<Entry> entries = events.of(company.id(), since).stream()
                .filter(e -> wantedCategory == null || e.category() == wantedCategory)
                .filter(e -> wantedPolarity == null || e.polarity() == wantedPolarity)
                .sorted(ORDER)
                .map(e -> entry(e, locale))
                .toList();
        model.addAttribute("company", company.company());
        model.addAttribute("entries", entries.size() > SHOWN ? entries.subList(0, SHOWN) : entries);
        model.addAttribute("more", entries.size() > SHOWN ? entries.size() : null);
        model.addAttribute(
                "categories",
                Arrays.stream(Category.values())
                        .filter(c -> c != Category.INTERNAL)
                        .toList());
        model.addAttribute("polarities", Polarity.values());
        model.addAttribute("periods", PERIODS);
        model.addAttribute("category", wantedCategory == null ? "" : wantedCategory.key());
        model.addAttribute("polarity", wantedPolarity == null ? "" : wantedPolarity.key());
        model.addAttribute("days", period == null ? "" : period.toString());
        return htmx != null ? "partials/company-timeline :: timeline" : "signal/timeline";
    }

    private Entry entry(SignalEvent event, Locale locale) {
        Signal.Label label = catalogue
                .find(event.code())
                .map(s -> s.label(locale.getLanguage()))
                .orElse(null);
        return new Entry(
                event,
                label == null ? event.code() : label.label(),
                label == null ? null : label.explanation(),
                wording.words(event, locale).text());
    }

    /** The portal answers a number that cannot be a company as it answers an unknown company: 404. */
    private CompanyState company(String country, String number) {
        String wanted = country.toUpperCase(Locale.ROOT);
        if (!(CompanyNumbers.parse(number, wanted) instanceof ParseResult.Valid valid)
                || !valid.id().country().equals(wanted)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return registry.find(valid.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Periods count calendar days in the registries' zone; a reader elsewhere differs by at most a day near midnight. */
    private static ZoneId zone() {
        return ZoneId.of("Europe/Brussels");
    }
}
