package eu.vigil.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.demo.DemoAccounts;
import eu.vigil.embedded.CapturedMail;
import eu.vigil.support.MailBox;
import eu.vigil.support.TestData;
import eu.vigil.support.VigilTest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@VigilTest
class ApiKeyAndProvisioningTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    CapturedMail mail;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApiKeyManagement apiKeys;

    @Test
    void theBootstrapKeyProvisionsATenantWhoseKeyWorksAndWhoseAdminIsInvited() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin-" + suffix + "@provisioned.test";
        MvcResult created = mvc.perform(post("/api/v1/admin/tenants")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestData.BOOTSTRAP_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Provisioned " + suffix + "\",\"adminEmail\":\"" + adminEmail
                                + "\",\"language\":\"it\"}"))
                .andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode body = json.readTree(created.getResponse().getContentAsString());
        String tenantKey = body.get("apiKey").asString();
        assertThat(body.get("id").asString()).isNotBlank();

        String tenant = call("/api/v1/tenant", tenantKey).getResponse().getContentAsString();
        assertThat(json.readTree(tenant).get("id").asString())
                .isEqualTo(body.get("id").asString());
        assertThat(tenant).contains("Provisioned " + suffix).contains("\"language\":\"IT\"");

        var invitation = MailBox.awaitOne(mail, adminEmail);
        assertThat(invitation.text()).contains("/invitation/");
        assertThat(call("/api/v1/admin/tenants", tenantKey).getResponse().getStatus())
                .as("a tenant key is no platform key")
                .isEqualTo(403);
    }

    @Test
    void theBootstrapAdminFromTheEnvironmentSignsInAsPlatformAdmin() throws Exception {
        MvcResult signedIn = mvc.perform(post("/login")
                        .param("email", TestData.BOOTSTRAP_ADMIN)
                        .param("password", TestData.PASSWORD)
                        .with(csrf())
                        .with(r -> {
                            r.setRemoteAddr("10.99.0.1");
                            return r;
                        }))
                .andReturn();
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
        var session = new eu.vigil.support.SessionCookie();
        session.keep(signedIn);
        assertThat(mvc.perform(get("/platform/tenants").with(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void provisioningRejectsBadInputWithAClearProblem() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/admin/tenants")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + DemoAccounts.PLATFORM_API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Bad email " + UUID.randomUUID() + "\",\"adminEmail\":\"not-an-email\"}"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString())
                .contains("valid email address")
                .doesNotContain("Exception");
    }

    @Test
    void aRefusedProvisioningSaysWhyInTheCallersLanguageAsEveryApiRefusalDoes() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/admin/tenants")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + DemoAccounts.PLATFORM_API_KEY)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "nl-BE,nl;q=0.9")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Klingon " + UUID.randomUUID()
                                + "\",\"adminEmail\":\"admin@klingon.example\",\"language\":\"tlh\"}"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"detail\":\"De taal moet en, fr, nl of it zijn.\"")
                .doesNotContain("Exception");
    }

    @Test
    void callsWithoutAWorkingKeyAreRefused() throws Exception {
        assertThat(mvc.perform(get("/api/v1/tenant")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        MvcResult wrong = call("/api/v1/tenant", "vgl_wrong");
        assertThat(wrong.getResponse().getStatus()).isEqualTo(401);
        assertThat(wrong.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(call("/api/v1/users", DemoAccounts.PLATFORM_API_KEY)
                        .getResponse()
                        .getStatus())
                .as("tenant endpoints need a tenant key")
                .isEqualTo(403);
    }

    @Test
    void anAdminCreatesAKeySeenOnceAndRevokesIt() throws Exception {
        var tenant = data.tenant("Keys");
        String page = mvc.perform(post("/api-keys")
                        .param("name", "ERP connector")
                        .with(csrf())
                        .with(user(tenant.admin().principal())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var matcher =
                Pattern.compile("id=\"new-key-secret\">(vgl_[A-Za-z0-9_-]+)<").matcher(page);
        assertThat(matcher.find()).as("the new key is shown").isTrue();
        String secret = matcher.group(1);
        assertThat(call("/api/v1/tenant", secret).getResponse().getStatus()).isEqualTo(200);

        String later = mvc.perform(get("/api-keys").with(user(tenant.admin().principal())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(later).contains("ERP connector").doesNotContain(secret);

        var keys = TenantContext.callAs(tenant.id(), () -> apiKeys.keys());
        UUID erp = keys.stream()
                .filter(k -> k.name().equals("ERP connector"))
                .findFirst()
                .orElseThrow()
                .id();
        mvc.perform(post("/api-keys/{id}/revoke", erp)
                .with(csrf())
                .with(user(tenant.admin().principal())));
        assertThat(call("/api/v1/tenant", secret).getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void openApiDocumentDescribesTheApi() throws Exception {
        String document =
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        assertThat(document)
                .contains("/api/v1/admin/tenants")
                .contains("/api/v1/tenant")
                .contains("bearer");
        assertThat(mvc.perform(get("/swagger-ui/index.html"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void metricsNeedAPlatformKeyAndHealthIsOpen() throws Exception {
        assertThat(mvc.perform(get("/actuator/health"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("UP");
        assertThat(mvc.perform(get("/actuator/prometheus"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        MvcResult metrics = call("/actuator/prometheus", DemoAccounts.PLATFORM_API_KEY);
        assertThat(metrics.getResponse().getStatus()).isEqualTo(200);
        assertThat(metrics.getResponse().getContentAsString()).contains("jvm_memory_used_bytes");
    }

    private MvcResult call(String path, String key) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + key))
                .andReturn();
    }
}
