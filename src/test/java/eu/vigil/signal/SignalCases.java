package eu.vigil.signal;

import static eu.vigil.signal.ChProfile.accountsTo;
import static eu.vigil.signal.ChProfile.confirmationOverdue;
import static eu.vigil.signal.ChProfile.created;
import static eu.vigil.signal.ChProfile.detail;
import static eu.vigil.signal.ChProfile.dissolved;
import static eu.vigil.signal.ChProfile.hasCharges;
import static eu.vigil.signal.ChProfile.insolvencyHistory;
import static eu.vigil.signal.ChProfile.named;
import static eu.vigil.signal.ChProfile.officeAt;
import static eu.vigil.signal.ChProfile.same;
import static eu.vigil.signal.ChProfile.sic;
import static eu.vigil.signal.ChProfile.status;
import static eu.vigil.signal.KboCompany.activity;
import static eu.vigil.signal.KboCompany.contact;
import static eu.vigil.signal.KboCompany.establishments;
import static eu.vigil.signal.KboCompany.form;
import static eu.vigil.signal.KboCompany.leaves;
import static eu.vigil.signal.KboCompany.names;
import static eu.vigil.signal.KboCompany.noActivity;
import static eu.vigil.signal.KboCompany.returns;
import static eu.vigil.signal.KboCompany.seatAt;
import static eu.vigil.signal.KboCompany.seatStruckOff;
import static eu.vigil.signal.KboCompany.situation;
import static eu.vigil.signal.KboCompany.started;
import static eu.vigil.signal.KboCompany.unchanged;

import eu.vigil.demo.world.BodaccFileWriter;
import eu.vigil.demo.world.BodaccFileWriter.Notice;
import eu.vigil.demo.world.CompaniesHouseStreamWriter;
import eu.vigil.demo.world.CompaniesHouseStreamWriter.Envelope;
import eu.vigil.feed.FeedLines;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue, case by case: for every code, the feed input that makes it fire (a bureau line pair, an
 * accounts filing pair, KBO Update extracts) with the values and date it must be recorded with, and near
 * misses that must not fire it. Codes no shipped feed can produce are tested on the engine, or listed as
 * pending with the reason.
 *
 * <p>Placeholders in inputs and expected values: {@code {n}} the company's number, {@code {A}}.. other
 * companies of the case, {@code {O1}}.. officer ids unique to the company, {@code {E1}}.. its establishment numbers.
 */
final class SignalCases {

    private SignalCases() {}

    static final String KBO_DATE = "2026-10-01";
    /** The day the nightly filing-deadline check runs, after the feeds' "after" step. */
    static final String DEADLINE_CHECK = "2026-10-01";
    /** Companies House events of the "after" file are published that day (UTC), BODACC notices too. */
    static final String CH = "Companies House stream";

    static final String CH_DATE = "2026-10-01";
    static final String BODACC = "BODACC notices";
    static final String BODACC_DATE = "2026-10-01";
    static final String BODACC_NAME = "BOULANGERIE PROEF SARL";

    static final List<Case> FEED = List.of(
            // ---- identity (KBO Update extracts) ----
            kbo("NAME_CHANGED", unchanged(), names("001", "Vigil Nieuw NV")).values("Vigil Proef NV", "Vigil Nieuw NV"),
            kbo("ABBREVIATION_CHANGED", unchanged(), names("002", "VPN")).values(null, "VPN"),
            kbo("ABBREVIATION_CHANGED", names("002", "VPN"), names("002", "VP")).values("VPN", "VP"),
            kbo("ABBREVIATION_CHANGED", names("002", "VPN"), names("002")).values("VPN", null),
            kbo("COMMERCIAL_NAME_ADDED", unchanged(), names("003", "Bakkerij Proef"))
                    .values(null, "Bakkerij Proef")
                    .nearMiss(kboPair(names("003", "Bakkerij Proef"), names("002", "BP"))),
            kbo("COMMERCIAL_NAME_REMOVED", names("003", "Bakkerij Proef", "Proefhuis"), names("003", "Proefhuis"))
                    .values("Bakkerij Proef, Proefhuis", "Proefhuis"),
            kbo("LEGAL_FORM_CHANGED", unchanged(), form("610")).values("014", "610"),
            kbo("SEAT_MOVED", unchanged(), seatAt("", "", "9000", "Gent", "Stationsstraat", "5"))
                    .values("Kerkstraat 1, 2000 Antwerpen", "Stationsstraat 5, 9000 Gent"),
            kbo(
                            "SEAT_MOVED_ABROAD",
                            unchanged(),
                            seatAt("Frankrijk", "France", "75001", "Paris", "Rue de Rivoli", "10"))
                    .values("BE", "Frankrijk")
                    .also("SEAT_MOVED")
                    .nearMiss(kboPair(unchanged(), seatAt("", "", "1000", "Brussel", "Wetstraat", "16"))),
            kbo("ADDRESS_STRUCK_OFF", unchanged(), seatStruckOff("28-09-2026")).values(null, "2026-09-28"),
            kbo("ESTABLISHMENT_OPENED", establishments(1), establishments(1, 2)).values("{E1}", "{E1}, {E2}"),
            kbo("ESTABLISHMENT_CLOSED", establishments(1, 2), establishments(1))
                    .values("{E1}, {E2}", "{E1}")
                    .nearMiss(kboPair(establishments(1, 2), establishments(1, 2, 3))),
            kbo("ALL_ESTABLISHMENTS_CLOSED", establishments(1), establishments())
                    .values("{E1}", null)
                    .also("ESTABLISHMENT_CLOSED")
                    .nearMiss(kboPair(establishments(1, 2), establishments(2))),
            kbo(
                            "MAIN_ACTIVITY_CHANGED",
                            unchanged(),
                            then(noActivity("003", "62100", "MAIN"), activity("003", "62200", "MAIN")))
                    .values("62100", "62200"),
            kbo("ACTIVITY_ADDED", unchanged(), activity("003", "70220", "SECO")).values(null, "70220"),
            kbo("ACTIVITY_REMOVED", activity("003", "70220", "SECO"), noActivity("003", "70220", "SECO"))
                    .values("70220", null),
            kbo("PHONE_CHANGED", contact("TEL", "03/123.45.67"), contact("TEL", "09/765.43.21"))
                    .values("03/123.45.67", "09/765.43.21")
                    .nearMiss(kboPair(unchanged(), contact("TEL", "03/123.45.67"))),
            kbo("EMAIL_CHANGED", contact("EMAIL", "info@proef.be"), contact("EMAIL", "hallo@proef.be"))
                    .values("info@proef.be", "hallo@proef.be"),
            kbo("WEBSITE_CHANGED", contact("WEB", "www.proef.be"), contact("WEB", "www.proef.eu"))
                    .values("www.proef.be", "www.proef.eu"),
            kbo("VAT_ACTIVITY_STARTED", unchanged(), activity("001", "62100", "MAIN"))
                    .values("003", "001, 003")
                    .nearMiss(kboPair(unchanged(), activity("006", "62100", "MAIN"))),
            kbo("VAT_ACTIVITY_ENDED", activity("001", "62100", "MAIN"), noActivity("001", "62100", "MAIN"))
                    .values("001, 003", "003"),
            kbo("EMPLOYER_REGISTERED", unchanged(), activity("006", "62100", "MAIN"))
                    .values("003", "003, 006"),
            kbo("EMPLOYER_DEREGISTERED", activity("006", "62100", "MAIN"), noActivity("006", "62100", "MAIN"))
                    .values("003, 006", "003")
                    .nearMiss(kboPair(activity("006", "62100", "MAIN"), noActivity("003", "62100", "MAIN"))),
            firstSeenInKbo("COMPANY_REGISTERED", "01-09-2026")
                    .values(null, "2026-09-01")
                    .nearMiss(firstSeenInKboPlant("02-07-2026")),

            // ---- status (KBO) ----
            kbo("CEASED_ACTIVE", unchanged(), leaves()).values("true", "false"),
            kboThroughMid("REACTIVATED", leaves(), returns()).values("false", "true"),
            kbo("BANKRUPTCY_OPENED", unchanged(), situation("048")).values("000", "048"),
            kbo("BANKRUPTCY_OPENED", unchanged(), situation("049")).values("000", "049"),
            kbo("BANKRUPTCY_OPENED", situation("091"), situation("050")).values("091", "050"),
            kbo("BANKRUPTCY_CLOSED", situation("049"), situation("051"))
                    .values("049", "051")
                    .nearMiss(kboPair(situation("051"), situation("052"))),
            kbo("BANKRUPTCY_REVOKED", situation("049"), situation("000"))
                    .values("049", "000")
                    .nearMiss(kboPair(situation("049"), situation("051"))),
            kbo("REORGANISATION_OPENED", unchanged(), situation("091")).values("000", "091"),
            kbo("REORGANISATION_ENDED", situation("091"), situation("000"))
                    .values("091", "000")
                    .nearMiss(kboPair(situation("091"), situation("049"))),
            kbo("MORATORIUM_OPENED", unchanged(), situation("040")).values("000", "040"),
            kbo("MORATORIUM_OPENED", unchanged(), situation("041")).values("000", "041"),
            kbo("LIQUIDATION_OPENED", unchanged(), situation("012")).values("000", "012"),
            kbo("LIQUIDATION_REOPENED", situation("014"), situation("112")).values("014", "112"),
            kbo("LIQUIDATION_CLOSED", situation("012"), situation("014")).values("012", "014"),
            kbo("DISSOLVED_BY_LAW", unchanged(), situation("010")).values("000", "010"),
            kbo("DISSOLVED_BY_COURT", unchanged(), situation("013")).values("000", "013"),
            kbo("STRUCK_OFF", unchanged(), situation("111")).values("000", "111"),
            kbo("MERGED_INTO_OTHER", unchanged(), situation("021")).values("000", "021"),
            kbo("MERGED_INTO_OTHER", unchanged(), situation("022")).values("000", "022"),
            kbo("DEMERGED", unchanged(), situation("023")).values("000", "023"),
            kbo("DEMERGED", unchanged(), situation("026")).values("000", "026"),
            kbo("SINGLE_SHAREHOLDER", unchanged(), situation("020"))
                    .values("000", "020")
                    .nearMiss(kboPair(situation("000"), situation("001"))),

            // ---- governance (bureau officers, auditor, parent) ----
            bureau(
                            "DIRECTOR_APPOINTED",
                            officers(eva()),
                            officers(eva(), officer("{O2}", "Maes, Lucas", "director", "2026-09-20")))
                    .values(null, "Maes, Lucas (director, {O2})")
                    .on("2026-09-20")
                    .nearMiss(bureauPair(officers(eva()), "\"rating\":\"A\"")),
            bureau(
                            "DIRECTOR_RESIGNED",
                            officers(eva(), officer("{O2}", "Maes, Lucas", "director", "2018-01-01")),
                            officers(eva()))
                    .values("Maes, Lucas (director, {O2})", null),
            bureau(
                            "MANAGING_DIRECTOR_CHANGED",
                            officers(eva()),
                            officers(officer("{O2}", "Maes, Lucas", "managing-director", "2020-05-01")))
                    .values("Jansen, Eva", "Maes, Lucas")
                    .also("DIRECTOR_APPOINTED", "DIRECTOR_RESIGNED")
                    .nearMiss(bureauPair(
                            officers(eva()),
                            officers(eva(), officer("{O2}", "Maes, Lucas", "director", "2020-05-01")))),
            bureau(
                            "BOARD_TURNOVER_HIGH",
                            officers(
                                    officer("{O1}", "Claes, Jan", "director", "2015-01-01"),
                                    officer("{O2}", "Goossens, An", "director", "2015-01-01")),
                            officers(
                                    officer("{O3}", "Willems, Noah", "director", "2026-03-01"),
                                    officer("{O4}", "Mertens, Zoë", "director", "2026-06-01")))
                    .values(
                            "Claes, Jan (director, {O1}), Goossens, An (director, {O2})",
                            "Mertens, Zoë (director, {O4}), Willems, Noah (director, {O3})")
                    .also("DIRECTOR_APPOINTED", "DIRECTOR_APPOINTED", "DIRECTOR_RESIGNED", "DIRECTOR_RESIGNED")
                    .nearMiss(bureauPair(
                            officers(
                                    officer("{O1}", "Claes, Jan", "director", "2015-01-01"),
                                    officer("{O2}", "Goossens, An", "director", "2015-01-01"),
                                    officer("{O3}", "Willems, Noah", "director", "2015-01-01")),
                            officers(
                                    officer("{O1}", "Claes, Jan", "director", "2015-01-01"),
                                    officer("{O2}", "Goossens, An", "director", "2015-01-01"),
                                    officer("{O4}", "Mertens, Zoë", "director", "2026-06-01")))),
            bureau("NO_DIRECTOR_LEFT", officers(eva()), "\"officers\":[]")
                    .values("Jansen, Eva (managing-director, {O1})", null)
                    .also("DIRECTOR_RESIGNED")
                    .nearMiss(bureauPair(officers(eva()), "\"rating\":\"A\"")),
            bureau("AUDITOR_APPOINTED", "\"rating\":\"A\"", "\"auditor\":{\"id\":\"B{n}\",\"name\":\"Audit & Co\"}")
                    .values(null, "Audit & Co (B{n})"),
            bureau(
                            "AUDITOR_RESIGNED",
                            "\"auditor\":{\"id\":\"B{n}\",\"name\":\"Audit & Co\"}",
                            "\"auditor\":{\"id\":\"C{n}\",\"name\":\"Revisoren Proef\"}")
                    .values("Audit & Co (B{n})", "Revisoren Proef (C{n})")
                    .nearMiss(bureauPair("\"auditor\":{\"id\":\"B{n}\",\"name\":\"Audit & Co\"}", "\"rating\":\"A\"")),
            bureau("PARENT_CHANGED", parent("{A}"), parent("{B}")).values("BE {A}", "BE {B}"),
            bureau("PARENT_CHANGED", "\"rating\":\"A\"", parent("{A}"))
                    .values(null, "BE {A}")
                    .nearMiss(bureauPair(parent("{A}"), "\"rating\":\"A\"")),

            // ---- governance across companies (network) ----
            network("DIRECTOR_LINKED_TO_BANKRUPTCY", (feeds, c) -> {
                        String failed = c.other("A");
                        feeds.bureau(
                                failed,
                                c.fill(officers(officer("{O9}", "Peeters, Marc", "director", "2012-01-01"))),
                                null);
                        feeds.kbo(failed, new KboCompany(), null, new KboCompany().with(situation("049")));
                        feeds.bureau(
                                c.number,
                                c.fill(officers(eva())),
                                c.fill(officers(eva(), officer("{O9}", "Peeters, Marc", "director", "2012-01-01"))));
                    })
                    .values(null, "Peeters, Marc: BE {A} (" + KBO_DATE + ")")
                    .on(CoverageFeeds.BUREAU_AFTER)
                    .also("DIRECTOR_APPOINTED")
                    .nearMiss((feeds, c) -> {
                        String healthy = c.other("A");
                        feeds.bureau(
                                healthy,
                                c.fill(officers(officer("{O9}", "Peeters, Marc", "director", "2012-01-01"))),
                                null);
                        feeds.kbo(healthy, new KboCompany(), null, new KboCompany().with(situation("091")));
                        feeds.bureau(
                                c.number,
                                c.fill(officers(eva())),
                                c.fill(officers(eva(), officer("{O9}", "Peeters, Marc", "director", "2012-01-01"))));
                    }),
            network("DIRECTOR_LINKED_TO_HEALTHY_COMPANIES", (feeds, c) -> {
                        feeds.bureau(
                                c.other("A"),
                                c.fill("\"risk_class\":2,"
                                        + officers(officer("{O9}", "Wouters, Ine", "director", "2016-01-01"))),
                                null);
                        feeds.bureau(
                                c.number,
                                c.fill(officers(eva())),
                                c.fill(officers(eva(), officer("{O9}", "Wouters, Ine", "director", "2016-01-01"))));
                    })
                    .values(null, "Wouters, Ine: BE {A}")
                    .also("DIRECTOR_APPOINTED")
                    .nearMiss((feeds, c) -> {
                        feeds.bureau(
                                c.other("A"),
                                c.fill("\"risk_class\":2,"
                                        + officers(officer("{O9}", "Wouters, Ine", "director", "2016-01-01"))),
                                null);
                        feeds.bureau(
                                c.other("B"),
                                c.fill("\"risk_class\":3,"
                                        + officers(officer("{O9}", "Wouters, Ine", "director", "2016-01-01"))),
                                null);
                        feeds.bureau(
                                c.number,
                                c.fill(officers(eva())),
                                c.fill(officers(eva(), officer("{O9}", "Wouters, Ine", "director", "2016-01-01"))));
                    }),
            network("PARENT_IN_DISTRESS", (feeds, c) -> {
                        String parent = c.other("P");
                        feeds.kbo(parent, new KboCompany(), null, new KboCompany().with(situation("049")));
                        feeds.bureau(c.number, c.fill(parent("{P}")), null);
                    })
                    .values(null, "BE {P}: BANKRUPTCY_OPENED")
                    .on(KBO_DATE)
                    .nearMiss((feeds, c) -> {
                        String parent = c.other("P");
                        feeds.kbo(parent, new KboCompany(), null, new KboCompany().with(situation("091")));
                        feeds.bureau(c.number, c.fill(parent("{P}")), null);
                    }),
            network("SUBSIDIARY_IN_DISTRESS", (feeds, c) -> {
                        String subsidiary = c.other("S");
                        feeds.bureau(c.number, "\"rating\":\"A\"", null);
                        feeds.bureau(subsidiary, c.fill(parent("{n}")), null);
                        feeds.kbo(subsidiary, new KboCompany(), null, new KboCompany().with(situation("049")));
                    })
                    .values(null, "BE {S}: BANKRUPTCY_OPENED")
                    .on(KBO_DATE)
                    .nearMiss((feeds, c) -> {
                        String subsidiary = c.other("S");
                        feeds.bureau(c.number, "\"rating\":\"A\"", null);
                        feeds.bureau(subsidiary, c.fill(parent("{n}")), null);
                        feeds.kbo(subsidiary, new KboCompany(), null, new KboCompany().with(situation("091")));
                    }),

            // ---- capital and accounts (accounts feed) ----
            accounts("ACCOUNTS_FILED", List.of(filing(2024, "\"70\":1000")), filing(2025, "\"70\":1000"))
                    .values("2024-12-31", "2025-12-31")
                    .nearMiss(accountsPair(
                            List.of(filing(2024, "\"70\":1000")), filed(2024, "\"70\":1050", "2025-07-15", null))),
            accounts(
                            "ACCOUNTS_FILED_LATE",
                            List.of(filing(2024, "\"70\":1000")),
                            filed(2025, "\"70\":1000", "2026-11-15", null))
                    .values("false", "true")
                    .also("ACCOUNTS_FILED")
                    .nearMiss(accountsPair(
                            List.of(filing(2024, "\"70\":1000")), filed(2025, "\"70\":1000", "2026-08-30", null))),
            deadline("ACCOUNTS_OVERDUE", List.of(filing(2024, "\"70\":1000")))
                    .values("last filed period ended 2024-12-31", "period ending 2025-12-31 due by 2026-08-30")
                    .on("2026-08-31")
                    .nearMiss(accountsPair(List.of(filing(2024, "\"70\":1000")), filing(2025, "\"70\":1000"))),
            deadline("ACCOUNTS_MISSING_TWO_YEARS", List.of(filing(2023, "\"70\":1000")))
                    .values("last filed period ended 2023-12-31", "period ending 2024-12-31 due by 2026-08-30")
                    .on("2026-08-31")
                    .also("ACCOUNTS_OVERDUE")
                    .nearMiss(accountsPair(List.of(filing(2024, "\"70\":1000")), null)),
            rubric("CAPITAL_INCREASED", "100", "62000", "80000").nearMiss(rubricPair("100", "62000", "62000")),
            rubric("CAPITAL_DECREASED", "100", "62000", "18600").nearMiss(rubricPair("100", "62000", "62000")),
            accounts("EQUITY_NEGATIVE", List.of(filing(2024, "\"10/15\":100")), filing(2025, "\"10/15\":-10"))
                    .values("100", "-10")
                    .also("ACCOUNTS_FILED", "EQUITY_DOWN_25")
                    .nearMiss(rubricPair("10/15", "100", "0")),
            accounts(
                            "EQUITY_BELOW_HALF_CAPITAL",
                            List.of(filing(2024, "\"10/15\":520,\"100\":1000")),
                            filing(2025, "\"10/15\":480,\"100\":1000"))
                    .values("520", "480")
                    .also("ACCOUNTS_FILED")
                    .nearMiss(accountsPair(
                            List.of(filing(2024, "\"10/15\":520,\"100\":1000")),
                            filing(2025, "\"10/15\":500,\"100\":1000"))),
            rubric("EQUITY_UP_25", "10/15", "1000", "1300").nearMiss(rubricPair("10/15", "1000", "1250")),
            rubric("EQUITY_DOWN_25", "10/15", "1000", "700").nearMiss(rubricPair("10/15", "1000", "750")),
            rubric("TURNOVER_UP_20", "70", "1000000", "1250000")
                    .nearMiss(rubricPair("70", "1000000", "1190000"))
                    .nearMiss(rubricPair("70", "1000000", "1200000")),
            rubric("TURNOVER_DOWN_20", "70", "1000000", "750000")
                    .nearMiss(rubricPair("70", "1000000", "810000"))
                    .nearMiss(rubricPair("70", "1000000", "800000")),
            rubric("GROSS_MARGIN_UP_20", "9900", "200000", "250000").nearMiss(rubricPair("9900", "200000", "238000")),
            rubric("GROSS_MARGIN_DOWN_20", "9900", "200000", "150000").nearMiss(rubricPair("9900", "200000", "162000")),
            rubric("OPERATING_RESULT_TURNED_NEGATIVE", "9901", "42000", "-5000")
                    .nearMiss(rubricPair("9901", "42000", "0")),
            rubric("OPERATING_RESULT_TURNED_POSITIVE", "9901", "-5000", "42000")
                    .nearMiss(rubricPair("9901", "-5000", "-1")),
            accounts("NET_RESULT_TURNED_LOSS", List.of(filing(2024, "\"9904\":18000")), filing(2025, "\"9904\":-3000"))
                    .values("18000", "-3000")
                    .also("ACCOUNTS_FILED")
                    .nearMiss(accountsPair(List.of(filing(2024, "\"9904\":18000")), filing(2025, "\"9904\":0"))),
            accounts(
                            "NET_RESULT_TURNED_PROFIT",
                            List.of(filing(2024, "\"9904\":-3000")),
                            filing(2025, "\"9904\":18000"))
                    .values("-3000", "18000")
                    .also("ACCOUNTS_FILED")
                    .nearMiss(accountsPair(List.of(filing(2024, "\"9904\":-3000")), filing(2025, "\"9904\":-1"))),
            accounts(
                            "LOSSES_THREE_YEARS",
                            List.of(filing(2023, "\"9904\":-1000"), filing(2024, "\"9904\":-2000")),
                            filing(2025, "\"9904\":-3000"))
                    .values("-2000", "-3000")
                    .also("ACCOUNTS_FILED")
                    .nearMiss(accountsPair(
                            List.of(filing(2023, "\"9904\":1000"), filing(2024, "\"9904\":-2000")),
                            filing(2025, "\"9904\":-3000"))),
            accounts(
                            "CURRENT_RATIO_BELOW_1",
                            List.of(filing(2024, "\"29/58\":1100,\"42/48\":1000")),
                            filing(2025, "\"29/58\":950,\"42/48\":1000"))
                    .values("1.1", "0.95")
                    .also("ACCOUNTS_FILED")
                    .nearMiss(accountsPair(
                            List.of(filing(2024, "\"29/58\":1100,\"42/48\":1000")),
                            filing(2025, "\"29/58\":1000,\"42/48\":1000"))),
            accounts(
                            "CURRENT_RATIO_RECOVERED",
                            List.of(filing(2024, "\"29/58\":950,\"42/48\":1000")),
                            filing(2025, "\"29/58\":1100,\"42/48\":1000"))
                    .values("0.95", "1.1")
                    .also("ACCOUNTS_FILED")
                    .nearMiss(accountsPair(
                            List.of(filing(2024, "\"29/58\":950,\"42/48\":1000")),
                            filing(2025, "\"29/58\":1000,\"42/48\":1000"))),
            accounts(
                            "SOLVENCY_BELOW_10",
                            List.of(filing(2024, "\"10/15\":110,\"20/58\":1000")),
                            filing(2025, "\"10/15\":95,\"20/58\":1000"))
                    .values("110", "95")
                    .also("ACCOUNTS_FILED")
                    .nearMiss(accountsPair(
                            List.of(filing(2024, "\"10/15\":110,\"20/58\":1000")),
                            filing(2025, "\"10/15\":100,\"20/58\":1000"))),
            rubric("CASH_DOWN_50", "54/58", "310000", "155000").nearMiss(rubricPair("54/58", "310000", "155001")),
            rubric("SHORT_TERM_DEBT_UP_50", "42/48", "1000", "1501").nearMiss(rubricPair("42/48", "1000", "1500")),
            rubric("TOTAL_ASSETS_UP_25", "20/58", "4000000", "5000001")
                    .nearMiss(rubricPair("20/58", "4000000", "5000000")),
            rubric("INVESTMENT_UP_25", "21/28", "1900000", "2375001")
                    .nearMiss(rubricPair("21/28", "1900000", "2375000")),
            rubric("HEADCOUNT_UP_20", "9087", "41.5", "50").nearMiss(rubricPair("9087", "41.5", "49.8")),
            rubric("HEADCOUNT_DOWN_20", "9087", "41.5", "33").nearMiss(rubricPair("9087", "41.5", "33.2")),
            rubric("OVERDUE_TAX_DEBT", "9072", "0", "4500").nearMiss(rubricPair("9072", "0", "0")),
            rubric("OVERDUE_SOCIAL_DEBT", "9076", "0", "12000").nearMiss(rubricPair("9076", "12000", "15000")),
            opinion("AUDIT_OPINION_QUALIFIED", "unqualified", "qualified")
                    .nearMiss(opinionPair("unqualified", "unqualified")),
            opinion("AUDIT_OPINION_QUALIFIED", "unqualified", "adverse").nearMiss(opinionPair("qualified", "adverse")),
            opinion("AUDIT_OPINION_QUALIFIED", "unqualified", "disclaimer"),
            opinion("GOING_CONCERN_DOUBT", "unqualified", "going-concern")
                    .nearMiss(opinionPair("unqualified", "qualified")),

            // ---- scores (bureau) ----
            bureau("RATING_UPGRADED", "\"rating\":\"BB\"", "\"rating\":\"BBB\"")
                    .values("BB", "BBB")
                    .nearMiss(bureauPair("\"rating\":\"NR\"", "\"rating\":\"BBB\"")),
            bureau("RATING_DOWNGRADED", "\"rating\":\"BB\"", "\"rating\":\"B\"")
                    .values("BB", "B")
                    .nearMiss(bureauPair("\"rating\":\"BB\"", "\"rating\":\"NR\"")),
            bureau("RATING_WITHDRAWN", "\"rating\":\"BB\"", "\"rating\":\"NR\"").values("BB", "NR"),
            bureau("RISK_CLASS_HIGH", "\"risk_class\":3", "\"risk_class\":4")
                    .values("3", "4")
                    .nearMiss(bureauPair("\"risk_class\":4", "\"risk_class\":5"))
                    .nearMiss(bureauPair("\"risk_class\":2", "\"risk_class\":3")),
            bureau("RISK_CLASS_RECOVERED", "\"risk_class\":4", "\"risk_class\":3")
                    .values("4", "3")
                    .nearMiss(bureauPair("\"risk_class\":5", "\"risk_class\":4")),
            bureau("PD_DOUBLED", "\"pd\":0.021", "\"pd\":0.042")
                    .values("0.021", "0.042")
                    .nearMiss(bureauPair("\"pd\":0.021", "\"pd\":0.0419")),
            bureau("PD_HALVED", "\"pd\":0.042", "\"pd\":0.021")
                    .values("0.042", "0.021")
                    .nearMiss(bureauPair("\"pd\":0.042", "\"pd\":0.0211")),
            bureau("CREDIT_LIMIT_UP", "\"credit_limit\":150000", "\"credit_limit\":180001")
                    .values("150000", "180001")
                    .nearMiss(bureauPair("\"credit_limit\":150000", "\"credit_limit\":180000")),
            bureau("CREDIT_LIMIT_DOWN", "\"credit_limit\":150000", "\"credit_limit\":119999")
                    .values("150000", "119999")
                    .nearMiss(bureauPair("\"credit_limit\":150000", "\"credit_limit\":120000")),
            bureau("CREDIT_LIMIT_WITHDRAWN", "\"credit_limit\":150000", "\"credit_limit\":0")
                    .values("150000", "0")
                    .also("CREDIT_LIMIT_DOWN")
                    .nearMiss(bureauPair("\"credit_limit\":150000", "\"credit_limit\":1")),
            points("PAYMENT_SCORE_UP", "payment_score", 62, 72),
            points("PAYMENT_SCORE_DOWN", "payment_score", 72, 62),
            points("GROWTH_SCORE_UP", "growth_score", 61, 71),
            points("GROWTH_SCORE_DOWN", "growth_score", 61, 51),
            points("DISSOLUTION_SCORE_UP", "dissolution_score", 8, 18),
            points("DISSOLUTION_SCORE_DOWN", "dissolution_score", 18, 8),
            points("MULTISCORE_UP", "multiscore", 64, 74),
            points("MULTISCORE_DOWN", "multiscore", 64, 54),

            // ---- payment behaviour and legal incidents (bureau) ----
            points("DBT_UP", "dbt_days", 9, 24),
            points("DBT_DOWN", "dbt_days", 24, 9),
            incident(
                    "PAYMENT_INCIDENT",
                    "payment_incidents",
                    "{\"date\":\"2026-09-15\",\"amount\":12000,\"days_late\":75}",
                    "2026-09-15 · 12000 · 75 d",
                    "2026-09-15"),
            incident(
                    "PROTEST_REGISTERED",
                    "protests",
                    "{\"date\":\"2026-09-02\",\"amount\":4200}",
                    "2026-09-02 · 4200",
                    "2026-09-02"),
            bureau("PROTEST_CLEARED", "\"protests\":[{\"date\":\"2026-08-02\",\"amount\":4200}]", "\"protests\":[]")
                    .values("2026-08-02 · 4200", null)
                    .nearMiss(
                            bureauPair("\"protests\":[{\"date\":\"2026-08-02\",\"amount\":4200}]", "\"rating\":\"A\""))
                    .nearMiss(bureauPair(
                            "\"protests\":[{\"date\":\"2026-08-02\",\"amount\":4200},{\"date\":\"2026-08-20\",\"amount\":100}]",
                            "\"protests\":[{\"date\":\"2026-08-20\",\"amount\":100}]")),
            incident(
                    "SEIZURE_REGISTERED",
                    "seizures",
                    "{\"date\":\"2026-09-10\",\"amount\":20000}",
                    "2026-09-10 · 20000",
                    "2026-09-10"),
            incident(
                    "SOCIAL_SECURITY_SUMMONS",
                    "social_security_summons",
                    "{\"date\":\"2026-09-11\",\"description\":\"RSZ dagvaarding\"}",
                    "2026-09-11 · RSZ dagvaarding",
                    "2026-09-11"),
            incident(
                    "TAX_DEBT_REGISTERED",
                    "tax_debts",
                    "{\"date\":\"2026-09-12\",\"amount\":7300}",
                    "2026-09-12 · 7300",
                    "2026-09-12"),
            incident(
                    "JUDGMENT_REGISTERED",
                    "judgments",
                    "{\"date\":\"2026-09-13\",\"description\":\"Ondernemingsrechtbank Gent\"}",
                    "2026-09-13 · Ondernemingsrechtbank Gent",
                    "2026-09-13"),

            // ---- Companies House streams (GB): its own codes ----
            ch("ADMINISTRATION_ENTERED", same(), status("administration"))
                    .values("active", "administration")
                    .nearMiss(insolvencyPlant(insolvencyCase(
                            "1",
                            "in-administration",
                            dates(
                                    "administration-started-on",
                                    "2026-01-05",
                                    "administration-ended-on",
                                    "2026-06-30")))),
            chCases(
                            "ADMINISTRATION_ENTERED",
                            insolvencyCase("1", "in-administration", dates("administration-started-on", "2026-09-28")))
                    .values("active", "administration")
                    .on("2026-09-28"),
            ch("RECEIVERSHIP_ENTERED", same(), status("receivership"))
                    .values("active", "receivership")
                    .nearMiss(chPair(status("receivership"), named("VIGIL ONTVANGEN LIMITED"))),
            chCases(
                            "RECEIVERSHIP_ENTERED",
                            insolvencyCase("2", "receiver-manager", dates("instrumented-on", "2026-09-27")))
                    .values("active", "receivership")
                    .on("2026-09-27"),
            ch("STRIKE_OFF_PROPOSED", same(), detail("active-proposal-to-strike-off"))
                    .values("active", "active-proposal-to-strike-off")
                    .nearMiss(chPair(detail("active-proposal-to-strike-off"), detail(null))),
            ch("INSOLVENCY_HISTORY_FLAGGED", same(), insolvencyHistory(true))
                    .values("false", "true")
                    .nearMiss(chPair(insolvencyHistory(true), officeAt("2 Station Road", "Leeds", "LS1 4DY"))),
            ch("CONFIRMATION_STATEMENT_OVERDUE", same(), confirmationOverdue(true))
                    .values("false", "true")
                    .nearMiss(chPair(confirmationOverdue(true), confirmationOverdue(false))),
            new Case(
                            "CHARGE_REGISTERED",
                            CH,
                            (feeds, c) -> feeds.ch(
                                    List.of(charge(feeds, c, 1, "outstanding", "2019-04-02", CoverageFeeds.CH_BEFORE)),
                                    List.of(charge(feeds, c, 2, "outstanding", "2026-09-24", CoverageFeeds.CH_AFTER))),
                            CH_DATE)
                    .in("GB")
                    .values(null, "Charge 2: Legal mortgage (Lloyds Bank PLC)")
                    .on("2026-09-24")
                    .nearMiss((feeds, c) -> feeds.ch(
                            List.of(charge(feeds, c, 1, "outstanding", "2019-04-02", CoverageFeeds.CH_BEFORE)),
                            List.of(charge(feeds, c, 1, "fully-satisfied", "2019-04-02", CoverageFeeds.CH_AFTER)))),
            ch("CHARGE_REGISTERED", same(), hasCharges(true))
                    .values(null, "Charges registered (company profile)")
                    .nearMiss(chPair(hasCharges(true), named("VIGIL GEZEKERD LIMITED"))),
            new Case(
                            "DIRECTOR_DISQUALIFIED",
                            CH,
                            (feeds, c) -> feeds.ch(
                                    List.of(appointment(
                                            feeds,
                                            c,
                                            "{O1}",
                                            "SMITH, John",
                                            "2015-01-10",
                                            null,
                                            CoverageFeeds.CH_BEFORE)),
                                    List.of(disqualification(feeds, c, "{O1}", CoverageFeeds.CH_AFTER))),
                            CH_DATE)
                    .in("GB")
                    .values(null, "SMITH, John (disqualified from 2026-09-15 until 2031-09-14)")
                    .on("2026-09-15")
                    .nearMiss((feeds, c) -> feeds.ch(
                            List.of(appointment(
                                    feeds, c, "{O1}", "SMITH, John", "2015-01-10", null, CoverageFeeds.CH_BEFORE)),
                            List.of(disqualification(feeds, c, "{O9}", CoverageFeeds.CH_AFTER)))),
            new Case(
                            "DIRECTOR_DISQUALIFIED",
                            CH,
                            (feeds, c) -> feeds.ch(
                                    List.of(
                                            appointment(
                                                    feeds,
                                                    c,
                                                    "{O1}",
                                                    "JANSEN, Eva",
                                                    "2015-01-10",
                                                    null,
                                                    CoverageFeeds.CH_BEFORE),
                                            disqualification(feeds, c, "{O2}", CoverageFeeds.CH_BEFORE)),
                                    List.of(appointment(
                                            feeds,
                                            c,
                                            "{O2}",
                                            "SMITH, John",
                                            "2026-09-20",
                                            null,
                                            CoverageFeeds.CH_AFTER))),
                            CH_DATE)
                    .in("GB")
                    .values(null, "SMITH, John (disqualified from 2026-09-15 until 2031-09-14)")
                    .on("2026-09-15")
                    .also("DIRECTOR_APPOINTED"),

            // ---- Companies House streams (GB): the generic codes ----
            ch("NAME_CHANGED", same(), named("VIGIL NIEUW LIMITED"))
                    .values("VIGIL PROEF LIMITED", "VIGIL NIEUW LIMITED"),
            ch("SEAT_MOVED", same(), officeAt("2 Station Road", "Leeds", "LS1 4DY"))
                    .values("1 Church Street, London, EC1A 1AA", "2 Station Road, Leeds, LS1 4DY"),
            ch("MAIN_ACTIVITY_CHANGED", same(), sic("62020"))
                    .values("62012", "62020")
                    .nearMiss(chPair(same(), sic("62012", "70229"))),
            ch("LIQUIDATION_OPENED", same(), status("liquidation")).values("000", "012"),
            ch("REORGANISATION_OPENED", same(), status("voluntary-arrangement")).values("000", "091"),
            ch("REORGANISATION_ENDED", status("voluntary-arrangement"), status("active"))
                    .values("091", "000"),
            chCases(
                            "MORATORIUM_OPENED",
                            insolvencyCase("1", "moratorium", dates("moratorium-started-on", "2026-09-27")))
                    .values("000", "040")
                    .on("2026-09-27"),
            ch("CEASED_ACTIVE", same(), dissolved("2026-09-29"))
                    .values("true", "false")
                    .on("2026-09-29"),
            ch("ACCOUNTS_FILED", same(), accountsTo("2025-12-31")).values("2024-12-31", "2025-12-31"),
            new Case("COMPANY_REGISTERED", CH + " (first sight)", chFirstSeen("2026-09-15"), CH_DATE)
                    .in("GB")
                    .values(null, "2026-09-15")
                    .nearMiss(chFirstSeen("2026-06-01")),
            new Case(
                            "DIRECTOR_APPOINTED",
                            CH,
                            (feeds, c) -> feeds.ch(
                                    List.of(appointment(
                                            feeds,
                                            c,
                                            "{O1}",
                                            "JANSEN, Eva",
                                            "2015-01-10",
                                            null,
                                            CoverageFeeds.CH_BEFORE)),
                                    List.of(appointment(
                                            feeds,
                                            c,
                                            "{O2}",
                                            "MAES, Lucas",
                                            "2026-09-20",
                                            null,
                                            CoverageFeeds.CH_AFTER))),
                            CH_DATE)
                    .in("GB")
                    .values(null, "MAES, Lucas (director)")
                    .on("2026-09-20")
                    .nearMiss((feeds, c) -> feeds.ch(
                            List.of(
                                    appointment(
                                            feeds,
                                            c,
                                            "{O1}",
                                            "JANSEN, Eva",
                                            "2015-01-10",
                                            null,
                                            CoverageFeeds.CH_BEFORE),
                                    appointment(
                                            feeds,
                                            c,
                                            "{O2}",
                                            "MAES, Lucas",
                                            "2016-01-10",
                                            null,
                                            CoverageFeeds.CH_BEFORE)),
                            List.of(appointment(
                                    feeds, c, "{O2}", "MAES, Lucas", "2016-01-10", null, CoverageFeeds.CH_AFTER)))),
            new Case(
                            "DIRECTOR_RESIGNED",
                            CH,
                            (feeds, c) -> feeds.ch(
                                    List.of(
                                            appointment(
                                                    feeds,
                                                    c,
                                                    "{O1}",
                                                    "JANSEN, Eva",
                                                    "2015-01-10",
                                                    null,
                                                    CoverageFeeds.CH_BEFORE),
                                            appointment(
                                                    feeds,
                                                    c,
                                                    "{O2}",
                                                    "MAES, Lucas",
                                                    "2016-01-10",
                                                    null,
                                                    CoverageFeeds.CH_BEFORE)),
                                    List.of(appointment(
                                            feeds,
                                            c,
                                            "{O2}",
                                            "MAES, Lucas",
                                            "2016-01-10",
                                            "2026-09-25",
                                            CoverageFeeds.CH_AFTER))),
                            CH_DATE)
                    .in("GB")
                    .values("MAES, Lucas (director)", null)
                    .on("2026-09-25"),

            // ---- BODACC notices (FR): its own codes ----
            bodacc("SAFEGUARD_OPENED", judgment("Jugement d'ouverture d'une procédure de sauvegarde", "2026-09-22"))
                    .values("none", "sauvegarde")
                    .on("2026-09-22")
                    .nearMiss(bodaccPair(
                            judgment("Jugement d'ouverture d'une procédure de sauvegarde", "2026-06-10"),
                            judgment("Jugement arrêtant le plan de sauvegarde", "2026-09-22")))
                    .nearMiss(
                            bodaccPair(registration(), judgment("Avis de dépôt de l'état des créances", "2026-09-22"))),
            bodacc(
                            "SAFEGUARD_OPENED",
                            judgment(
                                    "JUGEMENT D'OUVERTURE D'UNE PROCEDURE DE SAUVEGARDE ACCELEREE",
                                    "22 septembre 2026"))
                    .values("none", "sauvegarde")
                    .on("2026-09-22"),
            bodacc("CONCILIATION_OPENED", family("conciliation"))
                    .values("none", "conciliation")
                    .on(BODACC_DATE)
                    .nearMiss(bodaccPair(registration(), family("divers"))),
            bodacc("BUSINESS_SOLD", family("vente"))
                    .values("none", "vente")
                    .on(BODACC_DATE)
                    .nearMiss(bodaccPair(registration(), family("modification"))),
            new Case(
                            "LEGAL_NOTICE_CORRECTED",
                            BODACC,
                            (feeds, c) -> {
                                Notice original = notice(
                                        feeds,
                                        c,
                                        CoverageFeeds.BODACC_BEFORE,
                                        "annonce",
                                        judgment("Jugement d'ouverture d'une procédure de sauvegarde", "2026-08-10"),
                                        null);
                                feeds.bodacc(
                                        List.of(original),
                                        List.of(notice(
                                                feeds,
                                                c,
                                                CoverageFeeds.BODACC_AFTER,
                                                "rectificatif",
                                                judgment(
                                                        "Jugement d'ouverture d'une procédure de sauvegarde",
                                                        "2026-08-12"),
                                                BodaccFileWriter.Previous.of(original.id(), original.published()))));
                            },
                            "2026-08-12")
                    .in("FR")
                    .values("{B1} annonce sauvegarde 2026-08-10", "{B2} rectificatif sauvegarde 2026-08-12")
                    .nearMiss(bodaccPair(registration(), family("modification")))
                    .nearMiss((feeds, c) -> feeds.bodacc(
                            List.of(notice(
                                    feeds,
                                    c,
                                    CoverageFeeds.BODACC_BEFORE,
                                    "annonce",
                                    judgment("Jugement d'ouverture d'une procédure de sauvegarde", "2026-08-10"),
                                    null)),
                            List.of(notice(
                                    feeds,
                                    c,
                                    CoverageFeeds.BODACC_AFTER,
                                    "rectificatif",
                                    judgment("Jugement d'ouverture d'une procédure de sauvegarde", "2026-08-12"),
                                    null)))),
            new Case(
                            "LEGAL_NOTICE_CORRECTED",
                            BODACC,
                            (feeds, c) -> {
                                Notice liquidation = notice(
                                        feeds,
                                        c,
                                        CoverageFeeds.BODACC_BEFORE,
                                        "annonce",
                                        judgment("Jugement d'ouverture de liquidation judiciaire", "2026-08-10"),
                                        null);
                                feeds.bodacc(
                                        List.of(liquidation),
                                        List.of(notice(
                                                feeds,
                                                c,
                                                CoverageFeeds.BODACC_AFTER,
                                                "annulation",
                                                family("collective"),
                                                BodaccFileWriter.Previous.of(
                                                        liquidation.id(), liquidation.published()))));
                            },
                            BODACC_DATE)
                    .in("FR")
                    .values("{B1} annonce liquidation 2026-08-10", "{B2} annulation of {B1}")
                    .also("BANKRUPTCY_REVOKED"),

            // ---- BODACC notices (FR): the generic codes ----
            bodacc("BANKRUPTCY_OPENED", judgment("Jugement d'ouverture de liquidation judiciaire", "2026-09-21"))
                    .values("000", "048")
                    .on("2026-09-21"),
            bodacc(
                            "REORGANISATION_OPENED",
                            judgment("Jugement d'ouverture d'une procédure de redressement judiciaire", "2026-09-21"))
                    .values("000", "091")
                    .on("2026-09-21"),
            new Case(
                            "BANKRUPTCY_CLOSED",
                            BODACC,
                            bodaccPair(
                                    judgment("Jugement prononçant la liquidation judiciaire", "2025-03-03"),
                                    judgment("Jugement de clôture pour insuffisance d'actif", "2026-09-23")),
                            "2026-09-23")
                    .in("FR")
                    .values("048", "051"),
            new Case(
                            "REORGANISATION_ENDED",
                            BODACC,
                            bodaccPair(
                                    judgment(
                                            "Jugement d'ouverture d'une procédure de redressement judiciaire",
                                            "2025-03-03"),
                                    judgment("Jugement arrêtant le plan de continuation", "2026-09-23")),
                            "2026-09-23")
                    .in("FR")
                    .values("091", "000"),
            bodacc("STRUCK_OFF", family("radiation"))
                    .values("000", "111")
                    .on(BODACC_DATE)
                    .also("CEASED_ACTIVE"),
            new Case(
                            "ACCOUNTS_FILED",
                            BODACC,
                            bodaccPair(
                                    registration(),
                                    (feeds, c, published) -> new Notice(
                                            feeds.noticeId(),
                                            published,
                                            "annonce",
                                            "dpc",
                                            List.of(c.number),
                                            BODACC_NAME,
                                            "Lyon",
                                            "69002",
                                            null,
                                            LocalDate.parse("2025-12-31"),
                                            null)),
                            BODACC_DATE)
                    .in("FR")
                    .values(null, "2025-12-31"));

    /**
     * Codes whose fields no shipped adapter fills, tested on the engine as such a feed would fill them: none since
     * the Companies House and BODACC feeds (kept for the next source that comes before its adapter).
     */
    static final List<EngineCase> ENGINE_ONLY = List.of();

    /** Codes that no feed and no engine path can fire yet, and why. */
    static final Map<String, String> PENDING = pending();

    private static Map<String, String> pending() {
        Map<String, String> pending = new LinkedHashMap<>();
        for (String code : List.of(
                "CREDIT_LIMIT_EXCEEDED",
                "EXPOSURE_NEAR_LIMIT",
                "OVERDUE_60",
                "OVERDUE_90",
                "INTERNAL_DBT_UP",
                "CONSISTENT_GOOD_PAYER")) {
            pending.put(
                    code,
                    "pending: tenant receivables (detector 'internal', the tenant's own AR data: 'later' in signals.md)");
        }
        return Map.copyOf(pending);
    }

    // ---- the case model ----

    /** Puts a case's lines into the feed files, for the company {@code c} (and any others it names). */
    interface Plant {
        void into(CoverageFeeds feeds, Company c);
    }

    /** The company a case (or near miss) is about, with the numbers and ids its placeholders stand for. */
    static final class Company {
        final String country;
        final String number;
        final Map<String, String> vars = new LinkedHashMap<>();

        Company() {
            this("BE");
        }

        Company(String country) {
            this.country = country;
            this.number = switch (country) {
                case "GB" -> FeedLines.britishNumber();
                case "FR" -> FeedLines.siren();
                default -> FeedLines.belgianNumber();
            };
            vars.put("n", number);
            for (int i = 1; i <= 9; i++) {
                vars.put("O" + i, "O-" + number + "-" + i);
                vars.put("E" + i, KboCompany.establishmentNumber(number, i));
            }
        }

        /** Another company of the case, by name ({@code A}, {@code P}, ...): a fresh number, the same each time. */
        String other(String name) {
            return vars.computeIfAbsent(name, k -> FeedLines.belgianNumber());
        }

        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

        String fill(String text) {
            if (text == null) {
                return null;
            }
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value =
                        name.length() == 1 && Character.isUpperCase(name.charAt(0)) ? other(name) : vars.get(name);
                m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    /** A code, the input that fires it, what it must record, and inputs that must not fire it. */
    static final class Case {
        final String code;
        final String feed;
        final Plant plant;
        String old;
        String now;
        String date;
        List<String> also = List.of();
        /** The country of the case's company (and of its near misses). */
        String country = "BE";

        final List<Plant> nearMisses = new ArrayList<>();

        Case(String code, String feed, Plant plant, String date) {
            this.code = code;
            this.feed = feed;
            this.plant = plant;
            this.date = date;
        }

        Case values(String old, String now) {
            this.old = old;
            this.now = now;
            return this;
        }

        Case in(String country) {
            this.country = country;
            return this;
        }

        Case on(String isoDate) {
            this.date = isoDate;
            return this;
        }

        /** Other codes the same change fires (the step records exactly these plus the case's code). */
        Case also(String... codes) {
            this.also = List.of(codes);
            return this;
        }

        Case nearMiss(Plant plant) {
            nearMisses.add(plant);
            return this;
        }

        LocalDate effectiveDate() {
            return LocalDate.parse(date);
        }

        @Override
        public String toString() {
            return code + " from " + feed;
        }
    }

    record EngineCase(
            String code,
            String source,
            String field,
            Consumer<FieldValues> before,
            Consumer<FieldValues> after,
            String old,
            String now) {}

    // ---- KBO ----

    private static Case kbo(String code, UnaryOperator<KboCompany> before, UnaryOperator<KboCompany> after) {
        return new Case(code, "KBO update", kboPair(before, after), KBO_DATE);
    }

    static Plant kboPair(UnaryOperator<KboCompany> before, UnaryOperator<KboCompany> after) {
        return (feeds, c) -> {
            KboCompany seed = new KboCompany().with(before);
            feeds.kbo(c.number, seed, null, seed.with(after));
        };
    }

    private static Case kboThroughMid(String code, UnaryOperator<KboCompany> mid, UnaryOperator<KboCompany> after) {
        return new Case(
                code,
                "KBO update",
                (feeds, c) -> {
                    KboCompany seed = new KboCompany();
                    KboCompany between = seed.with(mid);
                    feeds.kbo(c.number, seed, between, between.with(after));
                },
                KBO_DATE);
    }

    private static Case firstSeenInKbo(String code, String startDate) {
        return new Case(code, "KBO update (first sight)", firstSeenInKboPlant(startDate), KBO_DATE);
    }

    private static Plant firstSeenInKboPlant(String startDate) {
        return (feeds, c) -> feeds.kbo(c.number, null, null, new KboCompany().with(started(startDate)));
    }

    @SafeVarargs
    private static UnaryOperator<KboCompany> then(UnaryOperator<KboCompany>... changes) {
        return company -> {
            KboCompany result = company;
            for (UnaryOperator<KboCompany> change : changes) {
                result = change.apply(result);
            }
            return result;
        };
    }

    // ---- bureau ----

    private static Case bureau(String code, String before, String after) {
        return new Case(code, "bureau snapshot", bureauPair(before, after), CoverageFeeds.BUREAU_AFTER);
    }

    static Plant bureauPair(String before, String after) {
        return (feeds, c) -> feeds.bureau(c.number, c.fill(before), c.fill(after));
    }

    private static Case network(String code, Plant plant) {
        return new Case(code, "KBO update + bureau snapshot (network)", plant, CoverageFeeds.BUREAU_AFTER);
    }

    /** A score moving by exactly its catalogue's points fires; one point less does not. */
    private static Case points(String code, String field, int from, int to) {
        int nearTo = to > from ? to - 1 : to + 1;
        return bureau(code, "\"" + field + "\":" + from, "\"" + field + "\":" + to)
                .values(String.valueOf(from), String.valueOf(to))
                .nearMiss(bureauPair("\"" + field + "\":" + from, "\"" + field + "\":" + nearTo));
    }

    /** A dated incident appearing fires, dated by the incident; a list repeated or left out (unknown) does not. */
    private static Case incident(String code, String field, String item, String display, String date) {
        return bureau(code, "\"" + field + "\":[]", "\"" + field + "\":[" + item + "]")
                .values(null, display)
                .on(date)
                .nearMiss(bureauPair("\"" + field + "\":[" + item + "]", "\"" + field + "\":[" + item + "]"))
                .nearMiss(bureauPair("\"" + field + "\":[]", "\"rating\":\"A\""));
    }

    static String officers(String... officers) {
        return "\"officers\":[" + String.join(",", officers) + "]";
    }

    static String officer(String id, String name, String role, String since) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"since\":\"" + since
                + "\"}";
    }

    private static String eva() {
        return officer("{O1}", "Jansen, Eva", "managing-director", "2019-03-01");
    }

    private static String parent(String number) {
        return "\"parent\":{\"country\":\"BE\",\"number\":\"" + number + "\"}";
    }

    // ---- accounts ----

    private static Case accounts(String code, List<String> before, String after) {
        Matcher filed = Pattern.compile("\"filed_on\":\"([0-9-]+)\"").matcher(after);
        if (!filed.find()) {
            throw new IllegalArgumentException(after);
        }
        return new Case(code, "accounts filing", accountsPair(before, after), filed.group(1));
    }

    static Plant accountsPair(List<String> before, String after) {
        return (feeds, c) ->
                feeds.accounts(c.number, before.stream().map(c::fill).toList(), c.fill(after));
    }

    /** A filing of calendar year {@code year}, filed on time (30 June of the next year). */
    static String filing(int year, String items) {
        return filed(year, items, (year + 1) + "-06-30", null);
    }

    static String filed(int year, String items, String filedOn, String opinion) {
        return "\"period_start\":\"" + year + "-01-01\",\"period_end\":\"" + year + "-12-31\",\"filed_on\":\"" + filedOn
                + "\",\"model\":\"full\",\"currency\":\"EUR\",\"items\":{" + items + "}"
                + (opinion == null ? "" : ",\"auditor_opinion\":\"" + opinion + "\"");
    }

    /** One rubric moving between two filings; only that rubric is filed, so only its signals (and ACCOUNTS_FILED) fire. */
    /** The nightly filing-deadline check on {@link #DEADLINE_CHECK}, for a company whose next filing did not come. */
    private static Case deadline(String code, List<String> filings) {
        return new Case(code, "accounts filing + deadline check", accountsPair(filings, null), DEADLINE_CHECK);
    }

    private static Case rubric(String code, String rubric, String from, String to) {
        return accounts(
                        code,
                        List.of(filing(2024, "\"" + rubric + "\":" + from)),
                        filing(2025, "\"" + rubric + "\":" + to))
                .values(from, to)
                .also("ACCOUNTS_FILED");
    }

    private static Plant rubricPair(String rubric, String from, String to) {
        return accountsPair(
                List.of(filing(2024, "\"" + rubric + "\":" + from)), filing(2025, "\"" + rubric + "\":" + to));
    }

    private static Case opinion(String code, String from, String to) {
        return accounts(
                        code,
                        List.of(filed(2024, "\"70\":1000", "2025-06-30", from)),
                        filed(2025, "\"70\":1000", "2026-06-30", to))
                .values(from, to)
                .also("ACCOUNTS_FILED");
    }

    private static Plant opinionPair(String from, String to) {
        return accountsPair(
                List.of(filed(2024, "\"70\":1000", "2025-06-30", from)), filed(2025, "\"70\":1000", "2026-06-30", to));
    }

    // ---- Companies House ----

    private static Case ch(String code, UnaryOperator<ChProfile> before, UnaryOperator<ChProfile> after) {
        return new Case(code, CH, chPair(before, after), CH_DATE).in("GB");
    }

    /** The company's profile seen first before, then changed after. */
    static Plant chPair(UnaryOperator<ChProfile> before, UnaryOperator<ChProfile> after) {
        return (feeds, c) -> {
            ChProfile seed = new ChProfile().with(before);
            feeds.ch(
                    List.of(seed.envelope(c.number, feeds.timepoint(), CoverageFeeds.CH_BEFORE)),
                    List.of(seed.with(after).envelope(c.number, feeds.timepoint(), CoverageFeeds.CH_AFTER)));
        };
    }

    /** An active company whose insolvency record gets this case. */
    private static Case chCases(String code, CompaniesHouseStreamWriter.Case insolvency) {
        return new Case(code, CH + " (insolvency)", insolvencyPlant(insolvency), CH_DATE).in("GB");
    }

    static Plant insolvencyPlant(CompaniesHouseStreamWriter.Case insolvency) {
        return (feeds, c) -> feeds.ch(
                List.of(new ChProfile().envelope(c.number, feeds.timepoint(), CoverageFeeds.CH_BEFORE)),
                List.of(CompaniesHouseStreamWriter.insolvency(
                        c.number, List.of(insolvency), feeds.timepoint(), CoverageFeeds.CH_AFTER)));
    }

    private static Plant chFirstSeen(String createdOn) {
        return (feeds, c) -> feeds.ch(
                List.of(),
                List.of(new ChProfile()
                        .with(created(createdOn))
                        .envelope(c.number, feeds.timepoint(), CoverageFeeds.CH_AFTER)));
    }

    private static CompaniesHouseStreamWriter.Case insolvencyCase(
            String number, String type, Map<String, LocalDate> dates) {
        return new CompaniesHouseStreamWriter.Case(number, type, dates);
    }

    /** Case dates as pairs of type and ISO date. */
    private static Map<String, LocalDate> dates(String... typesAndDates) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        for (int i = 0; i < typesAndDates.length; i += 2) {
            dates.put(typesAndDates[i], LocalDate.parse(typesAndDates[i + 1]));
        }
        return dates;
    }

    private static Envelope charge(
            CoverageFeeds feeds, Company c, int number, String status, String createdOn, String publishedAt) {
        return CompaniesHouseStreamWriter.charge(
                new CompaniesHouseStreamWriter.Charge(
                        c.number,
                        "C-" + c.number + "-" + number,
                        number,
                        "Legal mortgage",
                        status,
                        LocalDate.parse(createdOn),
                        List.of("Lloyds Bank PLC")),
                feeds.timepoint(),
                publishedAt);
    }

    /** A director's appointment ({@code officer} a placeholder such as {O1}: the person across companies). */
    private static Envelope appointment(
            CoverageFeeds feeds,
            Company c,
            String officer,
            String name,
            String appointedOn,
            String resignedOn,
            String publishedAt) {
        String officerId = c.fill(officer);
        return CompaniesHouseStreamWriter.appointment(
                new CompaniesHouseStreamWriter.Appointment(
                        c.number,
                        "A-" + officerId,
                        officerId,
                        name,
                        "director",
                        LocalDate.parse(appointedOn),
                        resignedOn == null ? null : LocalDate.parse(resignedOn)),
                feeds.timepoint(),
                publishedAt);
    }

    private static Envelope disqualification(CoverageFeeds feeds, Company c, String officer, String publishedAt) {
        return CompaniesHouseStreamWriter.disqualifiedOfficer(
                c.fill(officer),
                "Smith",
                "John",
                List.of(new CompaniesHouseStreamWriter.Disqualification(
                        LocalDate.parse("2026-09-15"), LocalDate.parse("2031-09-14"), "ASH ELECTRIC LIMITED")),
                feeds.timepoint(),
                publishedAt);
    }

    // ---- BODACC ----

    /** A notice about the case's company, published on a given day; its id becomes the placeholder {B1}, {B2}, ... */
    interface NoticeSpec {
        Notice notice(CoverageFeeds feeds, Company c, LocalDate published);
    }

    /** The company registered before, then this notice. */
    private static Case bodacc(String code, NoticeSpec after) {
        return new Case(code, BODACC, bodaccPair(registration(), after), BODACC_DATE).in("FR");
    }

    static Plant bodaccPair(NoticeSpec before, NoticeSpec after) {
        return (feeds, c) -> feeds.bodacc(
                List.of(before.notice(feeds, c, CoverageFeeds.BODACC_BEFORE)),
                List.of(after.notice(feeds, c, CoverageFeeds.BODACC_AFTER)));
    }

    private static NoticeSpec registration() {
        return family("immatriculation");
    }

    private static NoticeSpec family(String family) {
        return (feeds, c, published) -> numbered(
                c,
                new Notice(
                        feeds.noticeId(),
                        published,
                        "annonce",
                        family,
                        List.of(c.number),
                        BODACC_NAME,
                        "Lyon",
                        "69002",
                        null,
                        null,
                        null));
    }

    /** A judgment of the collective proceedings, its date as published (ISO or French text). */
    private static NoticeSpec judgment(String nature, String date) {
        return (feeds, c, published) -> numbered(
                c,
                new Notice(
                        feeds.noticeId(),
                        published,
                        "annonce",
                        "collective",
                        List.of(c.number),
                        BODACC_NAME,
                        "Lyon",
                        "69002",
                        new BodaccFileWriter.Judgment(
                                nature.startsWith("Avis") ? "Avis de dépôt" : "Jugement", nature, date),
                        null,
                        null));
    }

    /** The spec's notice as a rectificatif or an annulation of {@code previous} (null: naming none). */
    private static Notice notice(
            CoverageFeeds feeds,
            Company c,
            LocalDate published,
            String type,
            NoticeSpec spec,
            BodaccFileWriter.Previous previous) {
        Notice n = spec.notice(feeds, c, published);
        return new Notice(
                n.id(),
                n.published(),
                type,
                n.family(),
                n.sirens(),
                n.name(),
                n.town(),
                n.postcode(),
                n.judgment(),
                n.accountsClosing(),
                previous);
    }

    private static Notice numbered(Company c, Notice notice) {
        int k = 1;
        while (c.vars.containsKey("B" + k)) {
            k++;
        }
        c.vars.put("B" + k, notice.id());
        return notice;
    }

    static List<String> codes(List<Case> cases) {
        return cases.stream().map(c -> c.code).distinct().toList();
    }
}
