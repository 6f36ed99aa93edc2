package eu.vigil.alerting.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AlertCommentRepository extends JpaRepository<AlertComment, Long> {

    List<AlertComment> findByAlertIdOrderByCreatedAtAscIdAsc(long alertId);
}
