package eu.vigil.alerting.internal;

import eu.vigil.alerting.AlertState;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** Tenant-scoped by Hibernate, like every tenant-owned entity. */
public interface AlertRepository extends JpaRepository<Alert, Long> {

    List<Alert> findByIdGreaterThanOrderByIdAsc(long id, Limit limit);

    long countByState(AlertState state);
}
