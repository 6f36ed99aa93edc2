package eu.vigil.tenancy;

import java.util.List;

public enum Role {
    PLATFORM_ADMIN,
    TENANT_ADMIN,
    CREDIT_MANAGER,
    SALES,
    VIEWER;

    /** The roles a tenant admin may give to the people of their own tenant. */
    public static final List<Role> TENANT_ROLES = List.of(TENANT_ADMIN, CREDIT_MANAGER, SALES, VIEWER);

    public String authority() {
        return "ROLE_" + name();
    }
}
