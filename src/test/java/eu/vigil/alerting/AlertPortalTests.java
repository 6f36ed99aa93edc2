package eu.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.embedded.CapturedMail;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import eu.vigil.shared.Language;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.support.VigilTest;
import eu.vigil.support.Wait;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.Amount;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The alerting pages behind the inbox: the rule editor's preview, preferences, silences, one-click unsubscribe, dead letters. */
@VigilTest
class AlertPortalTests {

    private static final DateTimeFormatter KBO_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    CapturedMail mail;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Test
    void thePreviewCountsTheAlertsAndCompaniesARuleWouldHaveRaisedInTheLast30Days() throws Exception {
        TestTenant tenant = data.tenant("Preview");
        TestTenant other = data.tenant("Preview bystander");
        String bankrupt = KboUpdates.number();
        String reorganised = KboUpdates.number();
        String old = KboUpdates.number();
        String quiet = KboUpdates.number();
        ingest(KboUpdates.update(
                today(),
                enterprise(bankrupt, "000", false),
                enterprise(reorganised, "000", false),
                enterprise(old, "000", false),
                enterprise(quiet, "000", false)));
        UUID[] lists = TenantContext.callAs(tenant.id(), () -> {
            UUID customers = watchlists.create("Customers").id();
            UUID suppliers = watchlists.create("Suppliers").id();
            watchlists.add(customers, bankrupt, new EntryData(null, null, null, null, null, List.of("key")));
            watchlists.add(suppliers, bankrupt, new EntryData(null, null, null, null, null, List.of()));
            watchlists.add(suppliers, reorganised, new EntryData(null, null, null, null, null, List.of()));
            watchlists.add(customers, old, new EntryData(null, null, null, null, null, List.of()));
            watchlists.add(customers, quiet, new EntryData(null, null, null, null, null, List.of()));
            return new UUID[] {customers, suppliers};
        });
        TenantContext.runAs(
                other.id(),
                () -> watchlists.add(
                        watchlists.create("Theirs").id(),
                        reorganised,
                        new EntryData(null, null, null, null, null, List.of())));
        // bankrupt: opened (negative, critical); reorganised: opened (negative, high), then ended (positive, medium);
        // old: bankrupt too, but 40 days ago
        ingest(KboUpdates.update(
                today(),
                enterprise(bankrupt, "050", true),
                enterprise(reorganised, "091", true),
                enterprise(old, "050", true)));
        ingest(KboUpdates.update(today(), enterprise(reorganised, "000", true)));
        jdbc.update("""
                update signal_event set detected_at = now() - interval '40 days'
                where company_id = (select id from company where country = 'BE' and number = ?)""", old);

        assertThat(preview(tenant, "polarity", "negative", "minSeverity", "medium"))
                .as("two events on two companies")
                .containsExactly(2L, 2L);
        assertThat(preview(tenant, "polarity", "negative", "minSeverity", "critical"))
                .containsExactly(1L, 1L);
        assertThat(preview(tenant, "signals", "REORGANISATION_OPENED", "signals", "REORGANISATION_ENDED"))
                .as("two events on one company")
                .containsExactly(2L, 1L);
        assertThat(preview(tenant, "signals", "BANKRUPTCY_OPENED"))
                .as("a company on two lists counts once")
                .containsExactly(1L, 1L);
        assertThat(preview(tenant, "polarity", "negative", "watchlists", lists[1].toString()))
                .containsExactly(2L, 2L);
        assertThat(preview(tenant, "polarity", "negative", "watchlists", lists[0].toString()))
                .containsExactly(1L, 1L);
        assertThat(preview(tenant, "polarity", "negative", "tags", "key")).containsExactly(1L, 1L);
        assertThat(preview(tenant, "polarity", "positive")).containsExactly(1L, 1L);
        assertThat(preview(tenant, "polarity", "negative", "relationshipTypes", "supplier", "minExposure", "1000"))
                .as("no entry has an exposure")
                .containsExactly(0L, 0L);

        String invalid = page(
                tenant.admin(),
                get("/alerts/rules/preview").param("signals", "NO_SUCH_SIGNAL").header("HX-Request", "true"));
        assertThat(invalid)
                .contains("id=\"preview-error\"")
                .contains("NO_SUCH_SIGNAL")
                .doesNotContain("preview-numbers");
        String noScript = page(
                tenant.admin(),
                get("/alerts/rules/preview").param("name", "Draft").param("polarity", "positive"));
        assertThat(noScript)
                .as("without JavaScript: the whole editor with the numbers")
                .contains("id=\"rule-form\"")
                .contains("data-alerts=\"1\"")
                .contains("value=\"Draft\"");

        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        assertThat(mvc.perform(get("/alerts/rules/preview").with(user(credit.principal())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("rules are for tenant admins")
                .isEqualTo(403);
    }

    /**
     * The preview's number is what the fan-out really raised: the same rule, the same 30 days by detection date, and only
     * through entries that were on a list when each event was detected (a company added afterwards has its past in the
     * flashback, not in alerts).
     */
    @Test
    void thePreviewCountsExactlyTheAlertsTheFanOutRaised() throws Exception {
        TestTenant tenant = data.tenant("Preview agrees");
        String bankrupt = KboUpdates.number();
        String reorganised = KboUpdates.number();
        String addedLater = KboUpdates.number();
        ingest(KboUpdates.update(
                today(),
                enterprise(bankrupt, "000", false),
                enterprise(reorganised, "000", false),
                enterprise(addedLater, "000", false)));
        UUID customers = TenantContext.callAs(tenant.id(), () -> {
            UUID list = watchlists.create("Customers").id();
            watchlists.add(
                    list,
                    bankrupt,
                    new EntryData(null, null, null, new Amount(new BigDecimal("50000"), "EUR"), null, List.of()));
            watchlists.add(
                    list,
                    reorganised,
                    new EntryData(null, null, null, new Amount(new BigDecimal("2000"), "EUR"), null, List.of()));
            return list;
        });
        UUID risk = jdbc.queryForObject(
                "select id from alert_rule where tenant_id = ? and default_rule = 'risk'", UUID.class, tenant.id());
        jdbc.update("update alert_rule set min_exposure = 10000 where id = ?", risk);
        ingest(KboUpdates.update(
                today(),
                enterprise(bankrupt, "050", true),
                enterprise(reorganised, "091", true),
                enterprise(addedLater, "050", true)));
        TenantContext.runAs(
                tenant.id(),
                () -> watchlists.add(
                        customers,
                        addedLater,
                        new EntryData(null, null, null, new Amount(new BigDecimal("90000"), "EUR"), null, List.of())));
        // the fan-out has handled every batch of events once no publication of it is open
        Wait.until(
                "the fan-out of the run",
                () -> jdbc.queryForObject(
                                "select count(*) from event_publication where listener_id = 'alerting.fan-out' and completion_date is null",
                                Long.class)
                        == 0);
        long raised = jdbc.queryForObject("select count(*) from alert where rule_id = ?", Long.class, risk);

        List<Long> preview =
                preview(tenant, "polarity", "negative", "minSeverity", "medium", "minExposure", "10.000,00 EUR");

        assertThat(raised)
                .as("the bankruptcy of the one entry above 10,000 EUR")
                .isEqualTo(1);
        assertThat(preview.getFirst()).isEqualTo(raised);
        assertThat(preview(tenant, "polarity", "negative", "minSeverity", "medium", "minExposure", "€1,000")
                        .getFirst())
                .as("both entries that watched their events, not the one added later")
                .isEqualTo(2);
    }

    @Test
    void anAdminCreatesARuleInTheEditorWithTheApisPower() throws Exception {
        TestTenant tenant = data.tenant("Editor");
        TestUser sales = data.member(tenant, Role.SALES, Language.NL);
        UUID list = TenantContext.callAs(
                tenant.id(), () -> watchlists.create("Prospects").id());
        MvcResult saved = mvc.perform(post("/alerts/rules")
                        .with(csrf())
                        .with(user(tenant.admin().principal()))
                        .param("name", "Weekly growth")
                        .param("enabled", "true")
                        .param("polarity", "positive")
                        .param("categories", "accounts")
                        .param("minSeverity", "low")
                        .param("watchlists", list.toString())
                        .param("relationshipTypes", "prospect")
                        .param("tags", "north, south")
                        .param("minExposure", "2500,50")
                        .param("roles", "SALES")
                        .param("users", sales.id().toString())
                        .param("owner", "true")
                        .param("emails", "board@example.com\nrisk@example.com")
                        .param("mode", "weekly")
                        .param("at", "07:30")
                        .param("weekday", "FRIDAY"))
                .andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/alerts/rules");
        AlertRuleView rule = TenantContext.callAs(
                tenant.id(),
                () -> rules.rules().stream()
                        .filter(r -> r.name().equals("Weekly growth"))
                        .findFirst()
                        .orElseThrow());
        assertThat(rule.match().polarity()).containsExactly("positive");
        assertThat(rule.match().categories()).containsExactly("accounts");
        assertThat(rule.scope().watchlists()).containsExactly(list);
        assertThat(rule.scope().tags()).containsExactly("north", "south");
        assertThat(rule.scope().minExposure()).isEqualByComparingTo("2500.50");
        assertThat(rule.recipients().users()).containsExactly(sales.id());
        assertThat(rule.recipients().includesOwner()).isTrue();
        assertThat(rule.recipients().emails()).containsExactly("board@example.com", "risk@example.com");
        assertThat(rule.delivery()).isEqualTo(new AlertRuleSpec.DeliverySpec("weekly", "07:30", "FRIDAY"));

        String refused = page(
                tenant.admin(),
                post("/alerts/rules")
                        .with(csrf())
                        .param("name", "Broken")
                        .param("mode", "immediate")
                        .param("emails", "not-an-address"));
        assertThat(refused)
                .as("the editor again, saying what is wrong")
                .contains("id=\"rule-form\"")
                .contains("not-an-address")
                .contains("value=\"Broken\"");
        String edit = page(tenant.admin(), get("/alerts/rules/{id}", rule.id()));
        assertThat(edit)
                .contains("value=\"Weekly growth\"")
                .contains("board@example.com")
                .contains("id=\"preview-numbers\"");
    }

    @Autowired
    AlertRules rules;

    @Test
    void aPersonChoosesADigestOrNoEmailWithinWhatTheRuleAllowsAndMutesACompany() throws Exception {
        TestTenant tenant = data.tenant("Preferences");
        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        TestUser colleague = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        UUID risk = TenantContext.callAs(
                tenant.id(),
                () -> rules.rules().stream()
                        .filter(r -> "risk".equals(r.defaultRule()))
                        .findFirst()
                        .orElseThrow()
                        .id());
        UUID opportunities = TenantContext.callAs(
                tenant.id(),
                () -> rules.rules().stream()
                        .filter(r -> "opportunities".equals(r.defaultRule()))
                        .findFirst()
                        .orElseThrow()
                        .id());

        String settings = page(credit, get("/alerts/preferences"));
        assertThat(settings)
                .contains("Risk: negative signals")
                .doesNotContain("Opportunities")
                .contains("value=\"immediate\"")
                .contains("value=\"daily\"")
                .contains("value=\"weekly\"")
                .contains("value=\"none\"");

        mvc.perform(post("/alerts/preferences/{rule}", risk)
                .param("delivery", "daily")
                .with(csrf())
                .with(user(credit.principal())));
        assertThat(preference(risk, credit.email())).isEqualTo("DAILY");
        mvc.perform(post("/alerts/preferences/{rule}", risk)
                .param("delivery", "immediate")
                .with(csrf())
                .with(user(credit.principal())));
        assertThat(preference(risk, credit.email()))
                .as("the rule's own delivery clears the choice")
                .isNull();
        TestUser sales = data.member(tenant, Role.SALES, Language.EN);
        MvcResult tooOften = mvc.perform(post("/alerts/preferences/{rule}", opportunities)
                        .param("delivery", "immediate")
                        .with(csrf())
                        .with(user(sales.principal())))
                .andReturn();
        assertThat(tooOften.getFlashMap().get("errorKey"))
                .as("more often than a daily rule")
                .isEqualTo("alerts.error.preference");
        assertThat(preference(opportunities, sales.email())).isNull();

        // "no email" for the risk rule: a bankruptcy still reaches the inbox, and mails the colleague only
        mvc.perform(post("/alerts/preferences/{rule}", risk)
                .param("delivery", "none")
                .with(csrf())
                .with(user(credit.principal())));
        String number = KboUpdates.number();
        String muted = KboUpdates.number();
        ingest(KboUpdates.update(today(), enterprise(number, "000", false), enterprise(muted, "000", false)));
        TenantContext.runAs(tenant.id(), () -> {
            UUID list = watchlists.create("Customers").id();
            watchlists.add(list, number, new EntryData(null, null, null, null, null, null));
            watchlists.add(list, muted, new EntryData(null, null, null, null, null, null));
        });
        MvcResult silenced = mvc.perform(post("/alerts/silences")
                        .with(csrf())
                        .with(user(colleague.principal()))
                        .param("country", "BE")
                        .param("number", muted)
                        .param("until", LocalDate.now().plusDays(10).toString())
                        .param("reason", "Payment plan agreed")
                        .param("back", "/companies/BE/" + muted))
                .andReturn();
        assertThat(silenced.getResponse().getRedirectedUrl()).isEqualTo("/companies/BE/" + muted);
        ingest(KboUpdates.update(today(), enterprise(number, "050", true), enterprise(muted, "050", true)));
        Wait.until(
                "the colleague's email",
                () -> !mail.messagesTo(colleague.email()).isEmpty());
        Wait.outboxSettled(jdbc, tenant.id(), clock);
        assertThat(mail.messagesTo(colleague.email()))
                .as("the muted company mails nobody who muted it")
                .hasSize(1);
        assertThat(mail.messagesTo(colleague.email()).getFirst().subject()).contains("Proef " + number);
        assertThat(mail.messagesTo(credit.email())).isEmpty();
        assertThat(page(credit, get("/alerts"))).contains("data-alert=").contains("Bankruptcy opened");
        assertThat(page(colleague, get("/alerts").param("state", "new")))
                .as("a muted company's alerts stay in the inbox")
                .contains("/companies/BE/" + muted);

        String colleagueSettings = page(colleague, get("/alerts/preferences"));
        assertThat(colleagueSettings).contains("Payment plan agreed").contains("Proef " + muted);
        UUID silence =
                jdbc.queryForObject("select id from alert_silence where user_id = ?", UUID.class, colleague.id());
        assertThat(mvc.perform(post("/alerts/silences/{id}/remove", silence)
                                .with(csrf())
                                .with(user(credit.principal())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("someone else's silence")
                .isEqualTo(404);
        mvc.perform(post("/alerts/silences/{id}/remove", silence).with(csrf()).with(user(colleague.principal())));
        assertThat(jdbc.queryForObject(
                        "select count(*) from alert_silence where user_id = ?", Long.class, colleague.id()))
                .isZero();
    }

    @Test
    void aPersonSeesAndSetsOnlyTheRulesThatCanReachThem() throws Exception {
        TestTenant tenant = data.tenant("Reach");
        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        TestUser sales = data.member(tenant, Role.SALES, Language.EN);
        TestUser keyOwner = data.member(tenant, Role.VIEWER, Language.EN);
        TestUser otherOwner = data.member(tenant, Role.VIEWER, Language.EN);
        TestUser named = data.member(tenant, Role.VIEWER, Language.EN);
        TestUser addressed = data.member(tenant, Role.VIEWER, Language.EN);
        String keyCompany = KboUpdates.number();
        String otherCompany = KboUpdates.number();
        ingest(KboUpdates.update(
                today(), enterprise(keyCompany, "000", false), enterprise(otherCompany, "000", false)));
        UUID[] created = TenantContext.callAs(tenant.id(), () -> {
            UUID key = watchlists.create("Key accounts").id();
            UUID others = watchlists.create("Others").id();
            watchlists.add(key, keyCompany, new EntryData(null, null, null, null, keyOwner.id(), List.of()));
            watchlists.add(others, otherCompany, new EntryData(null, null, null, null, otherOwner.id(), List.of()));
            UUID owners = rules.create(new AlertRuleSpec(
                            "Owners of key accounts",
                            true,
                            null,
                            new AlertRuleSpec.Scope(List.of(key), null, null, null, null),
                            new AlertRuleSpec.Recipients(null, null, true, null),
                            new AlertRuleSpec.DeliverySpec("immediate", null, null)))
                    .id();
            UUID people = rules.create(new AlertRuleSpec(
                            "Named people",
                            true,
                            null,
                            null,
                            new AlertRuleSpec.Recipients(null, List.of(named.id()), null, null),
                            new AlertRuleSpec.DeliverySpec("daily", "09:00", null)))
                    .id();
            UUID board = rules.create(new AlertRuleSpec(
                            "Board copy",
                            true,
                            null,
                            null,
                            new AlertRuleSpec.Recipients(
                                    null, null, null, List.of(addressed.email().toUpperCase())),
                            new AlertRuleSpec.DeliverySpec("immediate", null, null)))
                    .id();
            return new UUID[] {owners, people, board};
        });
        UUID owners = created[0];
        UUID risk = TenantContext.callAs(
                tenant.id(),
                () -> rules.rules().stream()
                        .filter(r -> "risk".equals(r.defaultRule()))
                        .findFirst()
                        .orElseThrow()
                        .id());
        List<String> all = List.of(
                "Risk: negative signals", "Opportunities", "Owners of key accounts", "Named people", "Board copy");

        assertThat(rulesListed(credit, all)).containsExactly("Risk: negative signals");
        assertThat(rulesListed(sales, all)).containsExactly("Opportunities");
        assertThat(rulesListed(keyOwner, all))
                .as("the owner of an entry in the rule's scope")
                .containsExactly("Owners of key accounts");
        assertThat(page(keyOwner, get("/alerts/preferences"))).contains("for the watchlist entries you own");
        assertThat(rulesListed(named, all)).containsExactly("Named people");
        assertThat(rulesListed(addressed, all))
                .as("their address among the rule's")
                .containsExactly("Board copy");
        assertThat(rulesListed(otherOwner, all))
                .as("an owner of entries outside the rule's scope only")
                .isEmpty();
        assertThat(page(otherOwner, get("/alerts/preferences"))).contains("id=\"no-preferences\"");

        // a crafted POST for a rule that does not reach the person: as if it did not exist
        for (var attempt :
                List.of(Map.entry(otherOwner, owners), Map.entry(sales, risk), Map.entry(credit, created[1]))) {
            MvcResult refused = mvc.perform(post("/alerts/preferences/{rule}", attempt.getValue())
                            .param("delivery", "none")
                            .with(csrf())
                            .with(user(attempt.getKey().principal())))
                    .andReturn();
            assertThat(refused.getResponse().getStatus())
                    .as(attempt.getKey().email())
                    .isEqualTo(404);
            assertThat(preference(attempt.getValue(), attempt.getKey().email())).isNull();
        }
        MvcResult chosen = mvc.perform(post("/alerts/preferences/{rule}", owners)
                        .param("delivery", "daily")
                        .with(csrf())
                        .with(user(keyOwner.principal())))
                .andReturn();
        assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo("/alerts/preferences");
        assertThat(preference(owners, keyOwner.email())).isEqualTo("DAILY");
        mvc.perform(post("/alerts/preferences/{rule}", created[2])
                .param("delivery", "none")
                .with(csrf())
                .with(user(addressed.principal())));
        assertThat(preference(created[2], addressed.email())).isEqualTo("NONE");
    }

    /** Which of these rule names the person's settings page lists. */
    private List<String> rulesListed(TestUser who, List<String> names) throws Exception {
        String html = page(who, get("/alerts/preferences"));
        return names.stream()
                .filter(name -> html.contains("data-rule=\"" + name + "\""))
                .toList();
    }

    @Test
    void theEmailsUnsubscribeLinkWorksWithOneClickWithoutSessionOrCsrfToken() throws Exception {
        TestTenant tenant = data.tenant("Unsubscribe");
        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.FR);
        String number = KboUpdates.number();
        ingest(KboUpdates.update(today(), enterprise(number, "000", false)));
        TenantContext.runAs(
                tenant.id(),
                () -> watchlists.add(
                        watchlists.create("Clients").id(), number, new EntryData(null, null, null, null, null, null)));
        ingest(KboUpdates.update(today(), enterprise(number, "050", true)));
        Wait.until("the alert email", () -> !mail.messagesTo(credit.email()).isEmpty());
        String link = mail.messagesTo(credit.email()).getFirst().listUnsubscribe();
        String token = link.replaceAll(".*/alerts/unsubscribe/([0-9a-f]+)>?.*", "$1");
        UUID rule =
                jdbc.queryForObject("select rule_id from mail_outbox where unsubscribe_token = ?", UUID.class, token);

        String confirm = mvc.perform(get("/alerts/unsubscribe/{t}", token))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(confirm)
                .contains("Risk: negative signals")
                .contains(credit.email())
                .contains("id=\"unsubscribe-confirm\"");
        assertThat(preference(rule, credit.email())).as("a GET changes nothing").isNull();

        MvcResult oneClick = mvc.perform(post("/alerts/unsubscribe/{t}", token)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andReturn();
        assertThat(oneClick.getResponse().getStatus()).isEqualTo(200);
        assertThat(oneClick.getResponse().getContentAsString()).contains("id=\"unsubscribe-done\"");
        assertThat(preference(rule, credit.email())).isEqualTo("NONE");
        assertThat(mvc.perform(post("/alerts/unsubscribe/{t}", token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("twice")
                .isEqualTo(200);
        assertThat(page(credit, get("/alerts/preferences"))).contains("value=\"none\" selected=\"selected\"");

        assertThat(mvc.perform(post("/alerts/unsubscribe/{t}", "0123456789abcdef0123"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("a made-up token")
                .isEqualTo(404);
        assertThat(mvc.perform(post("/alerts/preferences/{r}", rule)
                                .param("delivery", "daily")
                                .with(user(credit.principal())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("everywhere else CSRF holds")
                .isEqualTo(403);
    }

    @Test
    void aTenantAdminSeesTheEmailsThatGaveUpAndSendsOneAgain() throws Exception {
        TestTenant tenant = data.tenant("Dead letters");
        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.NL);
        TestTenant other = data.tenant("Dead letters bystander");
        String number = KboUpdates.number();
        ingest(KboUpdates.update(today(), enterprise(number, "000", false)));
        TenantContext.runAs(
                tenant.id(),
                () -> watchlists.add(
                        watchlists.create("Klanten").id(), number, new EntryData(null, null, null, null, null, null)));
        int port = mailSender.getPort();
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        mailSender.setPort(closed);
        try {
            ingest(KboUpdates.update(today(), enterprise(number, "050", true)));
            Wait.until(
                    "a dead letter",
                    () -> Long.valueOf(1)
                            .equals(jdbc.queryForObject(
                                    "select count(*) from mail_dead_letter where tenant_id = ?",
                                    Long.class,
                                    tenant.id())));
        } finally {
            mailSender.setPort(port);
        }
        long id = jdbc.queryForObject("select id from mail_dead_letter where tenant_id = ?", Long.class, tenant.id());
        String list = page(tenant.admin(), get("/alerts/dead-letters"));
        assertThat(list).contains(credit.email()).contains("Proef " + number).contains("data-id=\"" + id + "\"");
        assertThat(page(other.admin(), get("/alerts/dead-letters"))).doesNotContain(credit.email());
        assertThat(mvc.perform(get("/alerts/dead-letters").with(user(credit.principal())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("for tenant admins")
                .isEqualTo(403);
        assertThat(mvc.perform(post("/alerts/dead-letters/{id}/resend", id)
                                .with(csrf())
                                .with(user(other.admin().principal())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("another tenant's letter")
                .isEqualTo(404);

        mvc.perform(post("/alerts/dead-letters/{id}/resend", id)
                .with(csrf())
                .with(user(tenant.admin().principal())));
        Wait.until("the resent email", () -> !mail.messagesTo(credit.email()).isEmpty());
        assertThat(mail.messagesTo(credit.email()).getFirst().subject()).contains("Faillissement geopend");
        Wait.until(
                "sent",
                () -> "SENT"
                        .equals(jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, id)));
        assertThat(page(tenant.admin(), get("/alerts/dead-letters"))).contains("id=\"no-dead-letters\"");
    }

    private List<Long> preview(TestTenant tenant, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/alerts/rules/preview").header("HX-Request", "true");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String html = page(tenant.admin(), request);
        assertThat(html).contains("id=\"preview-numbers\"");
        return List.of(
                Long.parseLong(html.replaceAll("(?s).*data-alerts=\"(\\d+)\".*", "$1")),
                Long.parseLong(html.replaceAll("(?s).*data-companies=\"(\\d+)\".*", "$1")));
    }

    private String page(TestUser who, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(user(who.principal()))).andReturn();
        return result.getResponse().getContentAsString();
    }

    private String preference(UUID rule, String email) {
        return jdbc
                .queryForList(
                        "select delivery from alert_preference where rule_id = ? and recipient = ?",
                        String.class,
                        rule,
                        email)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static KboUpdates.Enterprise enterprise(String number, String situation, boolean seenBefore) {
        return new KboUpdates.Enterprise(number, "Proef " + number, situation, seenBefore);
    }

    private RunView ingest(byte[] extract) {
        RunView run = ingestion.ingestNow("kbo", new ByteArrayInputStream(extract), "portal-update.zip", true, "test");
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("COMPLETED");
        return run;
    }

    private static String today() {
        return KBO_DATE.format(LocalDate.now());
    }
}
