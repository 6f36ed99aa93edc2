package eu.vigil.tenancy.internal;

import eu.vigil.tenancy.Role;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Tenant-scoped by Hibernate: every query sees only the bound tenant's users. */
public interface AppUserRepository extends JpaRepository<AppUser, UUID> {

    Optional<AppUser> findByEmailIgnoreCase(String email);

    boolean existsByEmailIgnoreCase(String email);

    List<AppUser> findAllByOrderByEmailAsc();

    long countByRoleAndStatus(Role role, AppUser.Status status);

    long countByTenantId(UUID tenantId);
}
