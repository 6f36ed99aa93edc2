package eu.vigil.alerting.internal;

import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyStatus;
import eu.vigil.company.CompanyStatusWords;
import eu.vigil.company.CompanyStatuses;
import eu.vigil.company.ReaderFormats;
import eu.vigil.notification.NotificationProperties;
import eu.vigil.notification.OutgoingMail;
import eu.vigil.signal.ChangeWording;
import eu.vigil.signal.Signal;
import eu.vigil.signal.SignalCatalogue;
import eu.vigil.signal.SignalEvent;
import eu.vigil.signal.SignalEvents;
import eu.vigil.signal.SignalEvents.RecordedEvent;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.WatchedCompanies;
import eu.vigil.watchlist.WatchlistManagement;
import eu.vigil.watchlist.WatchlistView;
import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Renders an outbox row for its recipient, in their language, at send time: an immediate group (one company, its
 * light, what changed, old → new) or a digest (a rule's alerts of the period by watchlist and polarity, most severe
 * and newest first, with counts). Silences and unsubscriptions in force now are honoured.
 */
@Component
class AlertMails {

    private final JdbcTemplate jdbc;
    private final SignalEvents events;
    private final SignalCatalogue catalogue;
    private final WatchedCompanies watched;
    private final NotificationProperties links;
    private final WatchlistManagement watchlists;
    private final ChangeWording wording;
    private final CompanyStatuses statuses;
    private final CompanyStatusWords statusWords;

    AlertMails(
            JdbcTemplate jdbc,
            SignalEvents events,
            SignalCatalogue catalogue,
            WatchedCompanies watched,
            NotificationProperties links,
            WatchlistManagement watchlists,
            ChangeWording wording,
            CompanyStatuses statuses,
            CompanyStatusWords statusWords) {
        this.wording = wording;
        this.statuses = statuses;
        this.statusWords = statusWords;
        this.jdbc = jdbc;
        this.events = events;
        this.catalogue = catalogue;
        this.watched = watched;
        this.links = links;
        this.watchlists = watchlists;
    }

    /** The mail to send, or why there is none. */
    sealed interface Composed {}

    record Mail(OutgoingMail mail) implements Composed {}

    record Nothing(String why) implements Composed {}

    /** One changed value as the email shows it: {@code words} is the change in the recipient's language. */
    public record Change(
            String code,
            String label,
            String explanation,
            String severity,
            String polarity,
            String oldValue,
            String newValue,
            String words,
            String date) {}

    /** One alert in a digest: the company, its light, status (in words, with its colour) and link, the change, and the
     * watchlists that hold the company. */
    public record DigestItem(
            String companyName,
            String companyNumber,
            String companyLink,
            String light,
            String status,
            String statusColour,
            Change change,
            String watchlists) {}

    private Change change(SignalEvent e, String language) {
        Locale locale = Locale.forLanguageTag(language);
        Signal.Label label =
                catalogue.find(e.code()).map(s -> s.label(language)).orElse(null);
        return new Change(
                e.code(),
                label == null ? e.code() : label.label(),
                label == null ? null : label.explanation(),
                e.severity().key(),
                e.polarity().key(),
                e.oldValue(),
                e.newValue(),
                wording.words(e, locale).text(),
                ReaderFormats.day(e.effectiveDate(), locale));
    }

    /** A digest's section: the alerts of one polarity, each once whatever the number of watchlists, with their count. */
    public record DigestSection(String polarity, int count, List<DigestItem> items) {}

    private record DigestAlert(long id, long companyId, List<UUID> watchlists, long eventId) {}

    /**
     * Composes a claimed batch: what the immediate rows need (silences, rules, events, names, lights) is read once for
     * the batch, not once per email; a digest is composed on its own. Answers each row's mail, or why there is none.
     */
    Map<Long, Composed> compose(List<Outbox.Claimed> rows) {
        Map<Long, Composed> result = new HashMap<>();
        Set<String> unsubscribed = new HashSet<>(jdbc.queryForList(
                """
                select p.rule_id || '|' || p.recipient from alert_preference p
                join unnest(?::uuid[], ?::text[]) as r(rule_id, recipient) on p.rule_id = r.rule_id and p.recipient = r.recipient
                where p.delivery = 'NONE'""",
                String.class,
                (Object) rows.stream().map(Outbox.Claimed::ruleId).toArray(UUID[]::new),
                (Object) rows.stream().map(Outbox.Claimed::recipient).toArray(String[]::new)));
        List<Outbox.Claimed> immediate = new ArrayList<>();
        for (Outbox.Claimed row : rows) {
            if (unsubscribed.contains(row.ruleId() + "|" + row.recipient())) {
                result.put(row.id(), new Nothing("the recipient unsubscribed from the rule"));
            } else if (row.digest()) {
                result.put(row.id(), digest(row));
            } else {
                immediate.add(row);
            }
        }
        if (!immediate.isEmpty()) {
            result.putAll(immediate(immediate));
        }
        return result;
    }

    private Map<Long, Composed> immediate(List<Outbox.Claimed> rows) {
        Set<String> silenced = new HashSet<>(jdbc.queryForList(
                "select user_id || '|' || company_id from alert_silence where user_id = any(?::uuid[]) and until > now()",
                String.class,
                (Object) rows.stream()
                        .map(Outbox.Claimed::userId)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toArray(UUID[]::new)));
        Map<UUID, String> ruleNames = new HashMap<>();
        jdbc.query(
                "select id, name from alert_rule where id = any(?::uuid[])",
                rs -> {
                    ruleNames.put(rs.getObject(1, UUID.class), rs.getString(2));
                },
                (Object) rows.stream().map(Outbox.Claimed::ruleId).distinct().toArray(UUID[]::new));
        Map<Long, Long> eventOfAlert = new HashMap<>();
        jdbc.query(
                "select id, signal_event_id from alert where id = any(?::bigint[])",
                rs -> {
                    eventOfAlert.put(rs.getLong(1), rs.getLong(2));
                },
                (Object) rows.stream()
                        .flatMap(r -> r.alertIds().stream())
                        .distinct()
                        .toArray(Long[]::new));
        Map<Long, RecordedEvent> eventsById = events
                .byIds(eventOfAlert.values().stream().distinct().toList())
                .stream()
                .collect(Collectors.toMap(RecordedEvent::id, e -> e, (x, y) -> x));
        List<Long> companyIds = eventsById.values().stream()
                .map(RecordedEvent::companyId)
                .distinct()
                .toList();
        Map<Long, String> names = companyIds.isEmpty() ? Map.of() : watched.names(companyIds);
        Map<Long, String> lights = companyIds.isEmpty() ? Map.of() : watched.lights(companyIds);
        Map<Long, Composed> result = new HashMap<>();
        for (Outbox.Claimed row : rows) {
            Composed composed;
            if (row.userId() != null && silenced.contains(row.userId() + "|" + row.companyId())) {
                composed = new Nothing("the recipient silenced this company");
            } else if (!ruleNames.containsKey(row.ruleId())) {
                composed = new Nothing("the rule was deleted");
            } else {
                List<RecordedEvent> recorded = row.alertIds().stream()
                        .map(eventOfAlert::get)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .map(eventsById::get)
                        .filter(java.util.Objects::nonNull)
                        .toList();
                composed = immediate(row, recorded, ruleNames.get(row.ruleId()), names, lights);
            }
            result.put(row.id(), composed);
        }
        return result;
    }

    private Composed immediate(
            Outbox.Claimed row,
            List<RecordedEvent> recorded,
            String ruleName,
            Map<Long, String> names,
            Map<Long, String> lights) {
        if (recorded.isEmpty()) {
            return new Nothing("no alerts left");
        }
        List<SignalEvent> worth = NoiseControl.worthSending(
                recorded.stream().map(RecordedEvent::event).toList(),
                code -> catalogue.find(code).map(Signal::field).orElse(null));
        if (worth.isEmpty()) {
            return new Nothing("the changes cancelled each other out within the window");
        }
        RecordedEvent first = recorded.getFirst();
        long companyId = first.companyId();
        CompanyId company = new CompanyId(first.country(), first.number());
        String name = names.get(companyId);
        String light = lights.getOrDefault(companyId, "green");
        String language = row.language();
        List<Change> changes = worth.stream().map(e -> change(e, language)).toList();
        CompanyStatus status = statuses.of(List.of(companyId)).get(companyId);
        String companyName = name != null ? name : company.display();
        String unsubscribe = links.link("/alerts/unsubscribe/" + row.unsubscribeToken());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("companyName", companyName);
        model.put("companyNumber", company.display());
        model.put("companyLink", links.link("/companies/" + company.country() + "/" + company.number()));
        model.put("light", light);
        // a company the registry knows no status of (one written by a tenant's ledger only) has none to show
        String statusText = statusWords.text(status, Locale.forLanguageTag(language));
        if (statusText != null) {
            model.put("status", statusText);
        }
        model.put("statusColour", statusWords.mailColour(status));
        model.put("changes", changes);
        model.put("ruleName", ruleName);
        model.put("preferencesLink", links.link("/alerts/preferences"));
        model.put("unsubscribeLink", unsubscribe);
        Change top = changes.getFirst();
        boolean more = changes.size() > 1;
        return new Mail(new OutgoingMail(
                row.recipient(),
                Locale.forLanguageTag(language),
                row.template(),
                more ? "mail.alert.subject.more" : "mail.alert.subject",
                new Object[] {companyName, top.label(), changes.size() - 1},
                model,
                Map.of(
                        "List-Unsubscribe",
                        "<" + unsubscribe + ">",
                        "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click"),
                Set.of("unsubscribeLink")));
    }

    private Composed digest(Outbox.Claimed row) {
        List<String> ruleNames =
                jdbc.queryForList("select name from alert_rule where id = ?", String.class, row.ruleId());
        if (ruleNames.isEmpty()) {
            return new Nothing("the rule was deleted");
        }
        Set<Long> silenced = row.userId() == null
                ? Set.of()
                : new HashSet<>(jdbc.queryForList(
                        "select company_id from alert_silence where user_id = ? and until > now()",
                        Long.class,
                        row.userId()));
        List<DigestAlert> alerts = jdbc
                .query(
                        "select id, company_id, watchlist_ids, signal_event_id from alert where id = any(?::bigint[])",
                        (rs, n) -> new DigestAlert(rs.getLong(1), rs.getLong(2), uuids(rs.getArray(3)), rs.getLong(4)),
                        (Object) row.alertIds().toArray(Long[]::new))
                .stream()
                .filter(a -> !silenced.contains(a.companyId()))
                .toList();
        Map<Long, RecordedEvent> byEvent = events
                .byIds(alerts.stream().map(DigestAlert::eventId).toList())
                .stream()
                .collect(Collectors.toMap(RecordedEvent::id, e -> e, (a, b) -> a));
        Map<Long, List<SignalEvent>> byCompany = new LinkedHashMap<>();
        for (DigestAlert alert : alerts) {
            RecordedEvent recorded = byEvent.get(alert.eventId());
            if (recorded != null) {
                byCompany
                        .computeIfAbsent(alert.companyId(), c -> new ArrayList<>())
                        .add(recorded.event());
            }
        }
        Set<Long> worth = new HashSet<>();
        byCompany
                .values()
                .forEach(group -> NoiseControl.worthSending(
                                group,
                                code -> catalogue.find(code).map(Signal::field).orElse(null))
                        .forEach(e -> worth.add(e.id())));
        List<DigestAlert> kept = alerts.stream()
                .filter(a -> worth.contains(a.eventId()))
                .sorted(Comparator.comparingInt((DigestAlert a) ->
                                byEvent.get(a.eventId()).event().severity().rank())
                        .reversed()
                        .thenComparing(
                                (DigestAlert a) ->
                                        byEvent.get(a.eventId()).event().effectiveDate(),
                                Comparator.reverseOrder())
                        .thenComparing(DigestAlert::id, Comparator.reverseOrder()))
                .toList();
        if (kept.isEmpty()) {
            return new Nothing("an empty digest is not sent");
        }
        List<Long> companyIds =
                kept.stream().map(DigestAlert::companyId).distinct().toList();
        Map<Long, String> names = watched.names(companyIds);
        Map<Long, String> lights = watched.lights(companyIds);
        Map<Long, CompanyStatus> status = statuses.of(companyIds);
        Map<UUID, String> listNames = TenantContext.callAs(
                row.tenantId(),
                () -> watchlists.watchlists().stream()
                        .collect(Collectors.toMap(WatchlistView::id, WatchlistView::name)));
        String language = row.language();
        Map<String, List<DigestItem>> sections = new HashMap<>();
        for (DigestAlert alert : kept) {
            RecordedEvent recorded = byEvent.get(alert.eventId());
            SignalEvent e = recorded.event();
            CompanyId company = new CompanyId(recorded.country(), recorded.number());
            CompanyStatus companyStatus = status.get(alert.companyId());
            String lists = alert.watchlists().stream()
                    .map(list -> listNames.getOrDefault(list, "—"))
                    .sorted()
                    .collect(Collectors.joining(", "));
            DigestItem item = new DigestItem(
                    names.getOrDefault(alert.companyId(), company.display()),
                    company.display(),
                    links.link("/companies/" + company.country() + "/" + company.number()),
                    lights.getOrDefault(alert.companyId(), "green"),
                    statusWords.text(companyStatus, Locale.forLanguageTag(language)),
                    statusWords.mailColour(companyStatus),
                    change(e, language),
                    lists.isEmpty() ? null : lists);
            sections.computeIfAbsent(e.polarity().key(), k -> new ArrayList<>()).add(item);
        }
        List<DigestSection> ordered = sections.entrySet().stream()
                .sorted(Comparator.comparingInt(s -> POLARITIES.indexOf(s.getKey())))
                .map(s -> new DigestSection(s.getKey(), s.getValue().size(), List.copyOf(s.getValue())))
                .toList();
        String ruleName = ruleNames.getFirst();
        String unsubscribe = links.link("/alerts/unsubscribe/" + row.unsubscribeToken());
        String date = ReaderFormats.day(digestDate(row), Locale.forLanguageTag(language));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("ruleName", ruleName);
        model.put("weekly", "WEEKLY".equals(row.kind()));
        model.put("date", date);
        model.put("total", kept.size());
        model.put("companies", companyIds.size());
        model.put("sections", ordered);
        model.put("preferencesLink", links.link("/alerts/preferences"));
        model.put("unsubscribeLink", unsubscribe);
        model.put("alertsLink", links.link("/alerts"));
        return new Mail(new OutgoingMail(
                row.recipient(),
                Locale.forLanguageTag(language),
                row.template(),
                "WEEKLY".equals(row.kind()) ? "mail.digest.subject.weekly" : "mail.digest.subject.daily",
                new Object[] {ruleName, kept.size(), date},
                model,
                Map.of(
                        "List-Unsubscribe",
                        "<" + unsubscribe + ">",
                        "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click")));
    }

    /** The digest's date where the tenant lives: its group key ends with it. */
    private static LocalDate digestDate(Outbox.Claimed row) {
        String key = row.groupKey();
        return LocalDate.parse(key.substring(key.lastIndexOf(':') + 1));
    }

    private static final List<String> POLARITIES = List.of("negative", "positive", "neutral");

    private static List<UUID> uuids(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
