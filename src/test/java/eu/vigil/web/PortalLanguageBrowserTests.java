package eu.vigil.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import eu.vigil.shared.Language;
import eu.vigil.support.BrowserTest;
import eu.vigil.support.TestData;
import eu.vigil.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PortalLanguageBrowserTests extends BrowserTest {

    @Autowired
    TestData data;

    @Test
    void theLanguageSwitcherTranslatesThePortalAndIsRemembered() {
        var tenant = data.tenant("Polyglot");
        var person = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        signIn(person.email(), TestData.PASSWORD);
        assertThat(page.locator("#nav-home")).hasText("Home");

        page.locator("#lang-menu").click();
        page.locator("[data-lang=fr]").click();
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("#nav-logout")).hasText("Se déconnecter");

        page.navigate("/profile");
        assertThat(page.locator("#language")).hasValue("fr");

        page.locator("#lang-menu").click();
        page.locator("[data-lang=it]").click();
        assertThat(page.locator("#nav-logout")).hasText("Esci");
        page.locator("#lang-menu").click();
        page.locator("[data-lang=nl]").click();
        assertThat(page.locator("#nav-logout")).hasText("Afmelden");
    }

    @Test
    void errorPagesSpeakTheUsersLanguageAndShowNoStackTrace() {
        var tenant = data.tenant("Lost");
        var person = data.member(tenant, Role.VIEWER, Language.IT);
        signIn(person.email(), TestData.PASSWORD);

        var forbidden = page.navigate("/users/00000000-0000-0000-0000-000000000042");
        org.assertj.core.api.Assertions.assertThat(forbidden.status()).isEqualTo(403);
        assertThat(page.locator("html")).hasAttribute("lang", "it");

        var missing = page.navigate("/no-such-page");
        org.assertj.core.api.Assertions.assertThat(missing.status()).isEqualTo(404);
        assertThat(page.locator("#error-title")).isVisible();
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("Exception", "at eu.vigil");

        var wrongMethod = page.navigate("/profile/password");
        org.assertj.core.api.Assertions.assertThat(wrongMethod.status()).isGreaterThanOrEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("Exception", "at org.");
    }

    @Test
    void theLoginPageFollowsTheBrowserLanguageBeforeSignIn() {
        var dutch = context.browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + port)
                        .setLocale("nl-BE"));
        var dutchPage = dutch.newPage();
        dutchPage.navigate("/login");
        assertThat(dutchPage.locator("html")).hasAttribute("lang", "nl");
        assertThat(dutchPage.locator("#sign-in")).hasText("Aanmelden");
        dutch.close();
    }
}
