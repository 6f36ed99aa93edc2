package eu.vigil.alerting.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AlertRuleRepository extends JpaRepository<AlertRule, UUID> {

    List<AlertRule> findAllByOrderByCreatedAtAscNameAsc();

    boolean existsByTenantIdAndDefaultRule(UUID tenantId, String defaultRule);
}
