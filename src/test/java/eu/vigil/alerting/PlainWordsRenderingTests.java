package eu.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import eu.vigil.embedded.CapturedMail;
import eu.vigil.embedded.CapturedMail.CapturedMessage;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.feed.RunView;
import eu.vigil.shared.Language;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.support.VigilTest;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.EntryData;
import eu.vigil.watchlist.WatchlistManagement;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * French, Dutch and Italian credit managers read the demo world's insolvent companies, an alert and its email: every
 * page and email is in their language, with no raw code, bare boolean, ISO date, unformatted amount or English word.
 */
@VigilTest
class PlainWordsRenderingTests {

    private static final DateTimeFormatter KBO_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final List<String> DEMO_COMPANIES =
            List.of("BE/0310143840", "FR/552100034", "GB/09100005", "GB/09100002", "GB/SC610001", "FR/552100018");
    private static final Pattern TAG = Pattern.compile("<script.*?</script>|<[^>]+>", Pattern.DOTALL);
    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final Pattern BOOLEAN = Pattern.compile("\\b(true|false)\\b");
    private static final Pattern RAW_CODE = Pattern.compile("(^|\\s)\\d{3} → |→ \\d{3}(\\s|$)");
    private static final Pattern UNFORMATTED_AMOUNT =
            Pattern.compile("\\b\\d{5,}(\\.\\d+)? ?(EUR|€)|(EUR|€) ?\\d{5,}\\b|\\d+\\.\\d{2} EUR");
    private static final List<String> ENGLISH = List.of(
            "dissolved",
            "liquidation-",
            "receivership",
            " due by ",
            "last filed",
            "period ending",
            "disqualified",
            "managing-director",
            "director,",
            "left the board",
            "joined the board",
            "Added:",
            "Removed:",
            "as of",
            "source BUREAU",
            "source KBO",
            "identity:",
            "Bureau snapshot",
            "Annual accounts from",
            "changed (",
            "days late");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    CapturedMail mail;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void companyPagesAlertsAndEmailsReadInFrenchDutchAndItalian() throws Exception {
        TestTenant tenant = data.tenant("Plain words");
        Map<String, TestUser> readers = Map.of(
                "fr", data.member(tenant, Role.CREDIT_MANAGER, Language.FR),
                "nl", data.member(tenant, Role.CREDIT_MANAGER, Language.NL),
                "it", data.member(tenant, Role.CREDIT_MANAGER, Language.IT));
        String number = KboUpdates.number();
        ingest(KboUpdates.update(
                KBO_DATE.format(LocalDate.now()), new KboUpdates.Enterprise(number, "Woorden Proef NV", "000", false)));
        TenantContext.runAs(tenant.id(), () -> {
            UUID list = watchlists.create("Plain words").id();
            watchlists.add(list, number, new EntryData("W-1", null, null, null, null, List.of()));
        });
        ingest(KboUpdates.update(
                KBO_DATE.format(LocalDate.now()), new KboUpdates.Enterprise(number, "Woorden Proef NV", "050", true)));

        List<String> wrong = new ArrayList<>();
        for (var reader : readers.entrySet()) {
            String language = reader.getKey();
            TestUser user = reader.getValue();
            for (String company : DEMO_COMPANIES) {
                check(language + " company page " + company, page("/companies/" + company, user), wrong);
                check(language + " timeline " + company, page("/companies/" + company + "/timeline", user), wrong);
            }
            CapturedMessage email = awaitMail(user.email());
            check(language + " email (text)", email.text(), wrong);
            check(language + " email (html)", visible(email.html()), wrong);
            assertThat(email.text()).as(language + " email").doesNotContain("000 → 050");
        }
        Long alert = jdbc.queryForObject(
                "select id from alert where tenant_id = ? and code = 'BANKRUPTCY_OPENED'", Long.class, tenant.id());
        for (var reader : readers.entrySet()) {
            String page = page("/alerts/" + alert, reader.getValue());
            check(reader.getKey() + " alert page", page, wrong);
            check(reader.getKey() + " inbox", page("/alerts", reader.getValue()), wrong);
        }
        assertThat(page("/alerts/" + alert, readers.get("fr")))
                .contains("Situation normale → Ouverture de faillite")
                .contains("En faillite depuis le");
        assertThat(page("/alerts/" + alert, readers.get("nl")))
                .contains("Normale toestand → Opening faillissement")
                .contains("Failliet sinds");
        assertThat(page("/alerts/" + alert, readers.get("it")))
                .contains("Situazione normale → Apertura di fallimento")
                .contains("Fallita dal");
        assertThat(wrong).isEmpty();
    }

    private void check(String what, String text, List<String> wrong) {
        for (Pattern pattern : List.of(ISO_DATE, BOOLEAN, RAW_CODE, UNFORMATTED_AMOUNT)) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                wrong.add(what + ": \"" + around(text, m.start()) + "\"");
            }
        }
        for (String english : ENGLISH) {
            int at = text.indexOf(english);
            if (at >= 0) {
                wrong.add(what + ": English \"" + around(text, at) + "\"");
            }
        }
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 60))
                .replaceAll("\\s+", " ");
    }

    private String page(String path, TestUser reader) throws Exception {
        var response = mvc.perform(get(path).header("HX-Request", "true").with(user(reader.principal())))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        response.setCharacterEncoding("UTF-8");
        return visible(response.getContentAsString());
    }

    /** What a person reads: the text, without tags, scripts or attributes. */
    private static String visible(String html) {
        return TAG.matcher(html)
                .replaceAll(" ")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&")
                .replace("&#39;", "'");
    }

    private void ingest(byte[] extract) {
        RunView run = ingestion.ingestNow("kbo", new ByteArrayInputStream(extract), "plain-words.zip", true, "test");
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo("COMPLETED");
    }

    private CapturedMessage awaitMail(String to) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (mail.messagesTo(to).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited 30 s in vain for mail to " + to);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return mail.messagesTo(to).getFirst();
    }
}
