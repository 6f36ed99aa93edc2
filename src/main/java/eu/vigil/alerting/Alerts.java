package eu.vigil.alerting;

import eu.vigil.alerting.internal.Alert;
import eu.vigil.alerting.internal.AlertCommentRepository;
import eu.vigil.alerting.internal.AlertRepository;
import eu.vigil.alerting.internal.AlertRule;
import eu.vigil.alerting.internal.AlertRuleRepository;
import eu.vigil.company.CompanyStatus;
import eu.vigil.company.CompanyStatuses;
import eu.vigil.shared.NotFoundException;
import eu.vigil.signal.ChangeWording;
import eu.vigil.signal.Signal;
import eu.vigil.signal.SignalCatalogue;
import eu.vigil.signal.SignalEvent;
import eu.vigil.signal.SignalEvents;
import eu.vigil.tenancy.Actors;
import eu.vigil.tenancy.Audited;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.tenancy.UserView;
import eu.vigil.watchlist.WatchedCompanies;
import eu.vigil.watchlist.WatchlistManagement;
import eu.vigil.watchlist.WatchlistView;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bound tenant's alerts: paged by an opaque cursor for API clients; filtered and paged for the portal's inbox,
 * acknowledged, resolved, reopened, assigned and commented on.
 */
@Service
public class Alerts {

    static final int MAX_PAGE = 500;
    static final int MAX_COMMENT = 4000;
    private static final String CURSOR_PREFIX = "alert:";

    /** The one definition of a person's own alert, in JPQL over {@code Alert a}, with parameters {@code me} and {@code role}. */
    private static final String MINE = """
            (array_contains(a.ownerIds, :me) or a.assigneeId = :me or a.ruleId in (
                select r.id from AlertRule r where array_position(r.recipientRoles, :role) > 0
                                                or array_contains(r.recipientUsers, :me)))""";

    private final AlertRepository alerts;
    private final AlertCommentRepository comments;
    private final AlertRuleRepository rules;
    private final SignalEvents events;
    private final SignalCatalogue catalogue;
    private final WatchedCompanies watched;
    private final WatchlistManagement watchlists;
    private final UserManagement users;
    private final EntityManager entityManager;
    private final ChangeWording wording;
    private final CompanyStatuses statuses;
    private final ApplicationEventPublisher publisher;

    Alerts(
            AlertRepository alerts,
            AlertCommentRepository comments,
            AlertRuleRepository rules,
            SignalEvents events,
            SignalCatalogue catalogue,
            WatchedCompanies watched,
            WatchlistManagement watchlists,
            UserManagement users,
            EntityManager entityManager,
            ChangeWording wording,
            CompanyStatuses statuses,
            ApplicationEventPublisher publisher) {
        this.wording = wording;
        this.statuses = statuses;
        this.publisher = publisher;
        this.alerts = alerts;
        this.comments = comments;
        this.rules = rules;
        this.events = events;
        this.catalogue = catalogue;
        this.watched = watched;
        this.watchlists = watchlists;
        this.users = users;
        this.entityManager = entityManager;
    }

    /** A page (from 1) of the inbox, newest first. Not read-only: showing a company's light recomputes it first. */
    @Transactional
    public InboxPage inbox(AlertFilter filter, int page, int size, String language) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.days() != null) {
            where.append(" and a.createdAt >= :since");
            parameters.put("since", Instant.now().minus(Duration.ofDays(filter.days())));
        }
        if (filter.watchlist() != null) {
            where.append(" and array_contains(a.watchlistIds, :watchlist)");
            parameters.put("watchlist", filter.watchlist());
        }
        if (filter.polarity() != null) {
            where.append(" and a.polarity = :polarity");
            parameters.put("polarity", filter.polarity());
        }
        if (filter.severity() != null) {
            where.append(" and a.severity = :severity");
            parameters.put("severity", filter.severity());
        }
        if (filter.state() != null) {
            where.append(" and a.state = :state");
            parameters.put("state", AlertState.valueOf(filter.state().toUpperCase(Locale.ROOT)));
        }
        if (filter.company() != null) {
            where.append(" and a.country = :country and a.number = :number");
            parameters.put("country", filter.company().country());
            parameters.put("number", filter.company().number());
        }
        if (filter.mine() != null) {
            where.append(" and ").append(MINE);
            parameters.put("me", filter.mine().userId());
            parameters.put("role", filter.mine().role());
        }
        TypedQuery<Long> count = entityManager.createQuery("select count(a) from Alert a" + where, Long.class);
        TypedQuery<Alert> select = entityManager.createQuery(
                "select a from Alert a" + where + " order by a.createdAt desc, a.id desc", Alert.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long total = count.getSingleResult();
        int pageSize = Math.clamp(size, 1, MAX_PAGE);
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int current = Math.clamp(page, 1, pages);
        List<Alert> found = select.setFirstResult((current - 1) * pageSize)
                .setMaxResults(pageSize)
                .getResultList();
        return new InboxPage(items(found, language), total, current, pages);
    }

    @Transactional
    public InboxAlert item(long id, String language) {
        return items(List.of(find(id)), language).getFirst();
    }

    /** How many of the bound tenant's new alerts are this person's own (see {@link AlertFilter.Mine}). */
    @Transactional(readOnly = true)
    public long countNew(AlertFilter.Mine mine) {
        return entityManager
                .createQuery("select count(a) from Alert a where a.state = :state and " + MINE, Long.class)
                .setParameter("state", AlertState.NEW)
                .setParameter("me", mine.userId())
                .setParameter("role", mine.role())
                .getSingleResult();
    }

    /** How many of the bound tenant's alerts nobody has looked at yet. */
    @Transactional(readOnly = true)
    public long countNew() {
        return alerts.countByState(AlertState.NEW);
    }

    @Transactional
    public void resolve(long id) {
        Alert alert = find(id);
        alert.resolve(Actors.current());
        audit("AlertResolved", alert);
    }

    @Transactional
    public void reopen(long id) {
        Alert alert = find(id);
        alert.reopen();
        audit("AlertReopened", alert);
    }

    /** {@code userId} null takes the alert away from whoever had it; anyone else must be a person of the tenant. */
    @Transactional
    public void assign(long id, UUID userId) {
        Alert alert = find(id);
        if (userId != null && users.users().stream().noneMatch(u -> u.id().equals(userId))) {
            throw new AlertingException("assignee", "alerts.error.user", userId, "assignee");
        }
        alert.assign(userId);
        audit(
                "AlertAssigned",
                alert,
                userId == null
                        ? "—"
                        : users.users().stream()
                                .filter(u -> u.id().equals(userId))
                                .map(u -> u.displayName() == null
                                                || u.displayName().isBlank()
                                        ? u.email()
                                        : u.displayName())
                                .findFirst()
                                .orElse("—"));
    }

    /** Acknowledges those of {@code ids} that are the tenant's and new; answers how many changed. */
    @Transactional
    public int acknowledgeAll(List<Long> ids) {
        int changed = 0;
        for (Alert alert :
                alerts.findAllById(ids.stream().distinct().limit(MAX_PAGE).toList())) {
            if (alert.getState() == AlertState.NEW) {
                alert.acknowledge(Actors.current());
                audit("AlertAcknowledged", alert);
                changed++;
            }
        }
        return changed;
    }

    @Transactional(readOnly = true)
    public List<AlertComment> comments(long id) {
        find(id);
        return comments.findByAlertIdOrderByCreatedAtAscIdAsc(id).stream()
                .map(c -> new AlertComment(c.getAuthor(), c.getBody(), c.getCreatedAt()))
                .toList();
    }

    @Transactional
    public void comment(long id, UUID authorId, String author, String body) {
        find(id);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_COMMENT) {
            throw new AlertingException("body", "alerts.error.comment", MAX_COMMENT);
        }
        comments.save(new eu.vigil.alerting.internal.AlertComment(id, authorId, author, text));
    }

    /** An alert's change in the audit log: the alert by its number and its company's. */
    private void audit(String action, Alert alert, String... details) {
        publisher.publishEvent(Audited.of(
                action,
                "#" + alert.getId() + " · " + alert.getCountry().trim() + " "
                        + new eu.vigil.company.CompanyId(alert.getCountry().trim(), alert.getNumber()).display(),
                details));
    }

    private Alert find(long id) {
        return alerts.findById(id).orElseThrow(() -> new NotFoundException("Alert"));
    }

    private List<InboxAlert> items(List<Alert> page, String language) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, SignalEvent> byId =
                events
                        .byIds(page.stream()
                                .map(Alert::getSignalEventId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(
                                SignalEvents.RecordedEvent::id, SignalEvents.RecordedEvent::event, (a, b) -> a));
        List<Long> companies = page.stream().map(Alert::getCompanyId).distinct().toList();
        Map<Long, String> names = watched.names(companies);
        Map<Long, String> lights = watched.lights(companies);
        Map<Long, CompanyStatus> status = statuses.of(companies);
        java.util.Locale locale = java.util.Locale.forLanguageTag(language);
        Map<UUID, String> people = users.users().stream()
                .collect(Collectors.toMap(
                        UserView::id,
                        u -> u.displayName() == null || u.displayName().isBlank() ? u.email() : u.displayName()));
        Map<UUID, String> lists =
                watchlists.watchlists().stream().collect(Collectors.toMap(WatchlistView::id, WatchlistView::name));
        Map<UUID, String> ruleNames = rules
                .findAllById(page.stream()
                        .map(Alert::getRuleId)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList())
                .stream()
                .collect(Collectors.toMap(AlertRule::getId, AlertRule::getName));
        return page.stream()
                .map(alert -> {
                    SignalEvent event = byId.get(alert.getSignalEventId());
                    Signal.Label label = catalogue
                            .find(alert.getCode())
                            .map(s -> s.label(language))
                            .orElse(null);
                    return new InboxAlert(
                            alert.getId(),
                            alert.getRuleId(),
                            ruleNames.get(alert.getRuleId()),
                            alert.getCode(),
                            label == null ? alert.getCode() : label.label(),
                            label == null ? null : label.explanation(),
                            alert.getCountry().trim(),
                            alert.getNumber(),
                            names.get(alert.getCompanyId()),
                            lights.getOrDefault(alert.getCompanyId(), "green"),
                            alert.getPolarity(),
                            alert.getSeverity(),
                            event == null ? null : event.oldValue(),
                            event == null ? null : event.newValue(),
                            event == null ? null : wording.words(event, locale).text(),
                            status.get(alert.getCompanyId()),
                            alert.getEffectiveDate(),
                            Arrays.stream(alert.getWatchlistIds())
                                    .map(lists::get)
                                    .filter(java.util.Objects::nonNull)
                                    .sorted()
                                    .toList(),
                            alert.getState().key(),
                            alert.getAssigneeId(),
                            alert.getAssigneeId() == null ? null : people.get(alert.getAssigneeId()),
                            alert.getAcknowledgedBy(),
                            alert.getAcknowledgedAt(),
                            alert.getResolvedAt(),
                            alert.getCreatedAt());
                })
                .toList();
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
        return views(List.of(alerts.findById(id).orElseThrow(() -> new NotFoundException("Alert"))), language)
                .getFirst();
    }

    @Transactional
    public AlertView acknowledge(long id, String language) {
        Alert alert = alerts.findById(id).orElseThrow(() -> new NotFoundException("Alert"));
        alert.acknowledge(Actors.current());
        audit("AlertAcknowledged", alert);
        return views(List.of(alert), language).getFirst();
    }

    private List<AlertView> views(List<Alert> page, String language) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, SignalEvent> byId =
                events
                        .byIds(page.stream()
                                .map(Alert::getSignalEventId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(
                                SignalEvents.RecordedEvent::id, SignalEvents.RecordedEvent::event, (a, b) -> a));
        java.util.Locale locale = java.util.Locale.forLanguageTag(language);
        Function<Alert, AlertView> view = alert -> {
            SignalEvent event = byId.get(alert.getSignalEventId());
            ChangeWording.Words words =
                    event == null ? new ChangeWording.Words(null, null, null) : wording.words(event, locale);
            String label = catalogue
                    .find(alert.getCode())
                    .map(s -> s.label(language).label())
                    .orElse(alert.getCode());
            return new AlertView(
                    alert.getId(),
                    alert.getRuleId(),
                    alert.getCode(),
                    label,
                    alert.getCountry(),
                    alert.getNumber(),
                    alert.getPolarity(),
                    alert.getSeverity(),
                    event == null ? null : event.oldValue(),
                    event == null ? null : event.newValue(),
                    words.before(),
                    words.after(),
                    words.text(),
                    alert.getEffectiveDate(),
                    List.of(alert.getWatchlistIds()),
                    alert.getState().key(),
                    alert.getAssigneeId(),
                    alert.getAcknowledgedBy(),
                    alert.getAcknowledgedAt(),
                    alert.getCreatedAt());
        };
        return page.stream().map(view).toList();
    }

    static String encode(long id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.UTF_8));
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
