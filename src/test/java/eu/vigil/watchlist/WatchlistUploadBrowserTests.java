package eu.vigil.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.FilePayload;
import eu.vigil.embedded.CapturedMail;
import eu.vigil.embedded.CapturedMail.CapturedMessage;
import eu.vigil.shared.Language;
import eu.vigil.support.BrowserTest;
import eu.vigil.support.MailBox;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.tenancy.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The "done when": a credit manager drops a messy export in the browser, checks the preview, and
 * sees exactly the right groups, the bankrupt customer in the health check, the flashback in their mail
 * (in French) and the rejected row to download; the API gives the same answer.
 */
class WatchlistUploadBrowserTests extends BrowserTest {

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CapturedMail mail;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void aMessyCsvIsPreviewedImportedReportedAndMailed() throws Exception {
        TestTenant tenant = data.tenant("Browser Lists");
        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.FR);
        MessyUpload upload = new MessyUpload(jdbc);
        signIn(credit.email(), TestData.PASSWORD);

        page.navigate("/watchlists");
        page.locator("#watchlist-name").fill("Clients ERP");
        page.locator("#create-watchlist").click();
        page.locator("#upload-link").click();
        page.locator("#upload-file").setInputFiles(new FilePayload("clients.csv", "text/csv", upload.csv()));
        page.locator("#upload-preview").click();

        assertThat(page.locator("#col-number").inputValue())
                .as("the number column is found by its name")
                .isEqualTo("1");
        assertThat(page.locator("#col-reference").inputValue()).isEqualTo("0");
        assertThat(page.locator("#col-type").inputValue()).isEqualTo("3");
        assertThat(outcome(1)).isEqualTo("header");
        assertThat(outcome(2)).isEqualTo("accepted");
        assertThat(outcome(5))
                .as("a valid number Vigil does not know: pending, as the import will say")
                .isEqualTo("pending");
        assertThat(outcome(6)).isEqualTo("rejected");
        assertThat(outcome(7)).isEqualTo("duplicate");
        assertThat(outcome(8)).isEqualTo("blank");

        page.locator("#start-import").click();
        page.locator("#import-result").waitFor();
        assertThat(rows("accepted")).containsExactly("2", "3", "4");
        assertThat(rows("pending")).containsExactly("5", "9", "10");
        assertThat(rows("rejected")).containsExactly("6");
        assertThat(rows("duplicates")).containsExactly("7");
        assertThat(page.locator("#group-accepted tr[data-row='3'] .entry-name").textContent())
                .isEqualTo("Gezond Twee BV");
        assertThat(page.locator("#group-rejected tr[data-row='6']").textContent())
                .contains(MessyUpload.dotted(upload.badCheckDigit()))
                .contains("Chiffre de contrôle erroné");
        assertThat(page.locator("#health-table tr[data-kind='bankruptcy'] td")
                        .nth(1)
                        .textContent())
                .isEqualTo("1");
        assertThat(page.locator("#health-table tr[data-kind='bankruptcy']").textContent())
                .contains(MessyUpload.BANKRUPT_NAME);
        assertThat(page.locator("#flashback").textContent())
                .contains(MessyUpload.BANKRUPT_NAME)
                .contains(eu.vigil.company.ReaderFormats.day(upload.bankruptcyDate, java.util.Locale.FRENCH));

        Download download =
                page.waitForDownload(() -> page.locator("#download-rejected").click());
        String rejected = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(rejected)
                .startsWith("\uFEFFKlant;Ondernemingsnummer;Naam;Type;Motif du rejet;Autres problèmes de la ligne")
                .contains("C-005;" + MessyUpload.dotted(upload.badCheckDigit()) + ";Tikfout;klant;")
                .doesNotContain("C-001");

        CapturedMessage flashback = MailBox.awaitOne(mail, credit.email());
        assertThat(flashback.subject()).contains("Rétrospective").contains("Clients ERP");
        assertThat(flashback.text())
                .contains(MessyUpload.BANKRUPT_NAME)
                .contains("/companies/BE/" + upload.known1)
                .contains("Ouverture de faillite")
                .as("the change in words, not in codes")
                .contains("(Situation normale → Ouverture de faillite")
                .doesNotContain("000 → 050");

        page.locator("#nav-watchlists").click();
        page.getByText("Clients ERP").click();
        assertThat(page.locator("#entries-table tbody tr")).isNotNull();
        assertThat(page.locator("tr[data-number='BE" + upload.known1 + "']").getAttribute("data-light"))
                .isEqualTo("red");
        assertThat(page.locator("tr[data-number='BE" + upload.known1 + "'] .light-reason")
                        .textContent())
                .isEqualTo("rouge : Ouverture de faillite le "
                        + eu.vigil.company.ReaderFormats.day(upload.bankruptcyDate, java.util.Locale.FRENCH));

        String apiList = json.readTree(mvc.perform(post("/api/v1/watchlists")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"Via ERP\"}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString();
        JsonNode api = json.readTree(mvc.perform(multipart("/api/v1/watchlists/{id}/entries", apiList)
                        .file(new MockMultipartFile("file", "clients.csv", "text/csv", upload.csv()))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(WatchlistApiTests.rows(api, "accepted"))
                .as("the API gives the browser's answer")
                .containsExactly(2, 3, 4);
        assertThat(WatchlistApiTests.rows(api, "pending")).containsExactly(5, 9, 10);
        assertThat(WatchlistApiTests.rows(api, "rejected")).containsExactly(6);
        assertThat(WatchlistApiTests.rows(api, "duplicates")).containsExactly(7);
    }

    @Test
    void eightDigitNumbersWaitForTheCountryThePersonChoosesAndAnUnusableAmountOnlyWarns() throws Exception {
        TestTenant tenant = data.tenant("Browser Countries");
        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        signIn(credit.email(), TestData.PASSWORD);
        String csv = "Alpha Holding;01234567;12,5k\r\nBeta Trading;00345678;5000\r\nGamma Services;00456789;abc\r\n";

        page.navigate("/watchlists");
        page.locator("#watchlist-name").fill("Suppliers UK");
        page.locator("#create-watchlist").click();
        page.locator("#upload-link").click();
        page.locator("#upload-file")
                .setInputFiles(new FilePayload("suppliers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.locator("#upload-preview").click();

        assertThat(page.locator("#col-number").inputValue()).isEqualTo("1");
        assertThat(page.locator("#has-header").isChecked())
                .as("the first row reads like the others")
                .isFalse();
        assertThat(page.locator("#bare-country").inputValue())
                .as("no content decides: the tenant's country")
                .isEqualTo("BE");
        assertThat(outcome(1)).isEqualTo("rejected");
        assertThat(page.locator("#preview-table tr[data-row='1']").textContent())
                .contains("8 digits")
                .contains("Choose the country of numbers without a prefix");

        page.locator("#col-credit-limit").selectOption("2");
        page.locator("#bare-country").selectOption("GB");
        page.locator("#refresh-preview").click();
        assertThat(outcome(1)).isEqualTo("pending");
        assertThat(outcome(2)).isEqualTo("pending");
        assertThat(page.locator("#preview-table tr[data-row='1'] .preview-warnings")
                        .textContent())
                .contains("Credit limit")
                .contains("\"12,5k\" is not an amount");

        page.locator("#start-import").click();
        page.locator("#import-result").waitFor();
        assertThat(rows("pending")).containsExactly("1", "2", "3");
        assertThat(page.locator("#group-pending").textContent()).contains("GB 01234567");
        assertThat(page.locator("#import-warnings").textContent())
                .startsWith("2 rows had a field that could not be taken");
    }

    @Test
    void aTenantAdminSetsTheCountryOfNumbersWithoutAPrefix() {
        TestTenant tenant = data.tenant("Browser Settings");
        signIn(tenant.admin().email(), TestData.PASSWORD);
        page.locator("#nav-settings").click();
        assertThat(page.locator("#settings-country").inputValue()).isEqualTo("BE");
        page.locator("#settings-country").selectOption("NL");
        page.locator("#settings-save").click();
        assertThat(page.locator("#settings-country").inputValue()).isEqualTo("NL");
        assertThat(jdbc.queryForObject("select country from tenant where id = ?", String.class, tenant.id()))
                .isEqualTo("NL");
    }

    private String outcome(int row) {
        return page.locator("#preview-table tr[data-row='" + row + "']").getAttribute("data-outcome");
    }

    private List<String> rows(String group) {
        return page.locator("#group-" + group + " tbody tr").all().stream()
                .map(r -> r.getAttribute("data-row"))
                .toList();
    }
}
