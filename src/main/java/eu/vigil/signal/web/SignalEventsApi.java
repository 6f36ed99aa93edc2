package eu.vigil.signal.web;

import eu.vigil.company.CompanyRegistry;
import eu.vigil.signal.ChangeWording;
import eu.vigil.signal.SignalCatalogue;
import eu.vigil.signal.SignalEvents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Companies", description = "The state Vigil keeps of every company its feeds report")
@SecurityRequirement(name = "apiKey")
class SignalEventsApi {

    private final CompanyRegistry registry;
    private final SignalEvents events;
    private final SignalCatalogue catalogue;
    private final ChangeWording wording;

    SignalEventsApi(CompanyRegistry registry, SignalEvents events, SignalCatalogue catalogue, ChangeWording wording) {
        this.registry = registry;
        this.events = events;
        this.catalogue = catalogue;
        this.wording = wording;
    }

    @GetMapping("/api/v1/companies/{country}/{number}/events")
    @Operation(
            summary =
                    "The company's signal events, newest first; since=YYYY-MM-DD keeps those effective on or after it. "
                            + "old/new hold the values as recorded (codes, plain numbers); oldText/newText/change the same in words, "
                            + "in language=en|fr|nl|it (default en)")
    List<Map<String, Object>> events(
            @PathVariable String country,
            @PathVariable String number,
            @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "en") String language) {
        Locale locale = Locale.forLanguageTag(List.of("en", "fr", "nl", "it").contains(language) ? language : "en");
        LocalDate from;
        try {
            from = since == null || since.isBlank() ? null : LocalDate.parse(since.trim());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "since must be a date YYYY-MM-DD, found '" + since + "'");
        }
        var company = registry.require(country, number);
        return events.of(company.id(), from).stream()
                .map(event -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("signal", event.code());
                    item.put(
                            "label",
                            catalogue
                                    .find(event.code())
                                    .map(s -> s.label(locale.getLanguage()).label())
                                    .orElse(event.code()));
                    item.put("category", event.category().name().toLowerCase(Locale.ROOT));
                    item.put("polarity", event.polarity().name().toLowerCase(Locale.ROOT));
                    item.put("severity", event.severity().name().toLowerCase(Locale.ROOT));
                    item.put("old", event.oldValue());
                    item.put("new", event.newValue());
                    ChangeWording.Words words = wording.words(event, locale);
                    item.put("oldText", words.before());
                    item.put("newText", words.after());
                    item.put("change", words.text());
                    item.put("effectiveDate", event.effectiveDate().toString());
                    item.put("detectedAt", event.detectedAt().toString());
                    item.put("source", event.source());
                    item.put("extract", event.extract());
                    return item;
                })
                .toList();
    }
}
