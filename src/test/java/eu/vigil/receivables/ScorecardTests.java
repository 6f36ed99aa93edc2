package eu.vigil.receivables;

import static eu.vigil.receivables.LedgerApi.item;
import static eu.vigil.receivables.LedgerApi.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.shared.Language;
import eu.vigil.support.RegistryRows;
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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A customer who pays three invoices in four on time, of a company sixteen years old with a bureau report (risk class
 * 4, 2 % PD, a 50,000 limit) and accounts (equity 200,000 of assets 500,000, turnover down from 1,250,000 to
 * 1,000,000): the standard scorecard gives it 84 (A) and advises 20 % of its equity, 40,000, the lowest of the
 * sources; its credit manager accepts it, and another tenant can neither see nor accept it.
 */
@VigilTest
class ScorecardTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    Scorecards scorecards;

    @Autowired
    ReceivablesQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theStandardScorecardGradesAHandCheckedCustomerAndItsAdviceBecomesTheAuditedLimit() throws Exception {
        TestTenant tenant = data.tenant("Scorecard");
        TestUser creditManager = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        TestTenant other = data.tenant("Scorecard other");
        TestUser otherManager = data.member(other, Role.CREDIT_MANAGER, Language.EN);
        String number = LedgerApi.number();
        long companyId = rated(number);
        long entryId = watch(tenant, number, "SC-1", "10000");
        watch(other, number, "OTHER-1", "5000");

        load(
                mvc,
                tenant,
                "SNAPSHOT",
                "2026-06-30",
                item("P-1", "SC-1", "Invoice", "2025-09-01", "2025-10-01", "1000.00", "2025-09-30"),
                item("P-2", "SC-1", "Invoice", "2025-10-01", "2025-11-01", "1000.00", "2025-10-30"),
                item("P-3", "SC-1", "Invoice", "2025-11-01", "2025-12-01", "1000.00", "2025-12-01"),
                item("P-4", "SC-1", "Invoice", "2025-12-01", "2026-01-01", "1000.00", "2026-01-21"),
                item("O-1", "SC-1", "Invoice", "2026-06-20", "2026-07-20", "3000.00", null));

        CustomerScore score = TenantContext.callAs(tenant.id(), () -> queries.score(key(tenant)))
                .orElseThrow();
        // 20×70 + 15×100 + 10×100 + 15×70 + 10×70 + 10×100 + 5×50 + 15×100 = 8,400 over weights of 100
        assertThat(score.score()).isEqualTo(84);
        assertThat(score.grade()).isEqualTo("A");
        assertThat(score.advisedLimit()).isEqualByComparingTo("40000.00");
        assertThat(score.adviceBasis()).isEqualTo("equity");
        assertThat(score.adviceArgs()).containsExactly("A", "20", "200000.00");

        String section = mvc.perform(
                        get("/companies/{c}/{n}/receivables", "BE", number).with(user(creditManager.principal())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .replace('\u202F', ' ')
                .replace('\u00A0', ' ');
        assertThat(section)
                .contains("84/100")
                .contains("Grade A: 20 % of the equity of")
                .contains("accept-advice");

        UUID list = jdbc.queryForObject("select watchlist_id from watchlist_entry where id = ?", UUID.class, entryId);
        String csv = mvc.perform(get("/watchlists/{id}/export.csv", list).with(user(creditManager.principal())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Advised limit").contains(";EUR;84;A;40000.00;Within the advice");
        String listPage = mvc.perform(get("/watchlists/{id}", list).with(user(creditManager.principal())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(listPage).contains("A · 84").doesNotContain("entry-above-advice\"");

        String otherSection = mvc.perform(
                        get("/companies/{c}/{n}/receivables", "BE", number).with(user(otherManager.principal())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(otherSection).as("no ledger, no score for the other tenant").doesNotContain("84/100");
        int refused = mvc.perform(post("/receivables/advice/accept")
                        .param("customerKey", key(tenant))
                        .param("country", "BE")
                        .param("number", number)
                        .with(user(otherManager.principal()))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(refused).isEqualTo(404);
        assertThat(limit(entryId)).isEqualByComparingTo("10000");

        mvc.perform(post("/receivables/advice/accept")
                .param("customerKey", key(tenant))
                .param("country", "BE")
                .param("number", number)
                .with(user(creditManager.principal()))
                .with(csrf()));
        assertThat(limit(entryId)).isEqualByComparingTo("40000");
        Wait.until(
                "the accepted limit is in the audit log",
                () -> jdbc.queryForObject(
                                "select count(*) from audit_event where tenant_id = ? and action = 'CreditLimitChanged'"
                                        + " and detail like '%40000%'",
                                Long.class, tenant.id())
                        == 1);
        assertThat(companyId).isPositive();
    }

    @Test
    void anEditedScorecardRescoresAndLogsTheChangeWithTheVariableThatMovedIt() throws Exception {
        TestTenant tenant = data.tenant("Scorecard edit");
        String number = LedgerApi.number();
        rated(number);
        watch(tenant, number, "SE-1", null);
        load(
                mvc,
                tenant,
                "SNAPSHOT",
                "2026-06-30",
                item("P-1", "SE-1", "Invoice", "2025-09-01", "2025-10-01", "1000.00", "2025-09-30"),
                item("P-2", "SE-1", "Invoice", "2025-10-01", "2025-11-01", "1000.00", "2025-11-20"));

        TenantContext.runAs(
                tenant.id(),
                () -> scorecards.save(
                        new Scorecard(
                                List.of(
                                        new Scorecard.Variable(
                                                ScoreVariable.ON_TIME_SHARE,
                                                60,
                                                List.of(
                                                        new Scorecard.Band(null, BigDecimal.valueOf(60), 0),
                                                        new Scorecard.Band(BigDecimal.valueOf(60), null, 100))),
                                        new Scorecard.Variable(
                                                ScoreVariable.BUREAU_SCORE,
                                                40,
                                                List.of(
                                                        new Scorecard.Band(null, BigDecimal.valueOf(50), 0),
                                                        new Scorecard.Band(BigDecimal.valueOf(50), null, 50)))),
                                5),
                        "admin"));

        List<CustomerScore.Change> changes =
                TenantContext.callAs(tenant.id(), () -> queries.scoreChanges(key(tenant), 10));
        // before, no DBT (nothing open or settled in 90 days), so weights of 85: (20×40 + 10×100 + 15×70 + 10×70
        // + 10×100 + 5×50 + 15×100) / 85 = 74 (B); after, 50 % on time → 0 × 60, bureau score 55 → 50 × 40: 20 (E);
        // the largest share moved is the bureau score's, from none to 20 points (no negative events lost 17.65)
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).newScore()).isEqualTo(74);
        assertThat(changes.get(1).newGrade()).isEqualTo("B");
        assertThat(changes.get(1).mainVariable())
                .as("a first score has no mover")
                .isNull();
        assertThat(changes.get(0).oldScore()).isEqualTo(74);
        assertThat(changes.get(0).newScore()).isEqualTo(20);
        assertThat(changes.get(0).newGrade()).isEqualTo("E");
        assertThat(changes.get(0).mainVariable()).isEqualTo("BUREAU_SCORE");
        assertThat(TenantContext.callAs(tenant.id(), () -> queries.score(key(tenant)))
                        .orElseThrow()
                        .advisedLimit())
                .as("grade E advises no credit")
                .isEqualByComparingTo("0");
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aNewBureauReportOnAScoredCompanyRescoresItsCustomerWithoutALoad() throws Exception {
        TestTenant tenant = data.tenant("Scorecard feed");
        String number = LedgerApi.number();
        long companyId = RegistryRows.company(jdbc, "BE", number, "Feed Score NV", "Ieper");
        watch(tenant, number, "SF-1", null);
        load(
                mvc,
                tenant,
                "SNAPSHOT",
                "2026-06-30",
                item("P-1", "SF-1", "Invoice", "2026-01-01", "2026-02-01", "1000.00", "2026-01-30"));
        // paid on time 100 % (20 × 100) and no negative events (15 × 100): 100
        assertThat(TenantContext.callAs(tenant.id(), () -> queries.score(key(tenant)))
                        .orElseThrow()
                        .score())
                .isEqualTo(100);

        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
            section(companyId, "scores", "{\"riskClass\":\"9\"}");
            publisher.publishEvent(
                    new eu.vigil.signal.SignalEventsRecorded(0, "bureau", List.of(), List.of(companyId)));
        });

        // risk class 9 adds 15 × 0: 3,500 over weights of 50 = 70 (B)
        Wait.until(
                "the customer is rescored",
                () -> TenantContext.callAs(tenant.id(), () -> queries.score(key(tenant)))
                                .orElseThrow()
                                .score()
                        == 70);
        assertThat(TenantContext.callAs(tenant.id(), () -> queries.scoreChanges(key(tenant), 10)))
                .first()
                .satisfies(change -> {
                    assertThat(change.oldScore()).isEqualTo(100);
                    assertThat(change.newGrade()).isEqualTo("B");
                });
        String section = mvc.perform(get("/companies/{c}/{n}/receivables", "BE", number)
                        .with(user(tenant.admin().principal())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(section)
                .as("30 points is a move by the standard scorecard's 10")
                .contains("100 A → 70 B")
                .contains("Large move");
    }

    @Test
    void aScorecardWithAProblemIsRefusedNamingTheVariableAndTheRange() {
        TestTenant tenant = data.tenant("Scorecard invalid");
        Scorecard overlapping = new Scorecard(
                List.of(new Scorecard.Variable(
                        ScoreVariable.DBT,
                        100,
                        List.of(
                                new Scorecard.Band(null, BigDecimal.valueOf(10), 100),
                                new Scorecard.Band(BigDecimal.valueOf(5), null, 0)))),
                10);
        assertThatThrownBy(() -> TenantContext.runAs(tenant.id(), () -> scorecards.save(overlapping, "admin")))
                .isInstanceOfSatisfying(ReceivablesException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("scorecard.error.overlap");
                    assertThat(e.args()).containsExactly("DBT", 1, 2);
                });
        Scorecard short90 = new Scorecard(
                List.of(new Scorecard.Variable(ScoreVariable.DBT, 90, List.of(new Scorecard.Band(null, null, 100)))),
                10);
        assertThatThrownBy(() -> TenantContext.runAs(tenant.id(), () -> scorecards.save(short90, "admin")))
                .isInstanceOfSatisfying(
                        ReceivablesException.class, e -> assertThat(e.args()).containsExactly(90));
        assertThat(TenantContext.callAs(tenant.id(), () -> scorecards.current()))
                .as("nothing was kept: the standard scorecard still holds")
                .isEqualTo(Scorecard.standard());
    }

    @Test
    void theEditorShowsTheAdminsOwnScorecardAndAWrongRangeIsNamedWithTheFormKept() throws Exception {
        TestTenant tenant = data.tenant("Scorecard editor");
        TestTenant other = data.tenant("Scorecard editor other");
        TenantContext.runAs(
                other.id(),
                () -> scorecards.save(
                        new Scorecard(
                                List.of(new Scorecard.Variable(
                                        ScoreVariable.EQUITY, 100, List.of(new Scorecard.Band(null, null, 77)))),
                                33),
                        "admin"));
        String page = mvc.perform(
                        get("/settings/scorecard").with(user(tenant.admin().principal())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .as("the standard card, not the other tenant's")
                .contains("90.. = 100")
                .doesNotContain("= 77");

        String refused = mvc.perform(post("/settings/scorecard")
                        .param("alertPoints", "10")
                        .param("variable0", "DBT")
                        .param("weight0", "100")
                        .param("ranges0", "0..10 = 100\nten..20 = 50")
                        .with(user(tenant.admin().principal()))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused)
                .contains("Days beyond terms, range 2: &quot;ten..20 = 50&quot; is not written from..to = points.")
                .contains("ten..20 = 50");

        TestUser creditManager = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        assertThat(mvc.perform(get("/settings/scorecard").with(user(creditManager.principal())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("only the tenant's admin edits its scorecard")
                .isEqualTo(403);
    }

    private String key(TestTenant tenant) {
        return jdbc.queryForObject(
                "select customer_key from receivable_figure where tenant_id = ? and entry_id is not null",
                String.class,
                tenant.id());
    }

    private BigDecimal limit(long entryId) {
        return jdbc.queryForObject("select credit_limit from watchlist_entry where id = ?", BigDecimal.class, entryId);
    }

    /** A company with a start date, a bureau report and two years of accounts. */
    private long rated(String number) {
        long id = RegistryRows.company(jdbc, "BE", number, "Score Proef NV", "Gent");
        jdbc.update(
                "update company_section set doc = ?::json where company_id = ? and section = 'identity'",
                "{\"startDate\":\"2010-03-01\",\"names\":[{\"type\":\"001\",\"language\":\"2\",\"value\":\"Score Proef NV\"}]}",
                id);
        section(
                id,
                "scores",
                "{\"riskClass\":\"4\",\"multiscore\":\"55\",\"pd\":\"0.02\",\"creditLimit\":\"50000\",\"currency\":\"EUR\"}");
        section(id, "accounts", """
                {"filings":[{"periodEnd":"2025-12-31","currency":"EUR",
                             "items":{"10/15":200000,"20/58":500000,"70":1000000}},
                            {"periodEnd":"2024-12-31","currency":"EUR","items":{"70":1250000}}]}""");
        return id;
    }

    private void section(long companyId, String section, String doc) {
        jdbc.update("""
                insert into company_section (company_id, section, doc, doc_hash, source, extract, as_of, run_id)
                values (?, ?, ?::json, 0, 'bureau', 'test extract', current_date, 0)""", companyId, section, doc);
    }

    private long watch(TestTenant tenant, String number, String reference, String limit) {
        return TenantContext.callAs(tenant.id(), () -> {
            UUID list = watchlists.create("Customers " + reference).id();
            return watchlists
                    .add(
                            list,
                            number,
                            new EntryData(
                                    reference,
                                    null,
                                    limit == null ? null : new Amount(new BigDecimal(limit), "EUR"),
                                    null,
                                    null,
                                    List.of()))
                    .id();
        });
    }
}
