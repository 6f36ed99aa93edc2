package eu.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.support.TestData;
import eu.vigil.support.VigilTest;
import eu.vigil.tenancy.Language;
import eu.vigil.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@VigilTest
class AuditLogTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Test
    void theAdminSeesWhoDidWhatInTheirTenantOnly() throws Exception {
        var tenant = data.tenant("Audited");
        var other = data.tenant("Unaudited");
        var colleague = data.member(tenant, Role.VIEWER, Language.EN);
        mvc.perform(post("/users").param("email", "new-hire@audited.test").param("role", "SALES").param("language", "nl")
                .with(csrf()).with(user(tenant.admin().principal())));
        mvc.perform(post("/users/{id}/role", colleague.id()).param("role", "CREDIT_MANAGER")
                .with(csrf()).with(user(tenant.admin().principal())));
        mvc.perform(post("/login").param("email", colleague.email()).param("password", TestData.PASSWORD).with(csrf()));
        mvc.perform(post("/users").param("email", "someone@unaudited.test").param("role", "SALES")
                .with(csrf()).with(user(other.admin().principal())));

        String log = mvc.perform(get("/audit").with(user(tenant.admin().principal()))).andReturn().getResponse().getContentAsString();
        assertThat(log).contains("Person invited").contains("new-hire@audited.test")
                .contains("Role changed").contains("VIEWER → CREDIT_MANAGER")
                .contains("Signed in").contains(colleague.email())
                .doesNotContain("someone@unaudited.test");

        int viewerStatus = mvc.perform(get("/audit").with(user(colleague.principal()))).andReturn().getResponse().getStatus();
        assertThat(viewerStatus).as("only admins read the audit log").isEqualTo(403);
    }
}
