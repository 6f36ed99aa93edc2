package eu.vigil.tenancy.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TenantRepository extends JpaRepository<Tenant, UUID> {

    List<Tenant> findAllByPlatformFalseOrderByNameAsc();

    boolean existsByNameIgnoreCase(String name);
}
