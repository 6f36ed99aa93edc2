package eu.vigil.tenancy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import eu.vigil.demo.DemoAccounts;
import eu.vigil.embedded.CapturedMail;
import eu.vigil.support.BrowserTest;
import eu.vigil.support.MailBox;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InvitationBrowserTests extends BrowserTest {

    @Autowired
    CapturedMail mail;

    @Test
    void platformAdminCreatesTenantAndItsInvitedAdminSetsAPasswordAndSignsIn() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tenantName = "Brouwerij " + suffix;
        String adminEmail = "beheer-" + suffix + "@brouwerij.test";

        signIn("platform@vigil.example", DemoAccounts.PASSWORD);
        page.locator("#nav-tenants").click();
        page.getByLabel("Company name").fill(tenantName);
        page.getByLabel("First administrator's email").fill(adminEmail);
        page.locator("#tenant-language").selectOption("nl");
        page.locator("#create-tenant").click();
        assertThat(page.locator("h1")).hasText(tenantName);

        var invitation = MailBox.awaitOne(mail, adminEmail);
        assertThat(invitation.html()).contains(tenantName);
        page.locator("#nav-mail").click();
        page.getByText(invitation.subject()).first().click();
        assertThat(page.locator("#mail-subject")).hasText(invitation.subject());
        page.locator("#nav-logout").click();

        page.navigate(MailBox.linkPath(invitation));
        page.locator("#displayName").fill("Bea Beheer");
        page.locator("#password").fill("a long enough passphrase");
        page.locator("#confirm").fill("a long enough passphrase");
        page.locator("#accept-invitation").click();
        assertThat(page.locator("#login-activated")).isVisible();

        signIn(adminEmail, "a long enough passphrase");
        assertThat(page.locator("#nav-users")).isVisible();
        assertThat(page.locator("#nav-profile")).hasText("Bea Beheer");
        assertThat(page.locator("html")).hasAttribute("lang", "nl");

        page.navigate(MailBox.linkPath(invitation));
        assertThat(page.locator("#link-invalid")).isVisible();
    }

    @Test
    void tenantAdminInvitesAColleagueWhoAppearsAsInvited() {
        String colleague = "colleague-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";
        signIn("admin@demo.example", DemoAccounts.PASSWORD);
        page.locator("#nav-users").click();
        page.locator("#invite-email").fill(colleague);
        page.locator("#invite-role").selectOption("SALES");
        page.locator("#invite-submit").click();

        assertThat(page.locator("[role=status]")).containsText(colleague);
        assertThat(page.locator("#users-table")).containsText(colleague);
        var message = MailBox.awaitOne(mail, colleague);
        assertThat(message.text()).contains("Demo Trading NV").contains("/invitation/");

        page.locator("#invite-email").fill(colleague);
        page.locator("#invite-submit").click();
        assertThat(page.locator("[role=alert]")).containsText("already used");
    }

    @Test
    void anExpiredOrMadeUpLinkSaysSoWithoutAStackTrace() {
        Page.NavigateOptions options = new Page.NavigateOptions();
        var response = page.navigate("/invitation/not-a-real-token", options);
        assertThat(response.status()).isEqualTo(200);
        assertThat(page.locator("#link-invalid")).isVisible();
        assertThat(page.content()).doesNotContain("Exception");
    }
}
