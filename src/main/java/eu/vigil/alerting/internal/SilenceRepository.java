package eu.vigil.alerting.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SilenceRepository extends JpaRepository<Silence, UUID> {

    List<Silence> findByUserIdAndUntilAfterOrderByUntilAsc(UUID userId, Instant now);

    List<Silence> findByUserIdAndCompanyIdAndUntilAfter(UUID userId, long companyId, Instant now);
}
