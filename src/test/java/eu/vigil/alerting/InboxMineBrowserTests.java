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
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A credit manager who owns entries opens the inbox on their own alerts (on the entries they own, or from rules that
 * name them), with the team's one click away; a colleague who owns nothing opens on the team's; a viewer gets no
 * selection boxes, no acknowledge button and no control that changes a watchlist.
 */
class InboxMineBrowserTests extends BrowserTest {

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
    void anOwnerOpensOnTheirOwnAlertsAndTheTeamsAreOneClickAway() throws Exception {
        TestTenant tenant = data.tenant("Inbox mine");
        TestUser owner = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        TestUser colleague = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        TestUser viewer = data.member(tenant, Role.VIEWER, Language.EN);
        String owned = KboUpdates.number();
        String notOwned = KboUpdates.number();
        ingest(KboUpdates.update(
                today(),
                new KboUpdates.Enterprise(owned, "Eigen Proef NV", "000", false),
                new KboUpdates.Enterprise(notOwned, "Andere Proef NV", "000", false)));
        TenantContext.runAs(tenant.id(), () -> {
            UUID list = watchlists.create("Customers").id();
            watchlists.add(list, owned, new EntryData("C-1", null, null, null, owner.id(), List.of()));
            watchlists.add(list, notOwned, new EntryData("C-2", null, null, null, null, List.of()));
        });
        // the risk rule goes to the owners of the entries, not to every credit manager
        jdbc.update(
                "update alert_rule set recipient_roles = '{}', recipient_owner = true where tenant_id = ? and default_rule = 'risk'",
                tenant.id());
        ingest(KboUpdates.update(
                today(),
                new KboUpdates.Enterprise(owned, "Eigen Proef NV", "050", true),
                new KboUpdates.Enterprise(notOwned, "Andere Proef NV", "050", true)));
        awaitAlerts(tenant, 2);

        signIn(owner.email(), TestData.PASSWORD);
        assertThat(page.locator("#alerts-for-me [data-testid=count]")).hasText("1");
        page.locator("#nav-alerts").click();
        assertThat(page.locator("#view-mine")).hasClass(Pattern.compile("active"));
        assertThat(page.locator(".alert-row")).hasCount(1);
        assertThat(page.locator(".alert-row")).containsText("Eigen Proef NV");
        page.locator("#f-state").selectOption("new");
        assertThat(page.locator(".alert-row")).hasCount(1);
        assertThat(page).hasURL(Pattern.compile("view=mine"));
        page.locator("#view-all").click();
        assertThat(page.locator(".alert-row")).hasCount(2);
        assertThat(page.locator("#view-all")).hasClass(Pattern.compile("active"));

        context.clearCookies();
        signIn(colleague.email(), TestData.PASSWORD);
        page.navigate("/alerts");
        assertThat(page.locator("#view-all")).hasClass(Pattern.compile("active"));
        assertThat(page.locator(".alert-row")).hasCount(2);
        page.locator("#view-mine").click();
        assertThat(page.locator(".alert-row")).hasCount(0);

        context.clearCookies();
        signIn(viewer.email(), TestData.PASSWORD);
        page.navigate("/alerts?view=all");
        assertThat(page.locator(".alert-row")).hasCount(2);
        assertThat(page.locator(".alert-row input[type=checkbox]")).hasCount(0);
        assertThat(page.locator("#bulk-acknowledge")).hasCount(0);
        page.locator(".alert-row .alert-label").first().click();
        assertThat(page.locator("#alert-actions")).hasCount(0);
        assertThat(page.locator("#comment-form")).hasCount(0);

        page.navigate("/watchlists");
        assertThat(page.locator("#create-watchlist")).hasCount(0);
        UUID list = jdbc.queryForObject("select id from watchlist where tenant_id = ?", UUID.class, tenant.id());
        page.navigate("/watchlists/" + list);
        assertThat(page.locator("#entries-table tbody tr")).hasCount(2);
        assertThat(page.locator("#upload-link")).hasCount(0);
        assertThat(page.locator("#add-one")).hasCount(0);
        assertThat(page.locator("#entries-table a[href*='/entries/']")).hasCount(0);
        long entry = jdbc.queryForObject(
                "select id from watchlist_entry where watchlist_id = ? and reference = 'C-1'", Long.class, list);
        page.navigate("/watchlists/" + list + "/entries/" + entry);
        assertThat(page.locator("#entry-details")).containsText("C-1");
        assertThat(page.locator("#save-entry")).hasCount(0);
        assertThat(page.locator("#move-entry")).hasCount(0);
        assertThat(page.locator("#remove-entry")).hasCount(0);
    }

    private void awaitAlerts(TestTenant tenant, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (jdbc.queryForObject("select count(*) from alert where tenant_id = ?", Long.class, tenant.id()) < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited 30 s in vain for " + count + " alerts");
            }
            Thread.sleep(100);
        }
        assertThat(jdbc.queryForObject("select count(*) from alert where tenant_id = ?", Long.class, tenant.id()))
                .isEqualTo(count);
    }

    private void ingest(byte[] extract) {
        RunView run = ingestion.ingestNow("kbo", new ByteArrayInputStream(extract), "mine-update.zip", true, "test");
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("COMPLETED");
    }

    private static String today() {
        return KBO_DATE.format(LocalDate.now());
    }
}
