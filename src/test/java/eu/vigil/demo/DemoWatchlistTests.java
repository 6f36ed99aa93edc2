package eu.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.support.VigilTest;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.TenantManagement;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.tenancy.UserView;
import eu.vigil.watchlist.EntryFilter;
import eu.vigil.watchlist.EntryView;
import eu.vigil.watchlist.Relationship;
import eu.vigil.watchlist.WatchlistManagement;
import eu.vigil.watchlist.WatchlistView;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A newcomer signs in to the demo as the credit manager or the sales person: the demo tenant's watchlist was uploaded
 * at start-up through the watchlists' own upload, with companies of the demo world owned by either of them, the
 * sales person's prospects, and a French and an Italian number.
 */
@VigilTest
class DemoWatchlistTests {

    @Autowired
    TenantManagement tenants;

    @Autowired
    UserManagement users;

    @Autowired
    WatchlistManagement watchlists;

    @Test
    void theDemoTenantHasItsKeyCustomersUploadedWithOwnersProspectsAndPendingForeignNumbers() {
        UUID demo = TenantContext.callAsPlatform(() -> tenants.tenantNamed(DemoAccounts.TENANT_NAME))
                .orElseThrow();
        TenantContext.runAs(demo, () -> {
            List<WatchlistView> lists = watchlists.watchlists();
            assertThat(lists).extracting(WatchlistView::name).containsExactly(DemoWatchlist.NAME);
            List<EntryView> entries = watchlists
                    .entries(lists.getFirst().id(), EntryFilter.none(), 1, 200)
                    .entries();
            Map<String, UUID> people = users.users().stream().collect(Collectors.toMap(UserView::email, UserView::id));
            UUID credit = people.get("credit@demo.example");
            UUID sales = people.get("sales@demo.example");

            assertThat(entries).hasSizeGreaterThanOrEqualTo(40);
            assertThat(entries).extracting(EntryView::ownerId).containsOnly(credit, sales);
            assertThat(entries)
                    .filteredOn(e -> e.relationship() == Relationship.PROSPECT
                            && e.tags().contains("growth"))
                    .as("the demo world's growing companies, the sales person's prospects")
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.ownerId()).isEqualTo(sales));
            assertThat(entries)
                    .extracting(EntryView::country)
                    .as("a French and an Italian number beside the Belgian ones")
                    .contains("BE", "FR", "IT");
        });
    }
}
