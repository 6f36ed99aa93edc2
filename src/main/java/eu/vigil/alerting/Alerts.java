package eu.vigil.alerting;

import eu.vigil.alerting.internal.Alert;
import eu.vigil.alerting.internal.AlertRepository;
import eu.vigil.signal.SignalCatalogue;
import eu.vigil.signal.SignalEvent;
import eu.vigil.signal.SignalEvents;
import eu.vigil.tenancy.Actors;
import eu.vigil.tenancy.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bound tenant's alerts: paged by an opaque cursor for API clients, and acknowledged. */
@Service
public class Alerts {

    static final int MAX_PAGE = 500;
    private static final String CURSOR_PREFIX = "alert:";

    private final AlertRepository alerts;
    private final SignalEvents events;
    private final SignalCatalogue catalogue;

    Alerts(AlertRepository alerts, SignalEvents events, SignalCatalogue catalogue) {
        this.alerts = alerts;
        this.events = events;
        this.catalogue = catalogue;
    }

    /** Alerts created after {@code cursor} (null: from the first), oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public AlertPage after(String cursor, int limit, String language) {
        long after = decode(cursor);
        List<Alert> page = alerts.findByIdGreaterThanOrderByIdAsc(after, Limit.of(Math.clamp(limit, 1, MAX_PAGE)));
        List<AlertView> views = views(page, language);
        long last = page.isEmpty() ? after : page.getLast().getId();
        return new AlertPage(views, encode(last));
    }

    @Transactional(readOnly = true)
    public AlertView alert(long id, String language) {
        return views(List.of(alerts.findById(id).orElseThrow(() -> new NotFoundException("Alert"))), language).getFirst();
    }

    @Transactional
    public AlertView acknowledge(long id, String language) {
        Alert alert = alerts.findById(id).orElseThrow(() -> new NotFoundException("Alert"));
        alert.acknowledge(Actors.current());
        return views(List.of(alert), language).getFirst();
    }

    private List<AlertView> views(List<Alert> page, String language) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, SignalEvent> byId = events.byIds(page.stream().map(Alert::getSignalEventId).distinct().toList()).stream()
                .collect(Collectors.toMap(SignalEvents.RecordedEvent::id, SignalEvents.RecordedEvent::event, (a, b) -> a));
        Function<Alert, AlertView> view = alert -> {
            SignalEvent event = byId.get(alert.getSignalEventId());
            String label = catalogue.find(alert.getCode()).map(s -> s.label(language).label()).orElse(alert.getCode());
            return new AlertView(alert.getId(), alert.getRuleId(), alert.getCode(), label, alert.getCountry(), alert.getNumber(),
                    alert.getPolarity(), alert.getSeverity(), event == null ? null : event.oldValue(),
                    event == null ? null : event.newValue(), alert.getEffectiveDate(), List.of(alert.getWatchlistIds()),
                    alert.getState().key(), alert.getAssigneeId(), alert.getAcknowledgedBy(), alert.getAcknowledgedAt(),
                    alert.getCreatedAt());
        };
        return page.stream().map(view).toList();
    }

    static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (raw.startsWith(CURSOR_PREFIX)) {
                long id = Long.parseLong(raw.substring(CURSOR_PREFIX.length()));
                if (id >= 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new AlertingException("since", "alerts.error.cursor", cursor);
    }
}
