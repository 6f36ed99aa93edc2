package eu.vigil.watchlist;

import eu.vigil.notification.Mailer;
import eu.vigil.notification.OutgoingMail;
import eu.vigil.signal.SignalCatalogue;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.internal.PortfolioReads;
import eu.vigil.watchlist.internal.PortfolioReads.PastEvent;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The flashback (past negative events of newly watched companies) and the health check of an upload, and their email. */
@Component
class FlashbackReports {

    private final PortfolioReads reads;
    private final SignalCatalogue catalogue;
    private final WatchlistProperties properties;
    private final Mailer mailer;

    private final eu.vigil.signal.SignalEvents events;
    private final eu.vigil.signal.ChangeWording wording;

    FlashbackReports(
            PortfolioReads reads,
            SignalCatalogue catalogue,
            WatchlistProperties properties,
            Mailer mailer,
            eu.vigil.signal.SignalEvents events,
            eu.vigil.signal.ChangeWording wording) {
        this.events = events;
        this.wording = wording;
        this.reads = reads;
        this.catalogue = catalogue;
        this.properties = properties;
        this.mailer = mailer;
    }

    LocalDate since() {
        return LocalDate.now().minusMonths(properties.flashbackMonthsFor(TenantContext.require()));
    }

    HealthCheck healthCheck(UUID importId, int enrolled, String language) {
        LocalDate since = since();
        Set<String> codes = new HashSet<>();
        properties.healthKinds().values().forEach(codes::addAll);
        List<PastEvent> problems = reads.withCodes(importId, since, codes);
        List<PastEvent> flashback = reads.flashback(importId, since);
        Set<Long> ids = new HashSet<>();
        problems.forEach(e -> ids.add(e.companyId()));
        flashback.forEach(e -> ids.add(e.companyId()));
        Map<Long, String> names = reads.names(ids, language);
        List<HealthCheck.Kind> kinds = new ArrayList<>();
        properties.healthKinds().forEach((kind, kindCodes) -> {
            Map<Long, HealthCheck.Company> companies = new LinkedHashMap<>();
            for (PastEvent event : problems) {
                if (kindCodes.contains(event.code())) {
                    companies.putIfAbsent(event.companyId(), company(event, names));
                }
            }
            double percent = enrolled == 0 ? 0 : Math.round(companies.size() * 1000.0 / enrolled) / 10.0;
            kinds.add(new HealthCheck.Kind(kind, List.copyOf(companies.values()), percent));
        });
        Locale locale = Locale.forLanguageTag(language);
        Map<Long, String> changes = new java.util.HashMap<>();
        events.byIds(flashback.stream().map(PastEvent::eventId).toList())
                .forEach(e ->
                        changes.put(e.id(), wording.words(e.event(), locale).text()));
        Map<Long, List<HealthCheck.Event>> byCompany = new LinkedHashMap<>();
        Map<Long, HealthCheck.Company> companyOf = new LinkedHashMap<>();
        for (PastEvent event : flashback) {
            companyOf.putIfAbsent(event.companyId(), company(event, names));
            byCompany
                    .computeIfAbsent(event.companyId(), k -> new ArrayList<>())
                    .add(new HealthCheck.Event(
                            event.code(),
                            label(event.code(), language),
                            event.severity(),
                            event.date(),
                            changes.get(event.eventId())));
        }
        List<HealthCheck.Flashback> flashbacks = new ArrayList<>();
        byCompany.forEach((id, events) -> flashbacks.add(new HealthCheck.Flashback(companyOf.get(id), events)));
        return new HealthCheck(since, enrolled, kinds, flashbacks);
    }

    private static HealthCheck.Company company(PastEvent event, Map<Long, String> names) {
        return new HealthCheck.Company(
                event.country(),
                event.number(),
                new eu.vigil.company.CompanyId(event.country(), event.number()).display(),
                names.get(event.companyId()));
    }

    String label(String code, String language) {
        return catalogue.find(code).map(s -> s.label(language).label()).orElse(code);
    }

    /** Mails the uploader the health check and flashback once the upload's transaction has committed. */
    void mailAfterCommit(UUID importId, String watchlistName, UUID watchlistId, int enrolled, Uploader uploader) {
        String language = uploader.language().code();
        HealthCheck check = healthCheck(importId, enrolled, language);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("watchlistName", watchlistName);
        model.put("check", check);
        Locale locale = Locale.forLanguageTag(language);
        model.put("since", eu.vigil.company.ReaderFormats.day(check.since(), locale));
        // mail templates have no bean resolver: the shares come formatted
        Map<String, String> percents = new LinkedHashMap<>();
        check.kinds()
                .forEach(k -> percents.put(
                        k.kind(),
                        eu.vigil.company.ReaderFormats.percent(
                                java.math.BigDecimal.valueOf(k.percent()).movePointLeft(2), locale)));
        model.put("percents", percents);
        model.put(
                "dates",
                DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                        .withLocale(locale));
        model.put("importPath", "/watchlists/" + watchlistId + "/imports/" + importId);
        mailer.sendAfterCommit(new OutgoingMail(
                uploader.email(),
                Locale.forLanguageTag(language),
                "watchlist-flashback",
                "mail.watchlist.subject",
                new Object[] {watchlistName, check.withProblems(), enrolled},
                model));
    }
}
