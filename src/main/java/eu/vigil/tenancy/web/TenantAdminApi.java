package eu.vigil.tenancy.web;

import eu.vigil.shared.Language;
import eu.vigil.tenancy.TenancyException;
import eu.vigil.tenancy.TenantManagement;
import eu.vigil.tenancy.TenantView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/tenants")
@Tag(name = "Platform: tenants", description = "Provisioning with a platform API key")
@SecurityRequirement(name = "apiKey")
class TenantAdminApi {

    private final TenantManagement tenants;

    TenantAdminApi(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @PostMapping
    @Operation(summary = "Create a tenant, invite its admin by email and return a tenant API key")
    ResponseEntity<CreatedTenantResponse> create(@RequestBody NewTenant request) {
        Language language = request.language() == null
                ? Language.EN
                : Language.fromCode(request.language())
                        .orElseThrow(() -> new TenancyException("tenants.error.language"));
        var created = tenants.createTenant(request.name(), language, request.country(), request.adminEmail(), true);
        return ResponseEntity.created(URI.create("/api/v1/admin/tenants/" + created.id()))
                .body(new CreatedTenantResponse(created.id(), created.apiKey()));
    }

    @GetMapping
    @Operation(summary = "List tenants")
    List<TenantView> list() {
        return tenants.tenants();
    }

    /** {@code country}: ISO code of the country its company numbers without a prefix belong to (BE when absent). */
    record NewTenant(String name, String adminEmail, String language, String country) {}

    record CreatedTenantResponse(UUID id, String apiKey) {}
}
