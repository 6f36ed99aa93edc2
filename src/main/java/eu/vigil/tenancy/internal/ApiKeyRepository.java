package eu.vigil.tenancy.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ApiKeyRepository extends JpaRepository<ApiKey, UUID> {

    Optional<ApiKey> findBySecretHash(String secretHash);

    List<ApiKey> findAllByOrderByCreatedAtDesc();

    boolean existsByScope(eu.vigil.tenancy.ApiKeyScope scope);

    @Modifying
    @Query(
            "update ApiKey k set k.lastUsedAt = :now where k.id = :id and (k.lastUsedAt is null or k.lastUsedAt < :staleBefore)")
    int touch(UUID id, Instant now, Instant staleBefore);
}
