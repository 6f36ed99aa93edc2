package eu.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.alerting.internal.FanOut;
import eu.vigil.company.CompanyId;
import eu.vigil.embedded.CapturedMail;
import eu.vigil.embedded.CapturedMail.CapturedMessage;
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
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * From a KBO Update to the email in a real SMTP server: a watched company goes bankrupt and its tenant's credit
 * managers hear of it once each, in their own language; nobody else does. The API labels the alert in the caller's
 * language, else the tenant's.
 */
@VigilTest
class AlertingEndToEndTests {

    private static final DateTimeFormatter KBO_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Autowired
    TestData data;

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    Silences silences;

    @Autowired
    CapturedMail mail;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    FanOut fanOut;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Test
    void aWatchedCompanyGoingBankruptEmailsEachCreditManagerOnceInTheirLanguage() throws Exception {
        TestTenant tenant = data.tenant("Alerted");
        TestUser french = data.member(tenant, Role.CREDIT_MANAGER, Language.FR);
        TestUser frenchColleague = data.member(tenant, Role.CREDIT_MANAGER, Language.FR);
        TestUser dutch = data.member(tenant, Role.CREDIT_MANAGER, Language.NL);
        TestUser muted = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        TestUser sales = data.member(tenant, Role.SALES, Language.NL);
        TestTenant bystander = data.tenant("Bystander");
        TestUser bystanderCredit = data.member(bystander, Role.CREDIT_MANAGER, Language.FR);

        String number = KboUpdates.number();
        String quiet = KboUpdates.number();
        ingest(KboUpdates.update(
                today(),
                new KboUpdates.Enterprise(number, "Faillissement Proef NV", "000", false),
                new KboUpdates.Enterprise(quiet, "Rustig Proef NV", "000", false)));
        TenantContext.runAs(tenant.id(), () -> {
            UUID list = watchlists.create("Key customers").id();
            watchlists.add(list, number, new EntryData("C-1", null, null, null, null, List.of("key")));
            UUID second = watchlists.create("Also on this list").id();
            watchlists.add(second, number, new EntryData("C-1b", null, null, null, null, List.of()));
            silences.silence(
                    muted.id(),
                    new CompanyId("BE", number),
                    Instant.now().plus(Duration.ofDays(7)),
                    "In talks with the curator");
        });

        byte[] bankruptcy = KboUpdates.update(
                today(),
                new KboUpdates.Enterprise(number, "Faillissement Proef NV", "050", true),
                new KboUpdates.Enterprise(quiet, "Rustig Proef NV", "050", true));
        RunView run = ingest(bankruptcy);
        assertThat(run.signalEvents()).isGreaterThanOrEqualTo(2);

        CapturedMessage toFrench = awaitMail(french.email());
        CapturedMessage toDutch = awaitMail(dutch.email());
        assertThat(toFrench.subject()).contains("Faillissement Proef NV").contains("Ouverture de faillite");
        assertThat(toFrench.text())
                .contains("Ouverture de faillite")
                .contains("Situation normale → Ouverture de faillite")
                .doesNotContain("000 → 050")
                .contains("Rouge")
                .contains("/companies/BE/" + number)
                .contains("/alerts/unsubscribe/");
        assertThat(toFrench.html()).contains("Ouverture de faillite").contains("/companies/BE/" + number);
        assertThat(toFrench.listUnsubscribe()).contains("/alerts/unsubscribe/");
        // the same email in the same language for two colleagues: each carries their own unsubscribe link, nobody
        // else's
        CapturedMessage toColleague = awaitMail(frenchColleague.email());
        String token = unsubscribeToken(tenant, french.email());
        String colleagueToken = unsubscribeToken(tenant, frenchColleague.email());
        assertThat(toFrench.text()).contains("/alerts/unsubscribe/" + token).doesNotContain(colleagueToken);
        assertThat(toFrench.html()).contains("/alerts/unsubscribe/" + token).doesNotContain(colleagueToken);
        assertThat(toFrench.listUnsubscribe()).contains("/alerts/unsubscribe/" + token);
        assertThat(toColleague.text())
                .contains("/alerts/unsubscribe/" + colleagueToken)
                .doesNotContain(token)
                .isEqualTo(toFrench.text().replace(token, colleagueToken));
        assertThat(toColleague.html())
                .contains("/alerts/unsubscribe/" + colleagueToken)
                .doesNotContain(token)
                .isEqualTo(toFrench.html().replace(token, colleagueToken));
        assertThat(toDutch.subject()).contains("Faillissement geopend");
        assertThat(toDutch.text()).contains("Faillissement geopend").contains("Rood");

        Long alerts = jdbc.queryForObject(
                "select count(*) from alert where tenant_id = ? and code = 'BANKRUPTCY_OPENED'",
                Long.class,
                tenant.id());
        assertThat(alerts)
                .as("one alert per event and rule, though the company is on two lists")
                .isEqualTo(1);
        Map<String, Object> alert = jdbc.queryForMap(
                "select cardinality(watchlist_ids) as lists from alert where tenant_id = ? "
                        + "and code = 'BANKRUPTCY_OPENED'",
                tenant.id());
        assertThat(alert.get("lists")).isEqualTo(2);

        // replaying the extract records no event again; redelivering the events raises no alert again
        assertThat(ingest(bankruptcy).signalEvents()).isZero();
        List<Long> eventIds =
                jdbc.queryForList("select signal_event_id from alert where tenant_id = ?", Long.class, tenant.id());
        List<Long> companyIds =
                jdbc.queryForList("select company_id from alert where tenant_id = ?", Long.class, tenant.id());
        assertThat(TenantContext.callAsPlatform(() -> fanOut.fanOut(eventIds, companyIds))
                        .alerts())
                .isZero();
        Wait.outboxSettled(jdbc, tenant.id(), clock);
        Wait.outboxSettled(jdbc, bystander.id(), clock);
        assertThat(mail.messagesTo(french.email())).hasSize(1);
        assertThat(mail.messagesTo(dutch.email())).hasSize(1);
        assertThat(mail.messagesTo(muted.email()))
                .as("a silenced company sends its alerts to the inbox only")
                .isEmpty();
        assertThat(mail.messagesTo(sales.email())).isEmpty();
        assertThat(mail.messagesTo(bystanderCredit.email()))
                .as("another tenant, watching nothing")
                .isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from alert where tenant_id = ?", Long.class, bystander.id()))
                .isZero();

        // the API: the tenant reads and acknowledges its alert; the bystander sees none and reaches for it in vain
        String page = api(tenant, get("/api/v1/alerts")).getResponse().getContentAsString();
        assertThat(page)
                .contains("\"signal\":\"BANKRUPTCY_OPENED\"")
                .contains("\"number\":\"" + number + "\"")
                .contains("\"country\":\"BE\"")
                .contains("\"polarity\":\"negative\"")
                .contains("\"severity\":\"critical\"")
                .contains("\"state\":\"new\"")
                .contains("\"createdAt\"");
        long id = Long.parseLong(page.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        String next = page.replaceAll("(?s).*\"next\":\"([^\"]+)\".*", "$1");
        assertThat(api(tenant, get("/api/v1/alerts").param("since", next))
                        .getResponse()
                        .getContentAsString())
                .contains("\"alerts\":[]")
                .contains(next);
        assertThat(api(bystander, get("/api/v1/alerts")).getResponse().getContentAsString())
                .contains("\"alerts\":[]");
        MvcResult other = api(bystander, post("/api/v1/alerts/{id}/acknowledge", id));
        MvcResult missing = api(bystander, post("/api/v1/alerts/{id}/acknowledge", Long.MAX_VALUE));
        assertThat(other.getResponse().getStatus())
                .isEqualTo(404)
                .isEqualTo(missing.getResponse().getStatus());
        assertThat(other.getResponse().getContentAsString().replace("/" + id + "/", "/ID/"))
                .isEqualTo(missing.getResponse().getContentAsString().replace("/" + Long.MAX_VALUE + "/", "/ID/"));
        assertThat(api(tenant, post("/api/v1/alerts/{id}/acknowledge", id))
                        .getResponse()
                        .getContentAsString())
                .contains("\"state\":\"acknowledged\"");
    }

    @Test
    void theAlertsApiLabelsSignalsInTheCallersLanguageElseTheTenantsAndKeepsItsCodes() throws Exception {
        TestTenant french = data.tenant("Alertes", Language.FR);
        TestTenant dutch = data.tenant("Waarschuwingen", Language.NL);
        String number = KboUpdates.number();
        ingest(KboUpdates.update(today(), new KboUpdates.Enterprise(number, "Taal Proef NV", "000", false)));
        for (TestTenant tenant : List.of(french, dutch)) {
            TenantContext.runAs(
                    tenant.id(),
                    () -> watchlists.add(
                            watchlists.create("Clients").id(),
                            number,
                            new EntryData(null, null, null, null, null, null)));
        }
        ingest(KboUpdates.update(today(), new KboUpdates.Enterprise(number, "Taal Proef NV", "050", true)));
        Wait.until(
                "both tenants' alerts",
                () -> jdbc.queryForObject(
                                "select count(*) from alert where tenant_id in (?, ?)",
                                Long.class,
                                french.id(),
                                dutch.id())
                        == 2);

        String frenchPage = api(french, get("/api/v1/alerts")).getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(frenchPage)
                .as("no Accept-Language: the tenant's language")
                .contains("\"label\":\"Ouverture de faillite\"")
                .contains("\"signal\":\"BANKRUPTCY_OPENED\"")
                .contains("\"polarity\":\"negative\"")
                .contains("\"severity\":\"critical\"")
                .contains("\"state\":\"new\"");
        assertThat(api(french, get("/api/v1/alerts").header(HttpHeaders.ACCEPT_LANGUAGE, "nl-BE,nl;q=0.9,fr;q=0.5"))
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("\"label\":\"Faillissement geopend\"")
                .contains("\"signal\":\"BANKRUPTCY_OPENED\"")
                .contains("\"polarity\":\"negative\"");
        assertThat(api(dutch, get("/api/v1/alerts")).getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"label\":\"Faillissement geopend\"");
        assertThat(api(dutch, get("/api/v1/alerts").header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE"))
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .as("a language Vigil does not speak: the tenant's")
                .contains("\"label\":\"Faillissement geopend\"");
        assertThat(api(dutch, get("/api/v1/alerts").header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,fr;q=0.8"))
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("\"label\":\"Ouverture de faillite\"");

        long id = jdbc.queryForObject("select id from alert where tenant_id = ?", Long.class, dutch.id());
        assertThat(api(dutch, post("/api/v1/alerts/{id}/acknowledge", id).header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("\"label\":\"Ouverture de faillite\"")
                .contains("\"state\":\"acknowledged\"");
        MvcResult badCursor = api(dutch, get("/api/v1/alerts").param("since", "nonsense"));
        assertThat(badCursor.getResponse().getStatus()).isEqualTo(400);
        assertThat(badCursor.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"field\":\"since\"")
                .contains("is geen cursor die deze API gaf");
        assertThat(api(
                                dutch,
                                get("/api/v1/alerts")
                                        .param("since", "nonsense")
                                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("n'est pas un curseur donné par cette API");
    }

    @Test
    void anSmtpOutageDelaysTheEmailButLosesNothing() throws Exception {
        TestTenant tenant = data.tenant("Outage");
        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.NL);
        String number = KboUpdates.number();
        ingest(KboUpdates.update(today(), new KboUpdates.Enterprise(number, "Storing Proef BV", "000", false)));
        TenantContext.runAs(
                tenant.id(),
                () -> watchlists.add(
                        watchlists.create("Suppliers").id(),
                        number,
                        new EntryData(null, null, null, null, null, null)));

        int port = mailSender.getPort();
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        mailSender.setPort(closed);
        try {
            ingest(KboUpdates.update(today(), new KboUpdates.Enterprise(number, "Storing Proef BV", "050", true)));
            Wait.until(
                    "two failed attempts",
                    () -> Integer.valueOf(2)
                                    .compareTo(jdbc.queryForObject(
                                            "select coalesce(max(attempts), 0) from mail_outbox where tenant_id = ?",
                                            Integer.class,
                                            tenant.id()))
                            <= 0);
            Map<String, Object> row =
                    jdbc.queryForMap("select status, last_error from mail_outbox where tenant_id = ?", tenant.id());
            assertThat(row.get("status")).isIn("PENDING", "SENDING");
            assertThat((String) row.get("last_error")).isNotBlank();
            assertThat(mail.messagesTo(credit.email())).isEmpty();
        } finally {
            mailSender.setPort(port);
        }
        CapturedMessage message = awaitMail(credit.email());
        assertThat(message.subject()).contains("Faillissement geopend");
        Wait.outboxSettled(jdbc, tenant.id(), clock);
        assertThat(mail.messagesTo(credit.email())).hasSize(1);
        assertThat(jdbc.queryForObject("select status from mail_outbox where tenant_id = ?", String.class, tenant.id()))
                .isEqualTo("SENT");
    }

    private RunView ingest(byte[] extract) {
        RunView run =
                ingestion.ingestNow("kbo", new ByteArrayInputStream(extract), "alerting-update.zip", true, "test");
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("COMPLETED");
        return run;
    }

    private String unsubscribeToken(TestTenant tenant, String recipient) {
        return jdbc.queryForObject(
                "select unsubscribe_token from mail_outbox where tenant_id = ? and recipient = ?",
                String.class,
                tenant.id(),
                recipient);
    }

    private static String today() {
        return KBO_DATE.format(LocalDate.now());
    }

    private CapturedMessage awaitMail(String to) {
        Wait.until("mail to " + to, () -> !mail.messagesTo(to).isEmpty());
        return mail.messagesTo(to).getFirst();
    }

    private MvcResult api(
            TestTenant tenant, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey()))
                .andReturn();
    }
}
