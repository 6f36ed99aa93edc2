package eu.vigil.alerting.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SilenceRepository extends JpaRepository<Silence, UUID> {
}
