package eu.vigil.alerting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import eu.vigil.shared.Language;
import eu.vigil.support.BrowserTest;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.support.Wait;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The inbox in a real browser: a credit manager works through the alerts a KBO Update raised; another tenant sees none. */
class AlertInboxBrowserTests extends BrowserTest {

    private static final DateTimeFormatter KBO_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Autowired
    TestData data;

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCreditManagerFiltersAssignsCommentsAndAcknowledgesAlertsAndAnotherTenantSeesNone() throws Exception {
        TestTenant tenant = data.tenant("Inbox");
        TestUser claire = data.member(tenant, Role.CREDIT_MANAGER, Language.FR);
        TestTenant other = data.tenant("Inbox bystander");
        TestUser outsider = data.member(other, Role.CREDIT_MANAGER, Language.EN);

        String bankrupt = KboUpdates.number();
        String reorganised = KboUpdates.number();
        ingest(KboUpdates.update(
                today(),
                new KboUpdates.Enterprise(bankrupt, "Bouwwerken Inbox NV", "000", false),
                new KboUpdates.Enterprise(reorganised, "Brasserie Inbox SRL", "000", false)));
        TenantContext.runAs(tenant.id(), () -> {
            UUID list = watchlists.create("Clients clés").id();
            watchlists.add(list, bankrupt, new EntryData("C-1", null, null, null, null, List.of()));
            watchlists.add(list, reorganised, new EntryData("C-2", null, null, null, null, List.of()));
        });
        TenantContext.runAs(
                other.id(),
                () -> watchlists.add(
                        watchlists.create("Elsewhere").id(),
                        KboUpdates.number(),
                        new EntryData(null, null, null, null, null, List.of())));
        ingest(KboUpdates.update(
                today(),
                new KboUpdates.Enterprise(bankrupt, "Bouwwerken Inbox NV", "050", true),
                new KboUpdates.Enterprise(reorganised, "Brasserie Inbox SRL", "091", true)));
        ingest(KboUpdates.update(today(), new KboUpdates.Enterprise(reorganised, "Brasserie Inbox SRL", "000", true)));
        awaitAlerts(tenant, 3);
        // the reorganisation's opening came three weeks ago
        jdbc.update(
                "update alert set created_at = now() - interval '21 days' where tenant_id = ? and code = 'REORGANISATION_OPENED'",
                tenant.id());

        signIn(claire.email(), TestData.PASSWORD);
        assertThat(page.locator("#nav-alerts-count")).hasText("3");
        page.locator("#nav-alerts").click();
        assertThat(page.locator(".alert-row")).hasCount(3);
        assertThat(page.locator("[data-signal=BANKRUPTCY_OPENED] .alert-label")).hasText("Ouverture de faillite");
        assertThat(page.locator("[data-signal=REORGANISATION_ENDED] .alert-label"))
                .hasText("Fin de la réorganisation judiciaire");
        assertThat(page.locator("[data-signal=BANKRUPTCY_OPENED]")).containsText("Bouwwerken Inbox NV");

        page.locator("#f-polarity").selectOption("positive");
        assertThat(page.locator(".alert-row")).hasCount(1);
        assertThat(page.locator(".alert-row")).hasAttribute("data-signal", "REORGANISATION_ENDED");
        page.locator("#f-polarity").selectOption("negative");
        assertThat(page.locator(".alert-row")).hasCount(2);
        page.locator("#f-days").selectOption("7");
        assertThat(page.locator(".alert-row")).hasCount(1);
        assertThat(page.locator(".alert-row")).hasAttribute("data-signal", "BANKRUPTCY_OPENED");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*days=7.*"));
        page.locator("#f-days").selectOption("30");
        assertThat(page.locator(".alert-row")).hasCount(2);

        page.locator("[data-signal=BANKRUPTCY_OPENED] .alert-label").click();
        assertThat(page.locator("#alert-title")).containsText("Ouverture de faillite");
        assertThat(page.locator("#alert-change")).hasText("Situation normale → Ouverture de faillite");
        assertThat(page.locator("#alert-company")).hasText("Bouwwerken Inbox NV");
        page.locator("#assignee").selectOption(tenant.admin().id().toString());
        page.locator("#assign").click();
        assertThat(page.locator("#alert-assignee")).hasText("Test TENANT_ADMIN");
        page.locator("#comment-body").fill("Appelé le curateur, créance déclarée.");
        page.locator("#comment-submit").click();
        assertThat(page.locator("#comment-list .comment-body")).hasText("Appelé le curateur, créance déclarée.");
        assertThat(page.locator("#comment-list"))
                .containsText(claire.principal().displayName());

        page.locator("#nav-alerts").click();
        assertThat(page.locator(".alert-row")).hasCount(3);
        for (String signal : new String[] {"BANKRUPTCY_OPENED", "REORGANISATION_ENDED"}) {
            page.locator("[data-signal=" + signal + "] input[name=ids]").check();
        }
        page.locator("#bulk-acknowledge").click();
        assertThat(page.locator("[role=status]")).containsText("2");
        assertThat(page.locator("[data-signal=BANKRUPTCY_OPENED]")).hasAttribute("data-state", "acknowledged");
        assertThat(page.locator("[data-signal=REORGANISATION_ENDED]")).hasAttribute("data-state", "acknowledged");
        assertThat(page.locator("[data-signal=REORGANISATION_OPENED]")).hasAttribute("data-state", "new");
        assertThat(page.locator("[data-signal=BANKRUPTCY_OPENED] .alert-assignee"))
                .hasText("Test TENANT_ADMIN");
        assertThat(page.locator("#nav-alerts-count")).hasText("1");

        page.navigate("/companies/BE/" + bankrupt);
        assertThat(page.locator("#company-alerts .alert-row")).hasCount(1);
        assertThat(page.locator("#company-alerts")).containsText("Ouverture de faillite");
        assertThat(page.locator("#company-alerts [data-signal=BANKRUPTCY_OPENED]"))
                .hasAttribute("data-state", "acknowledged");

        page.locator("#nav-logout").click();
        context.clearCookies(); // a fresh browser: the sign-in page would otherwise keep the last user's French
        signIn(outsider.email(), TestData.PASSWORD);
        assertThat(page.locator("#nav-alerts-count")).hasAttribute("data-count", "0");
        page.locator("#nav-alerts").click();
        assertThat(page.locator("#inbox-empty")).isVisible();
        assertThat(page.locator(".alert-row")).hasCount(0);
        page.navigate("/companies/BE/" + bankrupt);
        assertThat(page.locator("#company-alerts-empty")).isVisible();
        assertThat(page.locator("#company-alerts")).not().containsText("Bankruptcy opened");
    }

    private void awaitAlerts(TestTenant tenant, int count) {
        Wait.until(
                count + " alerts",
                () -> jdbc.queryForObject("select count(*) from alert where tenant_id = ?", Long.class, tenant.id())
                        >= count);
        assertThat(jdbc.queryForObject("select count(*) from alert where tenant_id = ?", Long.class, tenant.id()))
                .isEqualTo(count);
    }

    private void ingest(byte[] extract) {
        RunView run = ingestion.ingestNow("kbo", new ByteArrayInputStream(extract), "inbox-update.zip", true, "test");
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("COMPLETED");
    }

    private static String today() {
        return KBO_DATE.format(LocalDate.now());
    }
}
