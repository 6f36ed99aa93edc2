package eu.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import eu.vigil.shared.Language;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.VigilTest;
import eu.vigil.tenancy.Role;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@VigilTest
class AlertRulesApiTests {

    private static final String RISK_DESK = """
            {"name":"Risk desk","match":{"polarity":["negative"],"minSeverity":"medium","signals":[],"categories":[]},
             "scope":{"watchlists":[],"relationshipTypes":[],"tags":[]},
             "recipients":{"roles":["CREDIT_MANAGER"],"users":[],"emails":["risk@example.com"]},
             "delivery":{"mode":"immediate"}}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Test
    void aNewTenantStartsWithTheDefaultRules() throws Exception {
        TestTenant tenant = data.tenant("Defaults");
        String rules = call(tenant, get("/api/v1/alert-rules")).getResponse().getContentAsString();
        assertThat(rules)
                .contains("\"defaultRule\":\"risk\"")
                .contains("\"polarity\":[\"negative\"]")
                .contains("\"minSeverity\":\"medium\"")
                .contains("\"roles\":[\"CREDIT_MANAGER\"]")
                .contains("\"mode\":\"immediate\"");
        assertThat(rules)
                .contains("\"defaultRule\":\"opportunities\"")
                .contains("\"polarity\":[\"positive\"]")
                .contains("\"roles\":[\"SALES\"]")
                .contains("\"mode\":\"daily\"")
                .contains("\"at\":\"08:00\"");
    }

    @Test
    void aNewTenantsDefaultRulesAreNamedInItsLanguage() throws Exception {
        TestTenant french = data.tenant("Défauts", Language.FR);
        TestTenant dutch = data.tenant("Standaard", Language.NL);
        assertThat(call(french, get("/api/v1/alert-rules")).getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"name\":\"Risque : signaux négatifs\"")
                .contains("\"name\":\"Opportunités\"")
                .contains("\"defaultRule\":\"risk\"")
                .contains("\"polarity\":[\"negative\"]")
                .doesNotContain("Risk: negative");
        assertThat(call(dutch, get("/api/v1/alert-rules")).getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"name\":\"Risico: negatieve signalen\"")
                .contains("\"name\":\"Kansen\"")
                .contains("\"defaultRule\":\"opportunities\"")
                .doesNotContain("Opportunities");
    }

    @Test
    void aRuleGoesRoundTheApi() throws Exception {
        TestTenant tenant = data.tenant("Rules");
        UUID owner = data.member(tenant, Role.CREDIT_MANAGER, Language.FR).id();
        MvcResult created = call(
                tenant,
                post("/api/v1/alert-rules")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(RISK_DESK));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        String body = created.getResponse().getContentAsString();
        String id = body.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/v1/alert-rules/" + id);
        assertThat(body)
                .contains("\"name\":\"Risk desk\"")
                .contains("\"emails\":[\"risk@example.com\"]")
                .contains("\"minSeverity\":\"medium\"");

        String watchlist = call(
                        tenant,
                        post("/api/v1/watchlists")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"Builders\"}"))
                .getResponse()
                .getContentAsString()
                .replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String weekly = """
                {"name":"Builders weekly","match":{"signals":["bankruptcy_opened","RISK_CLASS_HIGH"],"categories":["status"],
                 "polarity":[],"minSeverity":"high"},
                 "scope":{"watchlists":["%s"],"relationshipTypes":["Supplier"],"tags":["key"],"owners":["%s"],"minExposure":10000},
                 "recipients":{"roles":[],"users":["%s"],"owner":true,"emails":[]},
                 "delivery":{"mode":"weekly","at":"07:30","weekday":"friday"}}""".formatted(watchlist, owner, owner);
        MvcResult updated = call(
                tenant,
                put("/api/v1/alert-rules/{id}", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(weekly));
        assertThat(updated.getResponse().getStatus()).isEqualTo(200);
        String read =
                call(tenant, get("/api/v1/alert-rules/{id}", id)).getResponse().getContentAsString();
        assertThat(read)
                .contains("\"signals\":[\"BANKRUPTCY_OPENED\",\"RISK_CLASS_HIGH\"]")
                .contains("\"categories\":[\"status\"]")
                .contains("\"relationshipTypes\":[\"supplier\"]")
                .contains("\"watchlists\":[\"" + watchlist + "\"]")
                .contains("\"owner\":true")
                .contains("\"minExposure\":10000")
                .contains("\"mode\":\"weekly\"")
                .contains("\"at\":\"07:30\"")
                .contains("\"weekday\":\"FRIDAY\"");

        assertThat(call(tenant, delete("/api/v1/alert-rules/{id}", id))
                        .getResponse()
                        .getStatus())
                .isEqualTo(204);
        assertThat(call(tenant, get("/api/v1/alert-rules/{id}", id))
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(call(tenant, get("/api/v1/alert-rules")).getResponse().getContentAsString())
                .doesNotContain("Builders weekly");
    }

    @Test
    void aWrongRuleIsRefusedNamingTheField() throws Exception {
        TestTenant tenant = data.tenant("Wrong rules");
        TestTenant other = data.tenant("Other rules");
        UUID otherPerson = data.member(other, Role.SALES, Language.EN).id();
        assertRefused(
                tenant,
                RISK_DESK.replace("\"signals\":[]", "\"signals\":[\"BANKRUPTCY_OPENED\",\"GONE_FISHING\"]"),
                "match.signals",
                "GONE_FISHING");
        assertRefused(
                tenant,
                RISK_DESK.replace("\"categories\":[]", "\"categories\":[\"weather\"]"),
                "match.categories",
                "weather");
        assertRefused(tenant, RISK_DESK.replace("\"medium\"", "\"dire\""), "match.minSeverity", "dire");
        assertRefused(tenant, RISK_DESK.replace("[\"negative\"]", "[\"grim\"]"), "match.polarity", "grim");
        assertRefused(tenant, RISK_DESK.replace("\"CREDIT_MANAGER\"", "\"JANITOR\""), "recipients.roles", "JANITOR");
        UUID missingList = UUID.randomUUID();
        assertRefused(
                tenant,
                RISK_DESK.replace("\"watchlists\":[]", "\"watchlists\":[\"" + missingList + "\"]"),
                "scope.watchlists",
                missingList.toString());
        assertRefused(
                tenant,
                RISK_DESK.replace("\"users\":[]", "\"users\":[\"" + otherPerson + "\"]"),
                "recipients.users",
                otherPerson.toString());
        assertRefused(
                tenant,
                RISK_DESK.replace("\"relationshipTypes\":[]", "\"relationshipTypes\":[\"cousin\"]"),
                "scope.relationshipTypes",
                "cousin");
        assertRefused(
                tenant, RISK_DESK.replace("risk@example.com", "not-an-address"), "recipients.emails", "not-an-address");
        assertRefused(tenant, RISK_DESK.replace("\"immediate\"", "\"pigeon\""), "delivery.mode", "pigeon");
        assertRefused(
                tenant,
                RISK_DESK.replace("{\"mode\":\"immediate\"}", "{\"mode\":\"daily\",\"at\":\"25:99\"}"),
                "delivery.at",
                "25:99");
        assertRefused(tenant, RISK_DESK.replace("\"Risk desk\"", "\"  \""), "name", "name");
        assertThat(call(tenant, get("/api/v1/alert-rules")).getResponse().getContentAsString())
                .doesNotContain("Risk desk");

        MvcResult inDutch = call(
                tenant,
                post("/api/v1/alert-rules")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "nl-BE,nl;q=0.9,en;q=0.5")
                        .content(RISK_DESK.replace("\"immediate\"", "\"pigeon\"")));
        assertThat(inDutch.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .as("the detail in the caller's language, the field as it is")
                .contains("\"field\":\"delivery.mode\"")
                .contains("is geen levering");
    }

    private void assertRefused(TestTenant tenant, String body, String field, String named) throws Exception {
        MvcResult result = call(
                tenant,
                post("/api/v1/alert-rules")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body));
        assertThat(result.getResponse().getStatus()).as(field).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(result.getResponse().getContentAsString())
                .as(field)
                .contains("\"field\":\"" + field + "\"")
                .contains(named)
                .contains(field);
    }

    private MvcResult call(TestTenant tenant, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey()))
                .andReturn();
    }
}
