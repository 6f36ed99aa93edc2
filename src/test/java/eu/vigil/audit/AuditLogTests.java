package eu.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.shared.Language;
import eu.vigil.support.TestData;
import eu.vigil.support.VigilTest;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@VigilTest
class AuditLogTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    WatchlistManagement watchlists;

    @Test
    void theAdminSeesWhoDidWhatInTheirTenantOnly() throws Exception {
        var tenant = data.tenant("Audited");
        var other = data.tenant("Unaudited");
        var colleague = data.member(tenant, Role.VIEWER, Language.EN);
        mvc.perform(post("/users")
                .param("email", "new-hire@audited.test")
                .param("role", "SALES")
                .param("language", "nl")
                .with(csrf())
                .with(user(tenant.admin().principal())));
        mvc.perform(post("/users/{id}/role", colleague.id())
                .param("role", "CREDIT_MANAGER")
                .with(csrf())
                .with(user(tenant.admin().principal())));
        mvc.perform(post("/login")
                .param("email", colleague.email())
                .param("password", TestData.PASSWORD)
                .with(csrf()));
        mvc.perform(post("/users")
                .param("email", "someone@unaudited.test")
                .param("role", "SALES")
                .with(csrf())
                .with(user(other.admin().principal())));

        String log = mvc.perform(get("/audit").with(user(tenant.admin().principal())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(log)
                .contains("Person invited")
                .contains("new-hire@audited.test")
                .contains("Role changed")
                .contains("from Viewer to Credit manager")
                .doesNotContain("CREDIT_MANAGER")
                .contains("Signed in")
                .contains(colleague.email())
                .doesNotContain("someone@unaudited.test");

        int viewerStatus = mvc.perform(get("/audit").with(user(colleague.principal())))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(viewerStatus).as("only admins read the audit log").isEqualTo(403);
    }

    /** Rules, watchlists, entries and silences leave their trace too, worded in the reader's language. */
    @Test
    void rulesWatchlistsEntriesAndSilencesAreLoggedInTheReadersLanguage() throws Exception {
        var tenant = data.tenant("Audited work", Language.FR);
        String number = eu.vigil.feed.FeedLines.belgianNumber();
        String company = "BE " + new eu.vigil.company.CompanyId("BE", number).display();
        UUID[] lists = TenantContext.callAs(tenant.id(), () -> {
            UUID customers = watchlists.create("Clients").id();
            UUID suppliers = watchlists.create("Fournisseurs").id();
            var entry =
                    watchlists.add(customers, "BE" + number, new EntryData(null, null, null, null, null, List.of()));
            watchlists.move(customers, entry.id(), suppliers);
            return new UUID[] {customers, suppliers};
        });
        mvc.perform(post("/alerts/rules")
                .param("name", "Faillites")
                .param("polarity", "negative")
                .param("minSeverity", "high")
                .param("roles", "CREDIT_MANAGER")
                .param("mode", "immediate")
                .with(csrf())
                .with(user(tenant.admin().principal())));

        String log = mvc.perform(get("/audit").with(user(tenant.admin().principal())))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(log)
                .contains("Liste de surveillance créée")
                .contains("Clients")
                .contains("Fournisseurs")
                .contains("Entreprise ajoutée à une liste")
                .contains(company)
                .contains("à Clients")
                .contains("Entrée de liste déplacée")
                .contains("de Clients vers Fournisseurs")
                .contains("Règle d’alerte créée")
                .contains("Faillites");
        assertThat(lists).hasSize(2);
    }
}
