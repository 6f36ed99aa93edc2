package eu.vigil.alerting;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What a rule says, in the shape of the API's JSON (and of the portal's editor): empty lists mean "any".
 * Values are as people write them ({@code "negative"}, {@code "medium"}, {@code "CREDIT_MANAGER"}); {@link AlertRules}
 * checks and normalises them.
 */
public record AlertRuleSpec(
        String name, Boolean enabled, Match match, Scope scope, Recipients recipients, DeliverySpec delivery) {

    public AlertRuleSpec {
        match = match == null ? new Match(null, null, null, null) : match;
        scope = scope == null ? new Scope(null, null, null, null, null) : scope;
        recipients = recipients == null ? new Recipients(null, null, null, null) : recipients;
    }

    public record Match(List<String> signals, List<String> categories, List<String> polarity, String minSeverity) {
        public Match {
            signals = orEmpty(signals);
            categories = orEmpty(categories);
            polarity = orEmpty(polarity);
        }
    }

    /** On which watched companies: entries on these watchlists, of these relationship types, with one of these tags, owned by these people, exposure at least this amount. */
    public record Scope(
            List<UUID> watchlists,
            List<String> relationshipTypes,
            List<String> tags,
            List<UUID> owners,
            BigDecimal minExposure) {
        public Scope {
            watchlists = orEmpty(watchlists);
            relationshipTypes = orEmpty(relationshipTypes);
            tags = orEmpty(tags);
            owners = orEmpty(owners);
        }
    }

    /** Roles and people of the tenant, the owner of the matching entry, and external addresses. */
    public record Recipients(List<String> roles, List<UUID> users, Boolean owner, List<String> emails) {
        public Recipients {
            roles = orEmpty(roles);
            users = orEmpty(users);
            emails = orEmpty(emails);
        }

        public boolean includesOwner() {
            return Boolean.TRUE.equals(owner);
        }
    }

    /** {@code mode} immediate, daily, weekly or portal; {@code at} (HH:mm, the tenant's time zone) for digests, {@code weekday} for weekly ones. */
    public record DeliverySpec(String mode, String at, String weekday) {}

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null
                ? List.of()
                : list.stream().filter(java.util.Objects::nonNull).toList();
    }
}
