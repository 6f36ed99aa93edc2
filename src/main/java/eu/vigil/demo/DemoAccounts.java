package eu.vigil.demo;

import eu.vigil.shared.Language;
import eu.vigil.tenancy.Role;
import java.util.List;

/** The demo logins, also printed in the log and listed in the README. */
public final class DemoAccounts {

    public static final String PASSWORD = "vigil-demo-2026";
    public static final String TENANT_NAME = "Demo Trading NV";
    public static final String TENANT_API_KEY = "vgl_demo_tenant_key_do_not_use_in_production";
    public static final String PLATFORM_API_KEY = "vgl_demo_platform_key_do_not_use_in_production";

    public static final List<Account> ACCOUNTS = List.of(
            new Account("platform@vigil.example", "Paula Platform", Role.PLATFORM_ADMIN, Language.EN),
            new Account("admin@demo.example", "Anna Admin", Role.TENANT_ADMIN, Language.EN),
            new Account("credit@demo.example", "Claire Crédit", Role.CREDIT_MANAGER, Language.FR),
            new Account("sales@demo.example", "Sander Sales", Role.SALES, Language.NL),
            new Account("viewer@demo.example", "Vittoria Viewer", Role.VIEWER, Language.IT));

    private DemoAccounts() {}

    public record Account(String email, String name, Role role, Language language) {}
}
