package eu.vigil.alerting;

import eu.vigil.alerting.AlertRuleSpec.DeliverySpec;
import eu.vigil.alerting.AlertRuleSpec.Match;
import eu.vigil.alerting.AlertRuleSpec.Recipients;
import eu.vigil.alerting.AlertRuleSpec.Scope;
import eu.vigil.alerting.internal.AlertRule;
import eu.vigil.alerting.internal.AlertRuleRepository;
import eu.vigil.alerting.internal.FanOut;
import eu.vigil.shared.Language;
import eu.vigil.shared.NotFoundException;
import eu.vigil.signal.Category;
import eu.vigil.signal.Polarity;
import eu.vigil.signal.Severity;
import eu.vigil.signal.SignalCatalogue;
import eu.vigil.tenancy.AccountActivity;
import eu.vigil.tenancy.Audited;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.TenantManagement;
import eu.vigil.tenancy.TenantView;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.tenancy.UserView;
import eu.vigil.watchlist.Relationship;
import eu.vigil.watchlist.WatchlistManagement;
import eu.vigil.watchlist.WatchlistView;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bound tenant's alert rules: list, create, change, delete, each checked field by field; and every new tenant's defaults. */
@Service
public class AlertRules {

    public static final int PREVIEW_DAYS = 30;
    static final String RISK = "risk";
    static final String OPPORTUNITIES = "opportunities";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final List<Role> RECIPIENT_ROLES =
            List.of(Role.TENANT_ADMIN, Role.CREDIT_MANAGER, Role.SALES, Role.VIEWER);

    private final AlertRuleRepository rules;
    private final SignalCatalogue catalogue;
    private final UserManagement users;
    private final WatchlistManagement watchlists;
    private final FanOut fanOut;
    private final TenantManagement tenants;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    AlertRules(
            AlertRuleRepository rules,
            SignalCatalogue catalogue,
            UserManagement users,
            WatchlistManagement watchlists,
            FanOut fanOut,
            TenantManagement tenants,
            MessageSource messages,
            ApplicationEventPublisher events) {
        this.events = events;
        this.fanOut = fanOut;
        this.tenants = tenants;
        this.messages = messages;
        this.rules = rules;
        this.catalogue = catalogue;
        this.users = users;
        this.watchlists = watchlists;
    }

    @Transactional(readOnly = true)
    public List<AlertRuleView> rules() {
        return rules.findAllByOrderByCreatedAtAscNameAsc().stream()
                .map(AlertRules::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public AlertRuleView rule(UUID id) {
        return rules.findById(id).map(AlertRules::view).orElseThrow(() -> new NotFoundException("Alert rule"));
    }

    @Transactional
    public AlertRuleView create(AlertRuleSpec spec) {
        AlertRule rule = new AlertRule(TenantContext.require(), null);
        define(rule, spec);
        AlertRuleView created = view(rules.save(rule));
        events.publishEvent(Audited.of("RuleCreated", created.name()));
        return created;
    }

    @Transactional
    public AlertRuleView update(UUID id, AlertRuleSpec spec) {
        AlertRule rule = rules.findById(id).orElseThrow(() -> new NotFoundException("Alert rule"));
        define(rule, spec);
        events.publishEvent(Audited.of("RuleUpdated", rule.getName()));
        return view(rule);
    }

    /**
     * What the rule's match and scope would have raised over the last {@value #PREVIEW_DAYS} days, counted as the
     * fan-out counts (one alert per signal event), over the tenant's watch entries as they are now. Checks the match and
     * scope as a save does; the name, recipients and delivery do not change the count.
     */
    @Transactional(readOnly = true)
    public RulePreview preview(AlertRuleSpec spec) {
        if (spec == null) {
            throw new AlertingException("", "alerts.error.body");
        }
        AlertRule rule = new AlertRule(TenantContext.require(), null);
        define(
                rule,
                new AlertRuleSpec(
                        "preview",
                        true,
                        spec.match(),
                        spec.scope(),
                        null,
                        new DeliverySpec(Delivery.PORTAL.key(), null, null)));
        FanOut.Preview preview = fanOut.preview(rule, Instant.now().minus(Duration.ofDays(PREVIEW_DAYS)));
        return new RulePreview(preview.alerts(), preview.companies(), PREVIEW_DAYS);
    }

    /** Deletes the rule; its alerts stay in the inbox. */
    @Transactional
    public void delete(UUID id) {
        AlertRule rule = rules.findById(id).orElseThrow(() -> new NotFoundException("Alert rule"));
        rules.delete(rule);
        events.publishEvent(Audited.of("RuleDeleted", rule.getName()));
    }

    /**
     * A new tenant starts with two rules, named in its language: negative signals of medium severity and up to credit
     * managers at once, positive ones to sales in a daily digest.
     */
    @EventListener
    void on(AccountActivity.TenantCreated created) {
        createDefaults(created.tenantId());
    }

    @Transactional
    public void createDefaults(UUID tenantId) {
        Locale language = TenantContext.callAs(tenantId, () -> tenants.tenant(tenantId))
                .map(TenantView::language)
                .orElse(Language.EN)
                .locale();
        if (!rules.existsByTenantIdAndDefaultRule(tenantId, RISK)) {
            AlertRule risk = new AlertRule(tenantId, RISK);
            risk.define(new AlertRuleSpec(
                    defaultName(RISK, language),
                    true,
                    new Match(List.of(), List.of(), List.of(Polarity.NEGATIVE.key()), Severity.MEDIUM.key()),
                    null,
                    new Recipients(List.of(Role.CREDIT_MANAGER.name()), List.of(), false, List.of()),
                    new DeliverySpec(Delivery.IMMEDIATE.key(), null, null)));
            rules.save(risk);
        }
        if (!rules.existsByTenantIdAndDefaultRule(tenantId, OPPORTUNITIES)) {
            AlertRule opportunities = new AlertRule(tenantId, OPPORTUNITIES);
            opportunities.define(new AlertRuleSpec(
                    defaultName(OPPORTUNITIES, language),
                    true,
                    new Match(List.of(), List.of(), List.of(Polarity.POSITIVE.key()), Severity.INFO.key()),
                    null,
                    new Recipients(List.of(Role.SALES.name()), List.of(), false, List.of()),
                    new DeliverySpec(Delivery.DAILY.key(), LocalTime.of(8, 0).toString(), null)));
            rules.save(opportunities);
        }
    }

    private String defaultName(String rule, Locale language) {
        return messages.getMessage("alerts.defaultRule." + rule, null, language);
    }

    private void define(AlertRule rule, AlertRuleSpec spec) {
        if (spec == null) {
            throw new AlertingException("", "alerts.error.body");
        }
        String name = spec.name() == null ? "" : spec.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new AlertingException("name", "alerts.error.name");
        }
        Match match = spec.match();
        String[] signals = distinct(match.signals(), code -> {
            String wanted = code.strip().toUpperCase(Locale.ROOT);
            return catalogue
                    .find(wanted)
                    .map(s -> s.code())
                    .orElseThrow(() -> new AlertingException("match.signals", "alerts.error.signal", code));
        });
        String[] categories = distinct(
                match.categories(),
                value -> parse(Category.class, value, "match.categories", "alerts.error.category")
                        .key());
        String[] polarities = distinct(
                match.polarity(),
                value -> parse(Polarity.class, value, "match.polarity", "alerts.error.polarity")
                        .key());
        String minSeverity = match.minSeverity() == null || match.minSeverity().isBlank()
                ? Severity.INFO.key()
                : parse(Severity.class, match.minSeverity(), "match.minSeverity", "alerts.error.severity")
                        .key();

        Scope scope = spec.scope();
        Set<UUID> known =
                watchlists.watchlists().stream().map(WatchlistView::id).collect(Collectors.toSet());
        UUID[] lists = scope.watchlists().stream()
                .distinct()
                .peek(id -> {
                    if (!known.contains(id)) {
                        throw new AlertingException("scope.watchlists", "alerts.error.watchlist", id);
                    }
                })
                .toArray(UUID[]::new);
        String[] relationships = distinct(
                scope.relationshipTypes(),
                value -> Relationship.parse(value)
                        .orElseThrow(() ->
                                new AlertingException("scope.relationshipTypes", "alerts.error.relationship", value))
                        .name());
        String[] tags = distinct(scope.tags(), String::strip);
        Set<UUID> people = users.users().stream().map(UserView::id).collect(Collectors.toSet());
        UUID[] owners = people(scope.owners(), people, "scope.owners");
        BigDecimal minExposure = scope.minExposure();
        if (minExposure != null && minExposure.signum() < 0) {
            throw new AlertingException("scope.minExposure", "alerts.error.exposure", minExposure);
        }

        Recipients recipients = spec.recipients();
        String[] roles = distinct(
                recipients.roles(),
                value -> RECIPIENT_ROLES.stream()
                        .filter(r -> r.name().equalsIgnoreCase(value.strip()))
                        .findFirst()
                        .orElseThrow(() -> new AlertingException("recipients.roles", "alerts.error.role", value))
                        .name());
        UUID[] recipientUsers = people(recipients.users(), people, "recipients.users");
        String[] emails = distinct(recipients.emails(), value -> {
            String email = value.strip().toLowerCase(Locale.ROOT);
            if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
                throw new AlertingException("recipients.emails", "alerts.error.email", value);
            }
            return email;
        });

        DeliverySpec delivery = spec.delivery();
        if (delivery == null || delivery.mode() == null) {
            throw new AlertingException("delivery.mode", "alerts.error.delivery", "");
        }
        Delivery mode = Delivery.parse(delivery.mode())
                .orElseThrow(() -> new AlertingException("delivery.mode", "alerts.error.delivery", delivery.mode()));
        LocalTime at = null;
        String weekday = null;
        if (mode == Delivery.DAILY || mode == Delivery.WEEKLY) {
            at = time(delivery.at());
        }
        if (mode == Delivery.WEEKLY) {
            weekday = day(delivery.weekday());
        }
        if (mode != Delivery.PORTAL
                && roles.length == 0
                && recipientUsers.length == 0
                && emails.length == 0
                && !recipients.includesOwner()) {
            throw new AlertingException("recipients", "alerts.error.noRecipients");
        }
        rule.define(new AlertRuleSpec(
                name,
                spec.enabled() == null || spec.enabled(),
                new Match(List.of(signals), List.of(categories), List.of(polarities), minSeverity),
                new Scope(List.of(lists), List.of(relationships), List.of(tags), List.of(owners), minExposure),
                new Recipients(List.of(roles), List.of(recipientUsers), recipients.includesOwner(), List.of(emails)),
                new DeliverySpec(mode.key(), at == null ? null : at.toString(), weekday)));
    }

    private static LocalTime time(String value) {
        if (value == null || value.isBlank()) {
            return LocalTime.of(8, 0);
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new AlertingException("delivery.at", "alerts.error.at", value);
        }
    }

    private static String day(String value) {
        if (value == null || value.isBlank()) {
            return DayOfWeek.MONDAY.name();
        }
        try {
            return DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new AlertingException("delivery.weekday", "alerts.error.weekday", value);
        }
    }

    private static UUID[] people(List<UUID> ids, Set<UUID> people, String field) {
        return ids.stream()
                .distinct()
                .peek(id -> {
                    if (!people.contains(id)) {
                        throw new AlertingException(field, "alerts.error.user", id, field);
                    }
                })
                .toArray(UUID[]::new);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String messageKey) {
        for (E constant : type.getEnumConstants()) {
            if (value != null && constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        throw new AlertingException(field, messageKey, value);
    }

    private static String[] distinct(List<String> values, Function<String, String> normalise) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            if (!value.isBlank()) {
                result.add(normalise.apply(value));
            }
        }
        return result.toArray(String[]::new);
    }

    static AlertRuleView view(AlertRule rule) {
        return new AlertRuleView(
                rule.getId(),
                rule.getName(),
                rule.isEnabled(),
                new Match(
                        List.of(rule.getSignals()),
                        List.of(rule.getCategories()),
                        List.of(rule.getPolarities()),
                        rule.getMinSeverity()),
                new Scope(
                        List.of(rule.getWatchlists()),
                        List.of(rule.getRelationships()).stream()
                                .map(r -> r.toLowerCase(Locale.ROOT))
                                .toList(),
                        List.of(rule.getTags()),
                        List.of(rule.getOwners()),
                        rule.getMinExposure()),
                new Recipients(
                        List.of(rule.getRecipientRoles()),
                        List.of(rule.getRecipientUsers()),
                        rule.isRecipientOwner(),
                        List.of(rule.getRecipientEmails())),
                new DeliverySpec(
                        rule.getDelivery().key(),
                        rule.getDeliveryAt() == null
                                ? null
                                : rule.getDeliveryAt().toString(),
                        rule.getDeliveryWeekday()),
                rule.getDefaultRule(),
                rule.getCreatedAt(),
                rule.getUpdatedAt());
    }
}
