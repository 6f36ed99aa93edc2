package eu.vigil.tenancy.web;

import eu.vigil.shared.NotFoundException;
import eu.vigil.tenancy.ApiClient;
import eu.vigil.tenancy.TenantManagement;
import eu.vigil.tenancy.TenantView;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.tenancy.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tenant", description = "The tenant behind a tenant API key, and its users")
@SecurityRequirement(name = "apiKey")
class TenantApi {

    private final TenantManagement tenants;
    private final UserManagement users;

    TenantApi(TenantManagement tenants, UserManagement users) {
        this.tenants = tenants;
        this.users = users;
    }

    @GetMapping("/tenant")
    @Operation(summary = "The tenant this key belongs to")
    TenantView tenant(@AuthenticationPrincipal ApiClient client) {
        return tenants.tenant(client.tenantId()).orElseThrow(() -> new NotFoundException("Tenant"));
    }

    @PatchMapping("/tenant")
    @Operation(
            summary =
                    "Change the tenant's settings: country, the ISO code of the country its company numbers without a prefix belong to")
    TenantView change(@AuthenticationPrincipal ApiClient client, @RequestBody TenantSettings settings) {
        if (settings.country() != null) {
            tenants.changeCountry(settings.country());
        }
        return tenants.tenant(client.tenantId()).orElseThrow(() -> new NotFoundException("Tenant"));
    }

    record TenantSettings(String country) {}

    @GetMapping("/users")
    @Operation(summary = "The tenant's users")
    List<UserView> users() {
        return users.users();
    }

    @GetMapping("/users/{id}")
    @Operation(summary = "One of the tenant's users")
    UserView user(@PathVariable UUID id) {
        return users.user(id);
    }
}
