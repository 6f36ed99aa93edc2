package eu.vigil.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import eu.vigil.shared.Language;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.support.VigilTest;
import eu.vigil.support.Wait;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A person or key of tenant A reaches for tenant B's things by id: every such endpoint answers
 * exactly as it does for an id that does not exist, and B's data is unchanged.
 */
@VigilTest
class TenantIsolationTests {

    /** Every endpoint of ours that takes an id or index in its path; a new one must be added here and below. */
    private static final Set<String> COVERED = Set.of(
            "GET /users/{id}",
            "POST /users/{id}/role",
            "POST /users/{id}/deactivate",
            "POST /users/{id}/reactivate",
            "POST /users/{id}/resend",
            "POST /api-keys/{id}/revoke",
            "GET /platform/tenants/{id}",
            "GET /platform/mail/{index}",
            "GET /platform/mail/{index}/html",
            "GET /api/v1/users/{id}",
            "POST /api/v1/watchlists/{id}/entries",
            "GET /api/v1/watchlists/{id}/entries",
            "DELETE /api/v1/watchlists/{id}/entries/{entryId}",
            "PUT /api/v1/watchlists/{id}/entries/{entryId}",
            "POST /api/v1/watchlists/{id}/entries/{entryId}/move",
            "GET /api/v1/alert-rules/{id}",
            "PUT /api/v1/alert-rules/{id}",
            "DELETE /api/v1/alert-rules/{id}",
            "POST /api/v1/alerts/{id}/acknowledge",
            "GET /alerts/{id}",
            "POST /alerts/{id}/acknowledge",
            "POST /alerts/{id}/resolve",
            "POST /alerts/{id}/reopen",
            "POST /alerts/{id}/assign",
            "POST /alerts/{id}/comments",
            "GET /alerts/rules/{id}",
            "POST /alerts/rules/{id}",
            "POST /alerts/rules/{id}/delete",
            "POST /alerts/preferences/{ruleId}",
            "POST /alerts/silences/{id}/remove",
            "POST /alerts/dead-letters/{id}/resend",
            "GET /alerts/unsubscribe/{token}",
            "POST /alerts/unsubscribe/{token}",
            "GET /companies/{country}/{number}/alerts",
            "GET /watchlists/{id}",
            "POST /watchlists/{id}/entries",
            "GET /watchlists/{id}/suggestions",
            "GET /watchlists/{id}/entries/{entryId}",
            "POST /watchlists/{id}/entries/{entryId}",
            "POST /watchlists/{id}/entries/{entryId}/move",
            "POST /watchlists/{id}/entries/{entryId}/remove",
            "GET /watchlists/{id}/upload",
            "POST /watchlists/{id}/upload",
            "GET /watchlists/{id}/imports/{importId}",
            "POST /watchlists/{id}/imports/{importId}/preview",
            "POST /watchlists/{id}/imports/{importId}/start",
            "GET /watchlists/{id}/imports/{importId}/status",
            "GET /watchlists/{id}/imports/{importId}/rejected.csv",
            "GET /watchlists/{id}/export.csv",
            "GET /watchlists/{id}/export.xlsx",
            "GET /platform/feeds/runs/{id}",
            "GET /platform/feeds/runs/{id}/status",
            "GET /platform/feeds/sources/{source}",
            "POST /api/v1/admin/feeds/{source}/extracts",
            "GET /api/v1/admin/feeds/runs/{id}",
            "GET /api/v1/admin/feeds/runs/{id}/quarantine",
            "GET /api/v1/companies/{country}/{number}",
            "GET /api/v1/companies/{country}/{number}/events",
            "GET /companies/{country}/{number}",
            "GET /companies/{country}/{number}/timeline",
            "GET /companies/{country}/{number}/light",
            "GET /companies/{country}/{number}/receivables",
            "GET /receivables/uploads/{id}",
            "POST /receivables/uploads/{id}/preview",
            "POST /receivables/uploads/{id}/load",
            "GET /password-reset/{token}",
            "POST /password-reset/{token}",
            "GET /invitation/{token}",
            "POST /invitation/{token}");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserManagement users;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    eu.vigil.watchlist.WatchlistManagement watchlists;

    @Autowired
    eu.vigil.feed.FeedIngestion ingestion;

    @Autowired
    eu.vigil.alerting.AlertRules rules;

    @Autowired
    eu.vigil.alerting.Alerts alerts;

    @Autowired
    eu.vigil.alerting.Silences silences;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private TestTenant a;
    private TestTenant b;
    private TestUser bMember;
    private TestUser bInvited;
    private UUID bKeyId;

    @BeforeEach
    void twoTenants() {
        a = data.tenant("Alpha");
        b = data.tenant("Bravo");
        bMember = data.member(b, Role.CREDIT_MANAGER, Language.FR);
        bInvited = TenantContext.callAs(b.id(), () -> {
            UserView invited = users.invite(
                    "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@bravo.test", Role.SALES, Language.NL);
            return new TestUser(invited.id(), b.id(), invited.email(), Role.SALES, Language.NL);
        });
        bKeyId = TenantContext.callAs(b.id(), () -> apiKeys.keys().getFirst().id());
    }

    @Test
    void everyEndpointWithAnIdIsCoveredHere() {
        Set<String> withIds = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("eu.vigil")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.contains("{")) {
                    info.getMethodsCondition().getMethods().forEach(m -> withIds.add(m + " " + pattern));
                }
            }
        });
        assertThat(withIds)
                .as("endpoints taking an id; cover each in this class")
                .isSubsetOf(COVERED);
        assertThat(COVERED).as("covered endpoints that no longer exist").isSubsetOf(withIds);
    }

    @Test
    void portalEndpointsAnswerForAnotherTenantsUserAsForANonExistentOne() throws Exception {
        UUID missing = UUID.randomUUID();
        for (UUID target : new UUID[] {bMember.id(), bInvited.id()}) {
            assertSameAsMissing(get("/users/{id}", target), get("/users/{id}", missing), 404);
            assertSameAsMissing(
                    post("/users/{id}/role", target).param("role", "VIEWER"),
                    post("/users/{id}/role", missing).param("role", "VIEWER"),
                    404);
            assertSameAsMissing(post("/users/{id}/deactivate", target), post("/users/{id}/deactivate", missing), 404);
            assertSameAsMissing(post("/users/{id}/reactivate", target), post("/users/{id}/reactivate", missing), 404);
            assertSameAsMissing(post("/users/{id}/resend", target), post("/users/{id}/resend", missing), 404);
        }
        assertSameAsMissing(post("/api-keys/{id}/revoke", bKeyId), post("/api-keys/{id}/revoke", missing), 404);

        UserView member = TenantContext.callAs(b.id(), () -> users.user(bMember.id()));
        assertThat(member.role()).isEqualTo(Role.CREDIT_MANAGER);
        assertThat(member.status()).isEqualTo("ACTIVE");
        assertThat(apiKeys.authenticate(b.apiKey())).isPresent();
    }

    @Test
    void anotherTenantsWatchlistAnswersAsAMissingOneThroughTheApi() throws Exception {
        String list = mvc.perform(post("/api/v1/watchlists")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + b.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Bravo customers\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(post("/api/v1/watchlists/{id}/entries", list)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + b.apiKey())
                .contentType(MediaType.APPLICATION_JSON)
                .content("[\"0403.170.701\"]"));
        String entries = apiAs(b, get("/api/v1/watchlists/{id}/entries", list))
                .getResponse()
                .getContentAsString();
        long entry = Long.parseLong(entries.replaceAll(".*\"entries\":\\[\\{\"id\":(\\d+).*", "$1"));
        UUID missing = UUID.randomUUID();

        assertApiSameAsMissing(
                get("/api/v1/watchlists/{id}/entries", list), get("/api/v1/watchlists/{id}/entries", missing));
        assertApiSameAsMissing(
                post("/api/v1/watchlists/{id}/entries", list)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[\"0200.065.765\"]"),
                post("/api/v1/watchlists/{id}/entries", missing)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[\"0200.065.765\"]"));
        assertApiSameAsMissing(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/api/v1/watchlists/{id}/entries", list)
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file", "x.csv", "text/csv", "0200.065.765".getBytes())),
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/api/v1/watchlists/{id}/entries", missing)
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file", "x.csv", "text/csv", "0200.065.765".getBytes())));
        assertApiSameAsMissing(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                        "/api/v1/watchlists/{id}/entries/{entryId}", list, entry),
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                        "/api/v1/watchlists/{id}/entries/{entryId}", missing, entry));
        assertApiSameAsMissing(
                put("/api/v1/watchlists/{id}/entries/{entryId}", list, entry)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reference\": \"taken\"}"),
                put("/api/v1/watchlists/{id}/entries/{entryId}", missing, entry)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reference\": \"taken\"}"));
        assertApiSameAsMissing(
                post("/api/v1/watchlists/{id}/entries/{entryId}/move", list, entry)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"watchlist\": \"" + list + "\"}"),
                post("/api/v1/watchlists/{id}/entries/{entryId}/move", missing, entry)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"watchlist\": \"" + list + "\"}"));
        String aList = apiAs(
                        a,
                        post("/api/v1/watchlists")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"Alpha customers\"}"))
                .getResponse()
                .getContentAsString()
                .replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        apiAs(
                a,
                post("/api/v1/watchlists/{id}/entries", aList)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[\"0200.065.765\"]"));
        long aEntry = Long.parseLong(apiAs(a, get("/api/v1/watchlists/{id}/entries", aList))
                .getResponse()
                .getContentAsString()
                .replaceAll(".*\"entries\":\\[\\{\"id\":(\\d+).*", "$1"));
        assertApiSameAsMissing(
                post("/api/v1/watchlists/{id}/entries/{entryId}/move", aList, aEntry)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"watchlist\": \"" + list + "\"}"),
                post("/api/v1/watchlists/{id}/entries/{entryId}/move", aList, aEntry)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"watchlist\": \"" + missing + "\"}"));

        assertThat(apiAs(a, get("/api/v1/watchlists")).getResponse().getContentAsString())
                .doesNotContain("Bravo customers");
        assertThat(apiAs(b, get("/api/v1/watchlists/{id}/entries", list))
                        .getResponse()
                        .getContentAsString())
                .as("B's list is unchanged")
                .isEqualTo(entries);
    }

    @Test
    void anotherTenantsAlertRuleAnswersAsAMissingOneThroughTheApi() throws Exception {
        String rule = apiAs(b, get("/api/v1/alert-rules"))
                .getResponse()
                .getContentAsString()
                .replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        String before =
                apiAs(b, get("/api/v1/alert-rules/{id}", rule)).getResponse().getContentAsString();
        UUID missing = UUID.randomUUID();
        String body =
                "{\"name\":\"Taken over\",\"recipients\":{\"roles\":[\"SALES\"]},\"delivery\":{\"mode\":\"immediate\"}}";

        assertApiSameAsMissing(get("/api/v1/alert-rules/{id}", rule), get("/api/v1/alert-rules/{id}", missing));
        assertApiSameAsMissing(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/alert-rules/{id}", rule)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/alert-rules/{id}", missing)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body));
        assertApiSameAsMissing(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                        "/api/v1/alert-rules/{id}", rule),
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                        "/api/v1/alert-rules/{id}", missing));

        long alert = alertOf(b);
        MvcResult other = apiAs(a, post("/api/v1/alerts/{id}/acknowledge", alert));
        MvcResult missingAlert = apiAs(a, post("/api/v1/alerts/{id}/acknowledge", Long.MAX_VALUE));
        assertThat(other.getResponse().getStatus())
                .isEqualTo(404)
                .isEqualTo(missingAlert.getResponse().getStatus());
        assertThat(other.getResponse().getContentAsString().replace("/" + alert + "/", "/ID/"))
                .isEqualTo(missingAlert.getResponse().getContentAsString().replace("/" + Long.MAX_VALUE + "/", "/ID/"));
        assertThat(apiAs(a, get("/api/v1/alerts")).getResponse().getContentAsString())
                .contains("\"alerts\":[]");
        assertThat(apiAs(b, get("/api/v1/alerts")).getResponse().getContentAsString())
                .contains("\"state\":\"new\"");

        assertThat(apiAs(a, get("/api/v1/alert-rules")).getResponse().getContentAsString())
                .doesNotContain(rule);
        assertThat(apiAs(b, get("/api/v1/alert-rules/{id}", rule)).getResponse().getContentAsString())
                .as("B's rule is unchanged")
                .isEqualTo(before);
    }

    @Test
    void anotherTenantsAlertsRulesAndSilencesAnswerAsMissingOnesInThePortal() throws Exception {
        long alert = alertOf(b);
        String number = eu.vigil.alerting.KboUpdates.number();
        UUID rule = TenantContext.callAs(b.id(), () -> rules.rules().getFirst().id());
        String ruleBefore = TenantContext.callAs(b.id(), () -> rules.rule(rule).toString());
        UUID silence = TenantContext.callAs(
                b.id(),
                () -> silences.silence(
                        bMember.id(),
                        jdbc.queryForObject(
                                "select country, number from alert where id = ?",
                                (rs, n) -> new eu.vigil.company.CompanyId(
                                        rs.getString(1).trim(), rs.getString(2)),
                                alert),
                        java.time.Instant.now().plusSeconds(86_400),
                        "Talks"));
        long missing = Long.MAX_VALUE;
        UUID missingId = UUID.randomUUID();

        assertSameAsMissing(get("/alerts/{id}", alert), get("/alerts/{id}", missing), 404);
        for (String action : new String[] {"acknowledge", "resolve", "reopen", "assign", "comments"}) {
            assertSameAsMissing(
                    post("/alerts/{id}/" + action, alert)
                            .param("body", "mine now")
                            .param("assignee", ""),
                    post("/alerts/{id}/" + action, missing)
                            .param("body", "mine now")
                            .param("assignee", ""),
                    404);
        }
        assertSameAsMissing(get("/alerts/rules/{id}", rule), get("/alerts/rules/{id}", missingId), 404);
        assertSameAsMissing(
                post("/alerts/rules/{id}", rule).param("name", "Taken over").param("mode", "portal"),
                post("/alerts/rules/{id}", missingId)
                        .param("name", "Taken over")
                        .param("mode", "portal"),
                404);
        assertSameAsMissing(post("/alerts/rules/{id}/delete", rule), post("/alerts/rules/{id}/delete", missingId), 404);
        assertSameAsMissing(
                post("/alerts/preferences/{r}", rule).param("delivery", "none"),
                post("/alerts/preferences/{r}", missingId).param("delivery", "none"),
                404);
        assertSameAsMissing(
                post("/alerts/silences/{id}/remove", silence), post("/alerts/silences/{id}/remove", missingId), 404);
        long letter = jdbc.queryForObject(
                "select id from mail_outbox where tenant_id = ? order by id limit 1", Long.class, b.id());
        Wait.until(
                "the worker done with the alert email (sent, or skipped: the company is silenced)",
                () -> List.of("SENT", "SKIPPED")
                        .contains(jdbc.queryForObject(
                                "select status from mail_outbox where id = ?", String.class, letter)));
        // as if every attempt had failed: the worker is done with the row
        jdbc.update("update mail_outbox set status = 'DEAD', last_error = 'test: given up' where id = ?", letter);
        assertSameAsMissing(
                post("/alerts/dead-letters/{id}/resend", letter),
                post("/alerts/dead-letters/{id}/resend", missing),
                404);
        assertThat(page(get("/alerts/dead-letters"))).doesNotContain("test: given up");

        // bulk acknowledgement takes only the tenant's own alerts; lists and panels show only them
        mvc.perform(post("/alerts/acknowledge")
                .param("ids", String.valueOf(alert))
                .with(csrf())
                .with(user(a.admin().principal())));
        assertThat(page(get("/alerts"))).contains("id=\"inbox-empty\"");
        String company = jdbc.queryForObject("select number from alert where id = ?", String.class, alert);
        assertThat(page(get("/companies/{c}/{n}/alerts", "BE", company))).contains("id=\"company-alerts-empty\"");
        assertThat(mvc.perform(get("/companies/{c}/{n}/alerts", "BE", company).with(user(bMember.principal())))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("data-alert=\"" + alert + "\"");
        assertThat(page(get("/alerts/badge"))).doesNotContain("text-bg-danger");
        assertThat(page(get("/alerts/rules"))).doesNotContain(rule.toString());
        assertThat(page(get("/alerts/preferences"))).doesNotContain("Talks");

        // an unsubscribe link is its own key, whoever follows it: the same answer signed in to any tenant or none
        String token =
                jdbc.queryForObject("select unsubscribe_token from mail_outbox where id = ?", String.class, letter);
        String anonymous = mvc.perform(get("/alerts/unsubscribe/{t}", token))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page(get("/alerts/unsubscribe/{t}", token))).contains("id=\"unsubscribe-confirm\"");
        assertThat(anonymous).contains("id=\"unsubscribe-confirm\"");
        assertSameAsMissing(
                get("/alerts/unsubscribe/{t}", "0123456789abcdef" + number),
                get("/alerts/unsubscribe/{t}", "ffff0000ffff0000"),
                404);
        assertSameAsMissing(
                post("/alerts/unsubscribe/{t}", "0123456789abcdef" + number),
                post("/alerts/unsubscribe/{t}", "ffff0000ffff0000"),
                404);

        var bAlert = TenantContext.callAs(b.id(), () -> alerts.item(alert, "en"));
        assertThat(bAlert.state()).as("B's alert is unchanged").isEqualTo("new");
        assertThat(bAlert.assignee()).isNull();
        assertThat(TenantContext.callAs(b.id(), () -> alerts.comments(alert))).isEmpty();
        assertThat(TenantContext.callAs(b.id(), () -> rules.rule(rule).toString()))
                .isEqualTo(ruleBefore);
        assertThat(jdbc.queryForObject("select count(*) from alert_silence where id = ?", Long.class, silence))
                .isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from alert_preference where rule_id = ?", Long.class, rule))
                .isZero();
        assertThat(jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, letter))
                .isEqualTo("DEAD");
    }

    @Test
    void anotherTenantsWatchlistAnswersAsAMissingOneInThePortal() throws Exception {
        UUID bList = watchlistOf(b, "Bravo portfolio");
        String bImport = apiAs(
                        b,
                        post("/api/v1/watchlists/{id}/entries", bList)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("[\"0403.170.701\", \"0403.170.702\"]"))
                .getResponse()
                .getContentAsString()
                .replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
        long bEntry = TenantContext.callAs(
                        b.id(), () -> watchlists.entries(bList, eu.vigil.watchlist.EntryFilter.none(), 1, 10))
                .entries()
                .getFirst()
                .id();
        UUID aList = watchlistOf(a, "Alpha portfolio");
        UUID missing = UUID.randomUUID();
        UUID missingImport = UUID.randomUUID();
        var file = new org.springframework.mock.web.MockMultipartFile(
                "file", "x.csv", "text/csv", "0200.065.765".getBytes());

        assertSameAsMissing(get("/watchlists/{id}", bList), get("/watchlists/{id}", missing), 404);
        assertSameAsMissing(
                get("/watchlists/{id}/suggestions", bList).param("number", "0403.170.701"),
                get("/watchlists/{id}/suggestions", missing).param("number", "0403.170.701"),
                404);
        assertSameAsMissing(
                post("/watchlists/{id}/entries", bList).param("number", "0200.065.765"),
                post("/watchlists/{id}/entries", missing).param("number", "0200.065.765"),
                404);
        for (UUID list : new UUID[] {bList, aList}) {
            assertSameAsMissing(
                    get("/watchlists/{id}/entries/{e}", list, bEntry),
                    get("/watchlists/{id}/entries/{e}", missing, bEntry),
                    404);
            assertSameAsMissing(
                    post("/watchlists/{id}/entries/{e}", list, bEntry).param("reference", "x"),
                    post("/watchlists/{id}/entries/{e}", missing, bEntry).param("reference", "x"),
                    404);
            assertSameAsMissing(
                    post("/watchlists/{id}/entries/{e}/move", list, bEntry).param("target", aList.toString()),
                    post("/watchlists/{id}/entries/{e}/move", missing, bEntry).param("target", aList.toString()),
                    404);
            assertSameAsMissing(
                    post("/watchlists/{id}/entries/{e}/remove", list, bEntry),
                    post("/watchlists/{id}/entries/{e}/remove", missing, bEntry),
                    404);
            for (String path : new String[] {
                "/watchlists/{id}/imports/{i}",
                "/watchlists/{id}/imports/{i}/status",
                "/watchlists/{id}/imports/{i}/rejected.csv"
            }) {
                assertSameAsMissing(get(path, list, bImport), get(path, missing, missingImport), 404);
            }
            for (String path :
                    new String[] {"/watchlists/{id}/imports/{i}/preview", "/watchlists/{id}/imports/{i}/start"}) {
                assertSameAsMissing(
                        post(path, list, bImport).param("col-number", "0"),
                        post(path, missing, missingImport).param("col-number", "0"),
                        404);
            }
        }
        assertSameAsMissing(get("/watchlists/{id}/upload", bList), get("/watchlists/{id}/upload", missing), 404);
        assertSameAsMissing(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/watchlists/{id}/upload", bList)
                        .file(file),
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/watchlists/{id}/upload", missing)
                        .file(file),
                404);
        assertSameAsMissing(
                get("/watchlists/{id}/export.csv", bList), get("/watchlists/{id}/export.csv", missing), 404);
        assertSameAsMissing(
                get("/watchlists/{id}/export.xlsx", bList), get("/watchlists/{id}/export.xlsx", missing), 404);

        long aEntry = TenantContext.callAs(
                        a.id(),
                        () -> watchlists.add(
                                aList,
                                "0200.065.765",
                                new eu.vigil.watchlist.EntryData(null, null, null, null, null, null)))
                .id();
        assertSameAsMissing(
                post("/watchlists/{id}/entries/{e}/move", aList, aEntry).param("target", bList.toString()),
                post("/watchlists/{id}/entries/{e}/move", aList, aEntry).param("target", missing.toString()),
                404);

        assertThat(page(get("/watchlists"))).contains("Alpha portfolio").doesNotContain("Bravo portfolio");
        var bEntries = TenantContext.callAs(
                b.id(), () -> watchlists.entries(bList, eu.vigil.watchlist.EntryFilter.none(), 1, 10));
        assertThat(bEntries.total()).as("B's list is unchanged").isEqualTo(1);
        assertThat(bEntries.entries().getFirst().reference()).isNull();
    }

    /** A real alert of {@code tenant}: a company it watches goes bankrupt in a KBO Update. */
    private long alertOf(TestTenant tenant) throws Exception {
        String number = eu.vigil.alerting.KboUpdates.number();
        String today =
                java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy").format(java.time.LocalDate.now());
        ingestion.ingestNow(
                "kbo",
                new java.io.ByteArrayInputStream(eu.vigil.alerting.KboUpdates.update(
                        today, new eu.vigil.alerting.KboUpdates.Enterprise(number, "Isolatie Proef NV", "000", false))),
                "seed.zip",
                true,
                "test");
        UUID list = watchlistOf(tenant, "Watched for alerts");
        TenantContext.runAs(
                tenant.id(),
                () -> watchlists.add(
                        list, number, new eu.vigil.watchlist.EntryData(null, null, null, null, null, null)));
        ingestion.ingestNow(
                "kbo",
                new java.io.ByteArrayInputStream(eu.vigil.alerting.KboUpdates.update(
                        today, new eu.vigil.alerting.KboUpdates.Enterprise(number, "Isolatie Proef NV", "050", true))),
                "bankrupt.zip",
                true,
                "test");
        String page = Wait.until(
                "an alert for " + tenant.name(),
                () -> apiAs(tenant, get("/api/v1/alerts")).getResponse().getContentAsString(),
                p -> p.contains("\"id\":"));
        return Long.parseLong(page.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
    }

    private UUID watchlistOf(TestTenant tenant, String name) {
        return TenantContext.callAs(tenant.id(), () -> watchlists.create(name).id());
    }

    private MvcResult apiAs(
            TestTenant tenant,
            org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request)
            throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey()))
                .andReturn();
    }

    private void assertApiSameAsMissing(
            org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> other,
            org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> missing)
            throws Exception {
        MvcResult otherResult = apiAs(a, other);
        MvcResult missingResult = apiAs(a, missing);
        assertThat(otherResult.getResponse().getStatus())
                .as(otherResult.getRequest().getMethod() + " "
                        + otherResult.getRequest().getRequestURI())
                .isEqualTo(404)
                .isEqualTo(missingResult.getResponse().getStatus());
        assertThat(otherResult.getResponse().getContentAsString().replaceAll("[0-9a-f-]{36}", "ID"))
                .isEqualTo(missingResult.getResponse().getContentAsString().replaceAll("[0-9a-f-]{36}", "ID"));
    }

    @Test
    void watchingACompanyItsStakeAndTheCountryOfNumbersStayWithinTheTenant() throws Exception {
        UUID bList = watchlistOf(b, "Bravo key accounts");
        assertSameAsMissing(
                post("/watchlists/watch").param("number", "BE0403170701").param("watchlist", bList.toString()),
                post("/watchlists/watch")
                        .param("number", "BE0403170701")
                        .param("watchlist", UUID.randomUUID().toString()),
                404);
        assertThat(jdbc.queryForObject(
                        "select count(*) from watchlist_entry where watchlist_id = ?", Long.class, bList))
                .isZero();

        TenantContext.runAs(
                b.id(),
                () -> watchlists.add(
                        bList,
                        "BE0310143840",
                        new eu.vigil.watchlist.EntryData(
                                null,
                                null,
                                null,
                                new eu.vigil.watchlist.Amount(new java.math.BigDecimal("777777"), "EUR"),
                                null,
                                List.of())));
        String card = page(get("/companies/BE/0310143840/light").header("HX-Request", "true"));
        assertThat(card)
                .as("another tenant's exposure on a company is not on this tenant's summary card")
                .contains("company-light-value")
                .doesNotContain("777")
                .doesNotContain("Bravo key accounts")
                .doesNotContain("Exposure with us");

        MvcResult changed = apiAs(
                b,
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/tenant")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"country\":\"NL\"}"));
        assertThat(changed.getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select country from tenant where id = ?", String.class, a.id()))
                .isEqualTo("BE");
        assertThat(page(get("/settings"))).contains("<option value=\"BE\" selected");
    }

    @Autowired
    eu.vigil.receivables.ReceivableUploads receivableUploads;

    @Test
    void anotherTenantsLedgerItsUploadsAndItsFiguresOnACompanyStayItsOwn() throws Exception {
        long first8 = 7_650_000 + (System.nanoTime() & 0xFFFF);
        String number = "%08d%02d".formatted(first8, 97 - first8 % 97);
        eu.vigil.support.RegistryRows.company(jdbc, "BE", number, "Gedeelde Klant NV", "Mechelen");
        UUID aList = watchlistOf(a, "Alpha ledger");
        UUID bList = watchlistOf(b, "Bravo ledger");
        TenantContext.runAs(
                a.id(),
                () -> watchlists.add(
                        aList, number, new eu.vigil.watchlist.EntryData("A-REF", null, null, null, null, List.of())));
        TenantContext.runAs(
                b.id(),
                () -> watchlists.add(
                        bList,
                        number,
                        new eu.vigil.watchlist.EntryData("B-SECRET", null, null, null, null, List.of())));
        apiAs(
                b,
                post("/api/v1/receivables/items")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"mode":"SNAPSHOT","asOf":"2026-06-30","items":[{"documentNumber":"B-INV-1",
                                 "customer":"B-SECRET","documentDate":"2026-06-01","amount":"7777.77"}]}"""));
        UUID bUpload = TenantContext.callAs(
                b.id(),
                () -> receivableUploads.keep(
                        "bravo.csv",
                        "Customer;Document;Date;Amount\nB-SECRET;B-INV-2;01/06/2026;1\n"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "test"));
        UUID missing = UUID.randomUUID();
        assertSameAsMissing(get("/receivables/uploads/{id}", bUpload), get("/receivables/uploads/{id}", missing), 404);
        assertSameAsMissing(
                post("/receivables/uploads/{id}/preview", bUpload),
                post("/receivables/uploads/{id}/preview", missing),
                404);
        assertSameAsMissing(
                post("/receivables/uploads/{id}/load", bUpload).param("asOf", "2026-06-30"),
                post("/receivables/uploads/{id}/load", missing).param("asOf", "2026-06-30"),
                404);
        assertThat(TenantContext.callAs(
                        b.id(), () -> receivableUploads.preview(bUpload, null).rows()))
                .as("B's upload is still there, untouched")
                .hasSize(1);

        String section = page(get("/companies/{c}/{n}/receivables", "BE", number));
        assertThat(section).doesNotContain("B-SECRET").doesNotContain("7777").doesNotContain("7,77");
        assertThat(page(get("/receivables"))).doesNotContain("B-SECRET").doesNotContain("B-INV-1");
        assertThat(apiAs(a, get("/api/v1/receivables/customers")).getResponse().getContentAsString())
                .isEqualTo("[]");
        assertThat(mvc.perform(get("/companies/{c}/{n}/receivables", "BE", number)
                                .with(user(bMember.principal())))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                        .replace('\u202F', ' ')
                        .replace('\u00A0', ' '))
                .contains("B-SECRET")
                .contains("7 777,77");
    }

    @Autowired
    eu.vigil.receivables.Scorecards scorecards;

    @Test
    void anotherTenantsScorecardScoresAndLimitAdviceStayItsOwn() throws Exception {
        long first8 = 7_660_000 + (System.nanoTime() & 0xFFFF);
        String number = "%08d%02d".formatted(first8, 97 - first8 % 97);
        eu.vigil.support.RegistryRows.company(jdbc, "BE", number, "Gescoorde Klant NV", "Lier");
        UUID bList = watchlistOf(b, "Bravo scored");
        long bEntry = TenantContext.callAs(
                b.id(),
                () -> watchlists
                        .add(
                                bList,
                                number,
                                new eu.vigil.watchlist.EntryData("B-SCORED", null, null, null, null, List.of()))
                        .id());
        TenantContext.runAs(
                b.id(),
                () -> scorecards.save(
                        new eu.vigil.receivables.Scorecard(
                                List.of(new eu.vigil.receivables.Scorecard.Variable(
                                        eu.vigil.receivables.ScoreVariable.NEGATIVE_EVENTS_12M,
                                        100,
                                        List.of(new eu.vigil.receivables.Scorecard.Band(null, null, 61)))),
                                7),
                        "bravo admin"));
        apiAs(
                b,
                post("/api/v1/receivables/items")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"mode":"SNAPSHOT","asOf":"2026-06-30","items":[{"documentNumber":"B-SC-1",
                                 "customer":"B-SCORED","documentDate":"2026-06-01","amount":"100"}]}"""));
        String bKey = jdbc.queryForObject(
                "select customer_key from receivable_score where tenant_id = ?", String.class, b.id());

        assertThat(page(get("/settings/scorecard")))
                .as("A's admin edits A's scorecard, the standard one, not B's")
                .contains("90.. = 100")
                .doesNotContain("= 61");
        assertThat(page(get("/companies/{c}/{n}/receivables", "BE", number))).doesNotContain("61/100");
        MvcResult accepted = mvc.perform(post("/receivables/advice/accept")
                        .param("customerKey", bKey)
                        .param("country", "BE")
                        .param("number", number)
                        .with(csrf())
                        .with(user(a.admin().principal())))
                .andReturn();
        assertThat(accepted.getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.queryForObject(
                        "select credit_limit from watchlist_entry where id = ?", java.math.BigDecimal.class, bEntry))
                .as("B's entry keeps the limit B gave it")
                .isNull();
        assertThat(jdbc.queryForObject(
                        "select count(*) from receivable_score where tenant_id = ? and score = 61", Long.class, b.id()))
                .isEqualTo(1);
    }

    @Test
    void platformPagesAreClosedToTenantPeopleWhateverTheId() throws Exception {
        assertSameAsMissing(
                get("/platform/tenants/{id}", b.id()), get("/platform/tenants/{id}", UUID.randomUUID()), 403);
        assertSameAsMissing(get("/platform/mail/{index}", 0), get("/platform/mail/{index}", 999_999), 403);
        assertSameAsMissing(get("/platform/mail/{index}/html", 0), get("/platform/mail/{index}/html", 999_999), 403);
        assertSameAsMissing(get("/platform/feeds/runs/{id}", 1), get("/platform/feeds/runs/{id}", 999_999), 403);
        assertSameAsMissing(
                get("/platform/feeds/runs/{id}/status", 1), get("/platform/feeds/runs/{id}/status", 999_999), 403);
        assertSameAsMissing(
                get("/platform/feeds/sources/{source}", "kbo"), get("/platform/feeds/sources/{source}", "nope"), 403);
    }

    @Test
    void feedAdministrationIsClosedToTenantKeysWhateverTheId() throws Exception {
        for (String path : new String[] {
            "/api/v1/admin/feeds/runs/1",
            "/api/v1/admin/feeds/runs/999999",
            "/api/v1/admin/feeds/runs/1/quarantine",
            "/api/v1/admin/feeds/runs"
        }) {
            assertThat(mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + a.apiKey()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                        "/api/v1/admin/feeds/{source}/extracts", "kbo")
                                .file(new org.springframework.mock.web.MockMultipartFile(
                                        "file", "x.zip", "application/zip", new byte[] {1}))
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + a.apiKey()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void companiesAreSharedReferenceDataThatLookTheSameToEveryTenant() throws Exception {
        for (String number : new String[] {"0403.170.701", "0200.065.765", "0403170702"}) {
            MvcResult forA = mvc.perform(get("/api/v1/companies/{country}/{number}", "BE", number)
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + a.apiKey()))
                    .andReturn();
            MvcResult forB = mvc.perform(get("/api/v1/companies/{country}/{number}", "BE", number)
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + b.apiKey()))
                    .andReturn();
            assertThat(forA.getResponse().getStatus())
                    .isEqualTo(forB.getResponse().getStatus());
            assertThat(forA.getResponse().getContentAsString())
                    .isEqualTo(forB.getResponse().getContentAsString());
            MvcResult eventsA = mvc.perform(get("/api/v1/companies/{country}/{number}/events", "BE", number)
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + a.apiKey()))
                    .andReturn();
            MvcResult eventsB = mvc.perform(get("/api/v1/companies/{country}/{number}/events", "BE", number)
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + b.apiKey()))
                    .andReturn();
            assertThat(eventsA.getResponse().getContentAsString())
                    .isEqualTo(eventsB.getResponse().getContentAsString());
            MvcResult pageA = mvc.perform(get("/companies/{country}/{number}", "BE", number)
                            .with(user(a.admin().principal())))
                    .andReturn();
            MvcResult pageB = mvc.perform(get("/companies/{country}/{number}", "BE", number)
                            .with(user(b.admin().principal())))
                    .andReturn();
            assertThat(pageA.getResponse().getStatus())
                    .isEqualTo(pageB.getResponse().getStatus());
            MvcResult timelineA = mvc.perform(get("/companies/{country}/{number}/timeline", "BE", number)
                            .with(user(a.admin().principal())))
                    .andReturn();
            MvcResult timelineB = mvc.perform(get("/companies/{country}/{number}/timeline", "BE", number)
                            .with(user(b.admin().principal())))
                    .andReturn();
            assertThat(timelineA.getResponse().getStatus())
                    .isEqualTo(timelineB.getResponse().getStatus());
            assertThat(timelineA.getResponse().getContentAsString())
                    .isEqualTo(timelineB.getResponse().getContentAsString());
            MvcResult lightA = mvc.perform(get("/companies/{country}/{number}/light", "BE", number)
                            .with(user(a.admin().principal())))
                    .andReturn();
            MvcResult lightB = mvc.perform(get("/companies/{country}/{number}/light", "BE", number)
                            .with(user(b.admin().principal())))
                    .andReturn();
            assertThat(lightA.getResponse().getStatus())
                    .isEqualTo(lightB.getResponse().getStatus());
            assertThat(lightA.getResponse().getContentAsString())
                    .as("shared registry data: the same light for every tenant")
                    .isEqualTo(lightB.getResponse().getContentAsString());
        }
    }

    @Test
    void apiAnswersForAnotherTenantsUserAsForANonExistentOne() throws Exception {
        MvcResult other = mvc.perform(get("/api/v1/users/{id}", bMember.id())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + a.apiKey()))
                .andReturn();
        MvcResult missing = mvc.perform(get("/api/v1/users/{id}", UUID.randomUUID())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + a.apiKey()))
                .andReturn();
        assertThat(other.getResponse().getStatus())
                .isEqualTo(404)
                .isEqualTo(missing.getResponse().getStatus());
        assertThat(other.getResponse().getContentAsString().replace(bMember.id().toString(), "ID"))
                .isEqualTo(missing.getResponse().getContentAsString().replaceAll("[0-9a-f-]{36}", "ID"));

        MvcResult own = mvc.perform(get("/api/v1/users/{id}", bMember.id())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + b.apiKey()))
                .andReturn();
        assertThat(own.getResponse().getStatus()).isEqualTo(200);
        assertThat(own.getResponse().getContentAsString()).contains(bMember.email());
    }

    @Test
    void listsShowOnlyTheOwnTenant() throws Exception {
        String usersPage = page(get("/users"));
        assertThat(usersPage)
                .contains(a.admin().email())
                .doesNotContain(b.admin().email(), bMember.email(), bInvited.email());

        String keysPage = page(get("/api-keys"));
        assertThat(keysPage).contains("Test key");
        assertThat(TenantContext.callAs(a.id(), () -> apiKeys.keys())).hasSize(1);

        String auditPage = page(get("/audit"));
        assertThat(auditPage).doesNotContain(bInvited.email(), b.name());

        String apiUsers = mvc.perform(get("/api/v1/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + a.apiKey()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(apiUsers)
                .contains(a.admin().email())
                .doesNotContain(b.admin().email(), bMember.email());

        String tenant = mvc.perform(get("/api/v1/tenant").header(HttpHeaders.AUTHORIZATION, "Bearer " + a.apiKey()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(tenant).contains(a.name()).contains("\"users\":1");
    }

    @Test
    void oneTimeLinksDoNotDependOnTheSignedInTenant() throws Exception {
        for (String path : new String[] {"/invitation/{token}", "/password-reset/{token}"}) {
            String made = mvc.perform(
                            get(path, "made-up-token").with(user(a.admin().principal())))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(made).contains("id=\"link-invalid\"");
            String posted = mvc.perform(post(path, "made-up-token")
                            .param("password", "whatever whatever")
                            .param("confirm", "whatever whatever")
                            .with(csrf())
                            .with(user(a.admin().principal())))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(posted).contains("id=\"link-invalid\"");
        }
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(a.admin().principal())))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private void assertSameAsMissing(
            org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> other,
            org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> missing,
            int status)
            throws Exception {
        MvcResult otherResult = mvc.perform(
                        other.with(csrf()).with(user(a.admin().principal())))
                .andReturn();
        MvcResult missingResult = mvc.perform(
                        missing.with(csrf()).with(user(a.admin().principal())))
                .andReturn();
        assertThat(otherResult.getResponse().getStatus())
                .as(otherResult.getRequest().getMethod() + " "
                        + otherResult.getRequest().getRequestURI())
                .isEqualTo(status)
                .isEqualTo(missingResult.getResponse().getStatus());
    }
}
