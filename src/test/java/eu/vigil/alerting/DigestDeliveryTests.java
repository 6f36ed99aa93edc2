package eu.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.company.CompanyId;
import eu.vigil.embedded.CapturedMail;
import eu.vigil.embedded.CapturedMail.CapturedMessage;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import eu.vigil.shared.Language;
import eu.vigil.support.TestClock;
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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Digests: a positive signal on a watched company lands in the sales people's daily "Opportunities" digest at 08:00
 * where the tenant lives, not before, once, in each one's language; a credit manager who prefers a digest to
 * immediate emails gets the negative one there; nothing matched, no digest. A weekly digest comes on its weekday at its
 * hour with the week's alerts, once; a week without alerts sends nothing.
 */
@VigilTest
class DigestDeliveryTests {

    private static final DateTimeFormatter KBO_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

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
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    AlertRules rules;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aPositiveSignalLandsInTheSalesDigestAtItsHourOnceInTheirLanguage() {
        TestTenant tenant = data.tenant("Digest");
        TestUser dutch = data.member(tenant, Role.SALES, Language.NL);
        TestUser french = data.member(tenant, Role.SALES, Language.FR);
        TestUser unsubscribed = data.member(tenant, Role.SALES, Language.EN);
        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        TestUser creditDaily = data.member(tenant, Role.CREDIT_MANAGER, Language.IT);
        TestTenant quiet = data.tenant("Quiet digest");
        TestUser quietSales = data.member(quiet, Role.SALES, Language.FR);

        String revived = KboUpdates.number();
        String alsoRevived = KboUpdates.number();
        String failing = KboUpdates.number();
        String untouched = KboUpdates.number();
        ingest(KboUpdates.update(
                today(),
                new KboUpdates.Enterprise(revived, "Herstel Proef NV", "050", false),
                new KboUpdates.Enterprise(alsoRevived, "Tweede Herstel BV", "050", false),
                new KboUpdates.Enterprise(failing, "Wankel Proef NV", "000", false),
                new KboUpdates.Enterprise(untouched, "Stil Proef NV", "000", false)));
        TenantContext.runAs(tenant.id(), () -> {
            UUID prospects = watchlists.create("Prospects").id();
            watchlists.add(prospects, revived, new EntryData(null, null, null, null, null, List.of()));
            watchlists.add(prospects, alsoRevived, new EntryData(null, null, null, null, null, List.of()));
            UUID customers = watchlists.create("Customers").id();
            watchlists.add(customers, failing, new EntryData(null, null, null, null, null, List.of()));
            // on two watchlists: listed once in a digest, with both
            watchlists.add(customers, revived, new EntryData(null, null, null, null, null, List.of()));
            silences.silence(
                    french.id(),
                    new CompanyId("BE", alsoRevived),
                    Instant.now().plus(Duration.ofDays(3)),
                    "Already a customer");
        });
        TenantContext.runAs(
                quiet.id(),
                () -> watchlists.add(
                        watchlists.create("Prospects").id(),
                        untouched,
                        new EntryData(null, null, null, null, null, List.of())));
        UUID opportunities = rule(tenant, "opportunities");
        UUID risk = rule(tenant, "risk");
        jdbc.update(
                "insert into alert_preference (tenant_id, rule_id, recipient, user_id, delivery) values (?, ?, ?, ?, 'NONE')",
                tenant.id(),
                opportunities,
                unsubscribed.email(),
                unsubscribed.id());
        jdbc.update(
                "insert into alert_preference (tenant_id, rule_id, recipient, user_id, delivery) values (?, ?, ?, ?, 'DAILY')",
                tenant.id(),
                risk,
                creditDaily.email(),
                creditDaily.id());

        LocalDate tomorrow = LocalDate.now(BRUSSELS).plusDays(1);
        Instant eight = ZonedDateTime.of(tomorrow, LocalTime.of(8, 0), BRUSSELS).toInstant();
        clock.set(eight.minus(Duration.ofHours(1)));
        ingest(KboUpdates.update(
                today(),
                new KboUpdates.Enterprise(revived, "Herstel Proef NV", "000", true),
                new KboUpdates.Enterprise(alsoRevived, "Tweede Herstel BV", "000", true),
                new KboUpdates.Enterprise(failing, "Wankel Proef NV", "050", true),
                new KboUpdates.Enterprise(untouched, "Stil Proef NV", "000", true)));

        Wait.until(
                "the immediate email of the risk rule",
                () -> !mail.messagesTo(credit.email()).isEmpty());
        Wait.until(
                "the digest rows",
                () -> count("select count(*) from mail_outbox where tenant_id = ? and kind = 'DAILY'", tenant.id())
                        == 3);
        assertThat(jdbc.queryForList(
                        "select distinct next_attempt_at from mail_outbox where tenant_id = ? and kind = 'DAILY'",
                        OffsetDateTime.class,
                        tenant.id()))
                .extracting(OffsetDateTime::toInstant)
                .containsExactly(eight);
        assertThat(count("select count(*) from mail_outbox where tenant_id = ?", quiet.id()))
                .isZero();

        clock.set(eight.minus(Duration.ofMinutes(1)));
        Wait.senderPolled(jdbc, clock);
        assertThat(mail.messagesTo(dutch.email())).as("nothing before 08:00").isEmpty();
        assertThat(mail.messagesTo(creditDaily.email()))
                .as("a credit manager who prefers the daily digest")
                .isEmpty();

        clock.set(eight);
        CapturedMessage toDutch = awaitMail(dutch.email());
        assertThat(toDutch.subject())
                .contains("dagelijks overzicht")
                .contains("Opportunities")
                .contains(eu.vigil.company.ReaderFormats.day(tomorrow, java.util.Locale.of("nl")));
        assertThat(toDutch.text())
                .contains("Herstel Proef NV")
                .contains("Tweede Herstel BV")
                .contains("Faillissement ingetrokken")
                .contains("Opening faillissement → Normale toestand")
                .doesNotContain("050 → 000")
                .contains("Signalen (positieve): 2")
                .contains("Lijsten: Customers, Prospects")
                .contains("Lijsten: Prospects")
                .contains("/companies/BE/" + revived)
                .contains("/alerts/preferences")
                .contains("/alerts/unsubscribe/");
        assertThat(toDutch.html()).contains("Faillissement ingetrokken").contains("/companies/BE/" + alsoRevived);
        assertThat(toDutch.listUnsubscribe()).contains("/alerts/unsubscribe/");

        CapturedMessage toFrench = awaitMail(french.email());
        assertThat(toFrench.subject()).contains("résumé quotidien");
        assertThat(toFrench.text())
                .as("the company she silenced is left out of her digest")
                .contains("Herstel Proef NV")
                .contains("Faillite rapportée")
                .doesNotContain("Tweede Herstel BV")
                .contains("Signaux positifs : 1")
                .contains("Listes : Customers, Prospects");
        assertThat(toDutch.text().split("Herstel Proef NV", -1))
                .as("a company on two watchlists is listed once")
                .hasSize(2);

        CapturedMessage toCreditDaily = awaitMail(creditDaily.email());
        assertThat(toCreditDaily.subject()).contains("riepilogo giornaliero");
        assertThat(toCreditDaily.text())
                .contains("Wankel Proef NV")
                .contains("Dichiarazione di fallimento")
                .contains("Segnali negativi: 1")
                .contains("Liste: Customers");

        Wait.outboxSettled(jdbc, tenant.id(), clock);
        assertThat(mail.messagesTo(dutch.email())).as("exactly once").hasSize(1);
        assertThat(mail.messagesTo(french.email())).hasSize(1);
        assertThat(mail.messagesTo(creditDaily.email())).hasSize(1);
        assertThat(mail.messagesTo(credit.email()))
                .as("the immediate one, and no digest")
                .hasSize(1);
        assertThat(mail.messagesTo(unsubscribed.email())).isEmpty();
        assertThat(mail.messagesTo(quietSales.email()))
                .as("nothing matched, no digest")
                .isEmpty();
        assertThat(jdbc.queryForList(
                        "select status from mail_outbox where tenant_id = ? and kind = 'DAILY'",
                        String.class,
                        tenant.id()))
                .containsOnly("SENT");
    }

    @Test
    void aWeeklyDigestArrivesOnItsWeekdayAtItsHourWithTheWeeksAlertsOnce() {
        TestTenant tenant = data.tenant("Weekly");
        TestUser dutch = data.member(tenant, Role.VIEWER, Language.NL);
        TestUser french = data.member(tenant, Role.VIEWER, Language.FR);
        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        TestUser quietReader = data.member(tenant, Role.VIEWER, Language.EN);

        String tuesday = KboUpdates.number();
        String saturday = KboUpdates.number();
        String afterTheDigest = KboUpdates.number();
        String unchanged = KboUpdates.number();
        ingest(KboUpdates.update(
                today(),
                new KboUpdates.Enterprise(tuesday, "Dinsdag Proef NV", "000", false),
                new KboUpdates.Enterprise(saturday, "Zaterdag Proef BV", "000", false),
                new KboUpdates.Enterprise(afterTheDigest, "Maandag Proef NV", "000", false),
                new KboUpdates.Enterprise(unchanged, "Stilte Proef NV", "000", false)));
        UUID weekly = TenantContext.callAs(tenant.id(), () -> {
            UUID suppliers = watchlists.create("Suppliers").id();
            UUID quietList = watchlists.create("Quiet").id();
            for (String number : List.of(tuesday, saturday, afterTheDigest)) {
                watchlists.add(suppliers, number, new EntryData(null, null, null, null, null, List.of()));
            }
            watchlists.add(quietList, unchanged, new EntryData(null, null, null, null, null, List.of()));
            rules.create(new AlertRuleSpec(
                    "Quiet weekly",
                    true,
                    new AlertRuleSpec.Match(null, null, null, null),
                    new AlertRuleSpec.Scope(List.of(quietList), null, null, null, null),
                    new AlertRuleSpec.Recipients(null, List.of(quietReader.id()), null, null),
                    new AlertRuleSpec.DeliverySpec("weekly", "08:00", "MONDAY")));
            return rules.create(new AlertRuleSpec(
                            "Weekly risk review",
                            true,
                            new AlertRuleSpec.Match(null, null, List.of("negative"), null),
                            new AlertRuleSpec.Scope(List.of(suppliers), null, null, null, null),
                            new AlertRuleSpec.Recipients(null, List.of(dutch.id(), french.id()), null, null),
                            new AlertRuleSpec.DeliverySpec("weekly", "08:00", "MONDAY")))
                    .id();
        });
        // the credit manager prefers a weekly digest of the immediate risk rule: Monday at 08:00, as the rule has no
        // hour
        jdbc.update(
                "insert into alert_preference (tenant_id, rule_id, recipient, user_id, delivery) values (?, ?, ?, ?, 'WEEKLY')",
                tenant.id(),
                rule(tenant, "risk"),
                credit.email(),
                credit.id());

        // a Monday at least a week ahead, so that the whole week before it is still to come
        LocalDate monday = LocalDate.now(BRUSSELS).plusDays(8).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        ZonedDateTime eight = ZonedDateTime.of(monday, LocalTime.of(8, 0), BRUSSELS);
        clock.set(eight.minusDays(6).plusHours(2).toInstant());
        ingest(KboUpdates.update(today(), new KboUpdates.Enterprise(tuesday, "Dinsdag Proef NV", "050", true)));
        Wait.until(
                "the weekly rows",
                () -> count("select count(*) from mail_outbox where tenant_id = ? and kind = 'WEEKLY'", tenant.id())
                        == 3);
        clock.set(eight.minusDays(2).plusHours(7).toInstant());
        ingest(KboUpdates.update(today(), new KboUpdates.Enterprise(saturday, "Zaterdag Proef BV", "050", true)));
        Wait.until("Saturday's alert in the same rows", () -> count("""
                select count(*) from mail_outbox where tenant_id = ? and kind = 'WEEKLY' and cardinality(alert_ids) = 2""", tenant.id()) == 3);
        assertThat(jdbc.queryForList(
                        "select distinct next_attempt_at from mail_outbox where tenant_id = ? and kind = 'WEEKLY'",
                        OffsetDateTime.class,
                        tenant.id()))
                .extracting(OffsetDateTime::toInstant)
                .containsExactly(eight.toInstant());
        assertThat(mail.messagesTo(credit.email()))
                .as("a preferred digest, no immediate email")
                .isEmpty();

        clock.set(eight.minusHours(12).toInstant());
        Wait.senderPolled(jdbc, clock);
        assertThat(mail.messagesTo(dutch.email())).as("nothing on Sunday").isEmpty();
        clock.set(eight.minusMinutes(1).toInstant());
        Wait.senderPolled(jdbc, clock);
        assertThat(mail.messagesTo(dutch.email()))
                .as("nothing at 07:59 on Monday")
                .isEmpty();
        assertThat(mail.messagesTo(credit.email())).isEmpty();

        clock.set(eight.toInstant());
        String day = eu.vigil.company.ReaderFormats.day(monday, java.util.Locale.of("nl"));
        CapturedMessage toDutch = awaitMail(dutch.email());
        assertThat(toDutch.subject())
                .contains("Weekly risk review")
                .contains("wekelijks overzicht")
                .contains(day)
                .contains("2 nieuw");
        assertThat(toDutch.text())
                .contains("Dinsdag Proef NV")
                .contains("Zaterdag Proef BV")
                .contains("Faillissement geopend")
                .contains("Normale toestand → Opening faillissement")
                .doesNotContain("000 → 050")
                .contains("Signalen (negatieve): 2")
                .contains("Lijsten: Suppliers")
                .contains("/companies/BE/" + saturday)
                .doesNotContain("Maandag Proef NV");
        CapturedMessage toFrench = awaitMail(french.email());
        assertThat(toFrench.subject())
                .contains("résumé hebdomadaire")
                .contains(eu.vigil.company.ReaderFormats.day(monday, java.util.Locale.FRENCH));
        assertThat(toFrench.text())
                .contains("Ouverture de faillite")
                .contains("Signaux négatifs : 2")
                .contains("Listes : Suppliers");
        CapturedMessage toCredit = awaitMail(credit.email());
        assertThat(toCredit.subject())
                .contains("Risk: negative signals")
                .contains("weekly digest")
                .contains(eu.vigil.company.ReaderFormats.day(monday, java.util.Locale.ENGLISH));
        assertThat(toCredit.text()).contains("Dinsdag Proef NV").contains("Zaterdag Proef BV");

        // an alert after Monday's digest waits for the next Monday, alone
        clock.set(eight.plusHours(2).toInstant());
        ingest(KboUpdates.update(today(), new KboUpdates.Enterprise(afterTheDigest, "Maandag Proef NV", "050", true)));
        ZonedDateTime nextEight = eight.plusWeeks(1);
        Wait.until("next week's rows", () -> count("""
                select count(*) from mail_outbox where tenant_id = ? and kind = 'WEEKLY' and status = 'PENDING'
                and next_attempt_at = ?""", tenant.id(), nextEight.toOffsetDateTime()) == 3);
        Wait.outboxSettled(jdbc, tenant.id(), clock);
        assertThat(mail.messagesTo(dutch.email())).as("exactly once").hasSize(1);
        assertThat(mail.messagesTo(credit.email())).hasSize(1);

        clock.set(nextEight.toInstant());
        Wait.until(
                "next week's digests",
                () -> mail.messagesTo(dutch.email()).size() == 2
                        && mail.messagesTo(french.email()).size() == 2
                        && mail.messagesTo(credit.email()).size() == 2);
        CapturedMessage nextWeek = mail.messagesTo(dutch.email()).getFirst();
        assertThat(nextWeek.subject())
                .contains(eu.vigil.company.ReaderFormats.day(monday.plusWeeks(1), java.util.Locale.of("nl")))
                .contains("1 nieuw");
        assertThat(nextWeek.text())
                .contains("Maandag Proef NV")
                .doesNotContain("Dinsdag Proef NV")
                .doesNotContain("Zaterdag Proef BV");

        // a week without alerts: no digest
        clock.set(nextEight.plusWeeks(1).plusMinutes(1).toInstant());
        Wait.senderPolled(jdbc, clock);
        Wait.outboxSettled(jdbc, tenant.id(), clock);
        assertThat(mail.messagesTo(dutch.email())).hasSize(2);
        assertThat(mail.messagesTo(french.email())).hasSize(2);
        assertThat(mail.messagesTo(credit.email())).hasSize(2);
        assertThat(mail.messagesTo(quietReader.email()))
                .as("a rule that matched nothing all along")
                .isEmpty();
        assertThat(jdbc.queryForList(
                        "select status from mail_outbox where tenant_id = ? and kind = 'WEEKLY'",
                        String.class,
                        tenant.id()))
                .hasSize(6)
                .containsOnly("SENT");
        assertThat(count("select count(*) from mail_outbox where rule_id = ?", weekly))
                .isEqualTo(4);
    }

    @Test
    void digestsFallDueAtTheirLocalHourAcrossDaylightSavingAndTimeZones() {
        // the night Brussels moves to summer time: 08:00 is 06:00 UTC the next morning, no longer 07:00
        assertThat(due("Europe/Brussels", "DAILY", "08:00", null, "2026-03-28T20:00:00Z"))
                .isEqualTo("2026-03-29T06:00:00Z");
        assertThat(due("Europe/Brussels", "DAILY", "08:00", null, "2026-03-27T20:00:00Z"))
                .isEqualTo("2026-03-28T07:00:00Z");
        // and back to winter time
        assertThat(due("Europe/Brussels", "DAILY", "08:00", null, "2026-10-24T20:00:00Z"))
                .isEqualTo("2026-10-25T07:00:00Z");
        // before the hour: today's; at or after it: tomorrow's
        assertThat(due("Europe/Brussels", "DAILY", "08:00", null, "2026-06-10T05:59:59Z"))
                .isEqualTo("2026-06-10T06:00:00Z");
        assertThat(due("Europe/Brussels", "DAILY", "08:00", null, "2026-06-10T06:00:00Z"))
                .isEqualTo("2026-06-11T06:00:00Z");
        // the tenant's own zone: 08:00 in New York, whose clocks change on other dates than Brussels'
        assertThat(due("America/New_York", "DAILY", "08:00", null, "2026-03-09T01:00:00Z"))
                .isEqualTo("2026-03-09T12:00:00Z");
        assertThat(due("America/New_York", "DAILY", "08:00", null, "2026-03-27T20:00:00Z"))
                .isEqualTo("2026-03-28T12:00:00Z");
        // weekly: the next Monday at 08:00 (2026-03-28 is a Saturday, the Monday after falls in summer time)
        assertThat(due("Europe/Brussels", "WEEKLY", "08:00", "MONDAY", "2026-03-28T12:00:00Z"))
                .isEqualTo("2026-03-30T06:00:00Z");
        assertThat(due("Europe/Brussels", "WEEKLY", "08:00", "MONDAY", "2026-03-30T06:00:00Z"))
                .isEqualTo("2026-04-06T06:00:00Z");
        assertThat(due("Europe/Brussels", "WEEKLY", "17:30", "FRIDAY", "2026-03-30T06:00:00Z"))
                .isEqualTo("2026-04-03T15:30:00Z");
        // a local time the clocks skip is the moment Java names for it too
        assertThat(due("Europe/Brussels", "DAILY", "02:30", null, "2026-03-28T20:00:00Z"))
                .isEqualTo(ZonedDateTime.of(LocalDate.of(2026, 3, 29), LocalTime.of(2, 30), BRUSSELS)
                        .toInstant()
                        .toString());
    }

    private String due(String zone, String mode, String at, String weekday, String after) {
        return jdbc.queryForObject(
                        "select alert_digest_due(?, ?, ?::time, ?, ?::timestamptz)",
                        OffsetDateTime.class,
                        zone,
                        mode,
                        at,
                        weekday,
                        after)
                .toInstant()
                .toString();
    }

    private UUID rule(TestTenant tenant, String defaultRule) {
        return jdbc.queryForObject(
                "select id from alert_rule where tenant_id = ? and default_rule = ?",
                UUID.class,
                tenant.id(),
                defaultRule);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private RunView ingest(byte[] extract) {
        RunView run = ingestion.ingestNow("kbo", new ByteArrayInputStream(extract), "digest-update.zip", true, "test");
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("COMPLETED");
        return run;
    }

    private static String today() {
        return KBO_DATE.format(LocalDate.now());
    }

    private CapturedMessage awaitMail(String to) {
        Wait.until("mail to " + to, () -> !mail.messagesTo(to).isEmpty());
        return mail.messagesTo(to).getFirst();
    }
}
