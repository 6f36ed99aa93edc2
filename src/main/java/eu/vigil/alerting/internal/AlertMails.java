package eu.vigil.alerting.internal;

import eu.vigil.company.CompanyId;
import eu.vigil.notification.NotificationProperties;
import eu.vigil.notification.OutgoingMail;
import eu.vigil.signal.Signal;
import eu.vigil.signal.SignalCatalogue;
import eu.vigil.signal.SignalEvent;
import eu.vigil.signal.SignalEvents;
import eu.vigil.signal.SignalEvents.RecordedEvent;
import eu.vigil.watchlist.WatchedCompanies;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Renders an immediate alert group for its recipient: the company, its light, what changed (old → new), in their language. */
@Component
class AlertMails {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final JdbcTemplate jdbc;
    private final SignalEvents events;
    private final SignalCatalogue catalogue;
    private final WatchedCompanies watched;
    private final NotificationProperties links;

    AlertMails(JdbcTemplate jdbc, SignalEvents events, SignalCatalogue catalogue, WatchedCompanies watched,
               NotificationProperties links) {
        this.jdbc = jdbc;
        this.events = events;
        this.catalogue = catalogue;
        this.watched = watched;
        this.links = links;
    }

    /** The mail to send, or why there is none. */
    sealed interface Composed {
    }

    record Mail(OutgoingMail mail) implements Composed {
    }

    record Nothing(String why) implements Composed {
    }

    /** One changed value as the email shows it. */
    public record Change(String code, String label, String explanation, String severity, String polarity, String oldValue,
                         String newValue, String date) {
    }

    Composed compose(Outbox.Claimed row) {
        if (row.userId() != null && row.companyId() != null && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from alert_silence where user_id = ? and company_id = ? and until > now())",
                Boolean.class, row.userId(), row.companyId()))) {
            return new Nothing("the recipient silenced this company");
        }
        List<String> ruleNames = jdbc.queryForList("select name from alert_rule where id = ?", String.class, row.ruleId());
        if (ruleNames.isEmpty()) {
            return new Nothing("the rule was deleted");
        }
        List<Long> eventIds = jdbc.queryForList("select signal_event_id from alert where id = any(?::bigint[])", Long.class,
                (Object) row.alertIds().toArray(Long[]::new));
        List<RecordedEvent> recorded = events.byIds(eventIds);
        if (recorded.isEmpty()) {
            return new Nothing("no alerts left");
        }
        List<SignalEvent> worth = NoiseControl.worthSending(recorded.stream().map(RecordedEvent::event).toList(),
                code -> catalogue.find(code).map(Signal::field).orElse(null));
        if (worth.isEmpty()) {
            return new Nothing("the changes cancelled each other out within the window");
        }
        RecordedEvent first = recorded.getFirst();
        long companyId = first.companyId();
        CompanyId company = new CompanyId(first.country(), first.number());
        String name = watched.names(List.of(companyId)).get(companyId);
        String light = watched.lights(List.of(companyId)).getOrDefault(companyId, "green");
        String language = row.language();
        List<Change> changes = worth.stream().map(e -> {
            Signal.Label label = catalogue.find(e.code()).map(s -> s.label(language)).orElse(null);
            return new Change(e.code(), label == null ? e.code() : label.label(), label == null ? null : label.explanation(),
                    e.severity().key(), e.polarity().key(), e.oldValue(), e.newValue(), DAY.format(e.effectiveDate()));
        }).toList();
        String companyName = name != null ? name : company.display();
        String unsubscribe = links.link("/alerts/unsubscribe/" + row.unsubscribeToken());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("companyName", companyName);
        model.put("companyNumber", company.display());
        model.put("companyLink", links.link("/companies/" + company.country() + "/" + company.number()));
        model.put("light", light);
        model.put("changes", changes);
        model.put("ruleName", ruleNames.getFirst());
        model.put("preferencesLink", links.link("/alerts/preferences"));
        model.put("unsubscribeLink", unsubscribe);
        Change top = changes.getFirst();
        boolean more = changes.size() > 1;
        return new Mail(new OutgoingMail(row.recipient(), Locale.forLanguageTag(language), row.template(),
                more ? "mail.alert.subject.more" : "mail.alert.subject",
                new Object[] {companyName, top.label(), changes.size() - 1}, model,
                Map.of("List-Unsubscribe", "<" + unsubscribe + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
    }
}
