package eu.vigil.alerting;

import eu.vigil.alerting.AlertRuleSpec.DeliverySpec;
import eu.vigil.alerting.AlertRuleSpec.Match;
import eu.vigil.alerting.AlertRuleSpec.Recipients;
import eu.vigil.alerting.AlertRuleSpec.Scope;
import java.time.Instant;
import java.util.UUID;

/** A stored rule, normalised: lower-case polarities, categories, severities and types, upper-case roles and codes. */
public record AlertRuleView(
        UUID id,
        String name,
        boolean enabled,
        Match match,
        Scope scope,
        Recipients recipients,
        DeliverySpec delivery,
        String defaultRule,
        Instant createdAt,
        Instant updatedAt) {}
