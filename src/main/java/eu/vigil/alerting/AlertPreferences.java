package eu.vigil.alerting;

import eu.vigil.alerting.internal.AlertRule;
import eu.vigil.alerting.internal.AlertRuleRepository;
import eu.vigil.alerting.internal.FanOut;
import eu.vigil.shared.NotFoundException;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each recipient's own delivery for a rule ({@code alert_preference}), within what the rule allows: a rule's
 * immediate emails may become a daily or weekly digest or none, a daily digest a weekly one or none, and so on;
 * never more often than the rule. Also the one-click unsubscribe of an email's link, which needs no sign-in.
 */
@Service
public class AlertPreferences {

    /** From most to least often; a person may choose the rule's own delivery or any later one, or none. */
    static final List<String> ORDER = List.of("immediate", "daily", "weekly");

    public static final String NONE = "none";
    private static final Pattern TOKEN = Pattern.compile("^[0-9a-f]{16,64}$");

    private final AlertRuleRepository rules;
    private final FanOut fanOut;
    private final JdbcTemplate jdbc;

    AlertPreferences(AlertRuleRepository rules, FanOut fanOut, JdbcTemplate jdbc) {
        this.rules = rules;
        this.fanOut = fanOut;
        this.jdbc = jdbc;
    }

    /**
     * A rule a person receives and what they chose: {@code choices} lists what they may pick (empty for a rule that
     * delivers to the portal only), {@code choice} what holds now (the rule's own delivery unless they chose).
     */
    public record Preference(
            UUID ruleId, String ruleName, String ruleDelivery, List<String> choices, String choice, boolean asOwner) {}

    /**
     * The enabled rules of the bound tenant that can reach this person, as the fan-out picks recipients: by their role,
     * their id or their address, or, for a rule that writes to the matching entry's owner, when its scope holds at least
     * one watch entry they own ({@code asOwner} when only that way).
     */
    @Transactional(readOnly = true)
    public List<Preference> of(UUID userId, String email, Role role) {
        Map<UUID, String> chosen = new HashMap<>();
        jdbc.query(
                "select rule_id, delivery from alert_preference where tenant_id = ? and recipient = ?",
                rs -> {
                    chosen.put(rs.getObject(1, UUID.class), rs.getString(2).toLowerCase(Locale.ROOT));
                },
                TenantContext.require(),
                address(email));
        Set<UUID> asOwner = fanOut.ownerRulesReaching(TenantContext.require(), userId);
        return rules.findAllByOrderByCreatedAtAscNameAsc().stream()
                .filter(AlertRule::isEnabled)
                .filter(r -> names(r, userId, email, role) || asOwner.contains(r.getId()))
                .map(r -> {
                    String own = r.getDelivery().key();
                    List<String> choices = choices(own);
                    String choice = chosen.getOrDefault(r.getId(), own);
                    return new Preference(
                            r.getId(),
                            r.getName(),
                            own,
                            choices,
                            choices.contains(choice) ? choice : own,
                            !names(r, userId, email, role));
                })
                .toList();
    }

    /**
     * Sets the person's delivery for a rule of the bound tenant that can reach them (another rule is not theirs to set:
     * not found); the rule's own delivery clears their choice.
     */
    @Transactional
    public void choose(UUID ruleId, UUID userId, String email, Role role, String delivery) {
        AlertRule rule = rules.findById(ruleId)
                .filter(r -> names(r, userId, email, role)
                        || fanOut.ownerRulesReaching(r.getTenantId(), userId).contains(r.getId()))
                .orElseThrow(() -> new NotFoundException("Alert rule"));
        String own = rule.getDelivery().key();
        String wanted = delivery == null ? "" : delivery.strip().toLowerCase(Locale.ROOT);
        if (!choices(own).contains(wanted)) {
            throw new AlertingException("delivery", "alerts.error.preference", delivery);
        }
        if (wanted.equals(own)) {
            jdbc.update("delete from alert_preference where rule_id = ? and recipient = ?", ruleId, address(email));
        } else {
            save(rule.getTenantId(), ruleId, address(email), userId, wanted);
        }
    }

    /** Whether the rule names this person among its recipients: by role, by id or by address. */
    private static boolean names(AlertRule rule, UUID userId, String email, Role role) {
        return Arrays.asList(rule.getRecipientRoles()).contains(role.name())
                || Arrays.asList(rule.getRecipientUsers()).contains(userId)
                || Arrays.asList(rule.getRecipientEmails()).contains(address(email));
    }

    /** What an unsubscribe link stands for: which rule, to which address, and whether it is unsubscribed already. */
    public record Unsubscription(String ruleName, String recipient, boolean done) {}

    /** The link's rule and address, or empty for a link Vigil did not give out (or whose rule is gone). Needs no tenant. */
    @Transactional(readOnly = true)
    public Optional<Unsubscription> unsubscription(String token) {
        return link(token)
                .map(link ->
                        new Unsubscription(link.ruleName(), link.recipient(), NONE.equalsIgnoreCase(link.current())));
    }

    /** Records "none" for the link's rule and address (RFC 8058 one-click); doing it twice changes nothing. */
    @Transactional
    public Optional<Unsubscription> unsubscribe(String token) {
        return link(token).map(link -> {
            save(link.tenantId(), link.ruleId(), link.recipient(), link.userId(), NONE);
            return new Unsubscription(link.ruleName(), link.recipient(), true);
        });
    }

    private record Link(UUID tenantId, UUID ruleId, String recipient, UUID userId, String ruleName, String current) {}

    private Optional<Link> link(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        // the token is the key, whoever asks: an email's reader need not be signed in, nor in the rule's tenant
        return jdbc
                .query(
                        """
                select o.tenant_id, o.rule_id, o.recipient, o.recipient_user_id, r.name,
                       (select p.delivery from alert_preference p where p.rule_id = o.rule_id and p.recipient = o.recipient)
                from mail_outbox o join alert_rule r on r.id = o.rule_id and r.tenant_id = o.tenant_id
                where o.unsubscribe_token = ?""",
                        (rs, n) -> new Link(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getObject(4, UUID.class),
                                rs.getString(5),
                                rs.getString(6)),
                        token)
                .stream()
                .findFirst();
    }

    private void save(UUID tenantId, UUID ruleId, String recipient, UUID userId, String delivery) {
        jdbc.update("""
                insert into alert_preference (tenant_id, rule_id, recipient, user_id, delivery, updated_at)
                values (?, ?, ?, ?, ?, now())
                on conflict (rule_id, recipient) do update set delivery = excluded.delivery, updated_at = now()""", tenantId, ruleId, recipient, userId, delivery.toUpperCase(Locale.ROOT));
    }

    static List<String> choices(String ruleDelivery) {
        int from = ORDER.indexOf(ruleDelivery);
        if (from < 0) {
            return List.of();
        }
        return java.util.stream.Stream.concat(
                        ORDER.subList(from, ORDER.size()).stream(), java.util.stream.Stream.of(NONE))
                .toList();
    }

    private static String address(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
