package eu.vigil.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import eu.vigil.demo.DemoAccounts;
import eu.vigil.support.BrowserTest;
import eu.vigil.tenancy.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoleMenuBrowserTests extends BrowserTest {

    private static final List<String> ALL_ITEMS = List.of(
            "nav-tenants", "nav-mail", "nav-users", "nav-api-keys", "nav-audit", "nav-alerts", "nav-receivables");

    private static final Map<Role, List<String>> MENU = Map.of(
            Role.PLATFORM_ADMIN, List.of("nav-tenants", "nav-mail", "nav-api-keys"),
            Role.TENANT_ADMIN, List.of("nav-users", "nav-api-keys", "nav-audit", "nav-alerts", "nav-receivables"),
            Role.CREDIT_MANAGER, List.of("nav-alerts", "nav-receivables"),
            Role.SALES, List.of("nav-alerts", "nav-receivables"),
            Role.VIEWER, List.of("nav-alerts", "nav-receivables"));

    /** Each role's home page: feed health, the portfolio, or a salesperson's opportunities. */
    private static final Map<Role, String> HOME = Map.of(
            Role.PLATFORM_ADMIN, "home-feed-health",
            Role.TENANT_ADMIN, "home-portfolio",
            Role.CREDIT_MANAGER, "home-portfolio",
            Role.SALES, "home-opportunities",
            Role.VIEWER, "home-portfolio");

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachDemoRoleSeesItsOwnMenu(Role role) {
        var account = DemoAccounts.ACCOUNTS.stream()
                .filter(a -> a.role() == role)
                .findFirst()
                .orElseThrow();

        signIn(account.email(), DemoAccounts.PASSWORD);

        assertThat(page.locator("#nav-home")).isVisible();
        assertThat(page.locator("#nav-profile")).hasText(account.name());
        for (String item : ALL_ITEMS) {
            if (MENU.get(role).contains(item)) {
                assertThat(page.locator("#" + item)).isVisible();
            } else {
                assertThat(page.locator("#" + item)).hasCount(0);
            }
        }
        assertThat(page.getByTestId(HOME.get(role))).isVisible();
    }
}
