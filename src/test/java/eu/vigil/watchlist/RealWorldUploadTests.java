package eu.vigil.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.VigilTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Spreadsheets as people have them, through the API an ERP calls: every valid number ends up accepted (with the
 * company's name and town) or pending, every invalid one rejected with its reason, and a bad optional field only
 * warns; the country of numbers without a prefix comes from the column, the numbers, the request or the tenant.
 */
@VigilTest
class RealWorldUploadTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private TestTenant tenant;

    @BeforeEach
    void setUp() {
        tenant = data.tenant("Real Files " + ThreadLocalRandom.current().nextInt(1_000_000));
    }

    @Test
    void aHeaderlessDutchKvkListIsReadAsDutchWithNamesAndTownsOfTheCompaniesVigilKnows() throws Exception {
        List<String> kvk = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            String number = freshKvk();
            kvk.add(number);
            csv.append(i == 0 ? "\"t Hoekje" : "Bedrijf \"" + i + "\" B.V.")
                    .append(';')
                    .append(number)
                    .append("\r\n");
        }
        company("NL", kvk.get(0), "'t Hoekje B.V.", "Delft");
        company("NL", kvk.get(1), "Bedrijf Een B.V.", "Utrecht");

        JsonNode report =
                upload(create("Leveranciers"), "kvk.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null);

        assertThat(rows(report, "accepted")).containsExactly(1, 2);
        assertThat(rows(report, "pending")).hasSize(28).doesNotContain(1, 2);
        assertThat(report.get("rejected")).isEmpty();
        JsonNode first = report.get("accepted").get(0);
        assertThat(first.get("country").asString()).isEqualTo("NL");
        assertThat(first.get("name").asString()).isEqualTo("'t Hoekje B.V.");
        assertThat(first.get("town").asString()).isEqualTo("Delft");
        assertThat(report.get("pending").get(0).get("country").asString()).isEqualTo("NL");
    }

    @Test
    void eightAmbiguousDigitsAreRejectedWithAWayOutThenReadInTheCountryTheRequestOrTheTenantGives() throws Exception {
        byte[] file = "Name;Number\nAlpha Ltd;01234567\nBeta Ltd;00345678\n".getBytes(StandardCharsets.UTF_8);

        JsonNode unsure = upload(create("Unsure"), "list.csv", file, null);
        assertThat(rows(unsure, "rejected")).containsExactly(2, 3);
        assertThat(unsure.get("rejected").get(0).get("detail").asString())
                .contains("8 digits")
                .contains("Choose the country of numbers without a prefix");

        JsonNode british = upload(create("British"), "list.csv", file, "GB");
        assertThat(rows(british, "pending")).containsExactly(2, 3);
        assertThat(british.get("pending").get(0).get("country").asString()).isEqualTo("GB");

        MvcResult changed = mvc.perform(patch("/api/v1/tenant")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"country\":\"NL\"}"))
                .andReturn();
        assertThat(changed.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.readTree(changed.getResponse().getContentAsString())
                        .get("country")
                        .asString())
                .isEqualTo("NL");
        JsonNode dutch = upload(create("Dutch"), "list.csv", file, null);
        assertThat(rows(dutch, "pending")).containsExactly(2, 3);
        assertThat(dutch.get("pending").get(0).get("country").asString())
                .as("the tenant's country")
                .isEqualTo("NL");

        MvcResult wrong = mvc.perform(patch("/api/v1/tenant")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"country\":\"XX\"}"))
                .andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(wrong.getResponse().getContentAsString()).contains("XX");
    }

    @Test
    void aBadOptionalFieldWarnsAndTheCompanyIsStillWatched() throws Exception {
        String known = MessyUpload.freshNumber(jdbc);
        MessyUpload.company(jdbc, known, "Gekend NV");
        byte[] file = ("Ondernemingsnummer;Type;Kredietlimiet;Openstaand\n"
                        + known + ";Partenaire;abc;-100\n"
                        + "0403170702;klant;12,5k;1000\n")
                .getBytes(StandardCharsets.UTF_8);

        JsonNode report = upload(create("Warnings"), "klanten.csv", file, null);

        assertThat(rows(report, "accepted")).containsExactly(2);
        JsonNode accepted = report.get("accepted").get(0);
        assertThat(accepted.get("name").asString()).isEqualTo("Gekend NV");
        assertThat(texts(accepted.get("warnings")))
                .containsExactly(
                        "Type: \"Partenaire\" is none of customer, supplier, prospect, other: left empty (customer).",
                        "Credit limit: \"abc\" is not an amount (write it like 10000, 10.000,00 EUR or €10,000): left empty.",
                        "Exposure: \"-100\" is negative, an exposure cannot be: left empty.");
        assertThat(rows(report, "rejected")).containsExactly(3);
        assertThat(texts(report.get("rejected").get(0).get("warnings")))
                .as("every problem of a rejected row is said too")
                .containsExactly(
                        "Credit limit: \"12,5k\" is not an amount (write it like 10000, 10.000,00 EUR or €10,000): left empty.");
        assertThat(report.get("rowsWithWarnings").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from watchlist_entry where tenant_id = ? and number = ?",
                        Long.class,
                        tenant.id(),
                        known))
                .isEqualTo(1);
    }

    @Test
    void anAgedBalanceWithTitleLinesIsImportedFromItsHeaderRowOn() throws Exception {
        String known = MessyUpload.freshNumber(jdbc);
        MessyUpload.company(jdbc, known, "Balans NV");
        byte[] file = ("Balance âgée des clients;;\nArrêtée au 30/11/2026;;\n;;\nCode client;N° TVA;Encours\n"
                        + "C001;BE" + known + ";12 500,00\nC002;0403170702;100\n")
                .getBytes(StandardCharsets.UTF_8);

        JsonNode report = upload(create("Balance"), "balance.csv", file, null);

        assertThat(rows(report, "accepted")).containsExactly(5);
        assertThat(rows(report, "rejected"))
                .as("the title lines are neither rows nor rejections")
                .containsExactly(6);
        assertThat(report.get("rows").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select exposure from watchlist_entry where tenant_id = ? and number = ?",
                        java.math.BigDecimal.class,
                        tenant.id(),
                        known))
                .isEqualByComparingTo("12500.00");
        String card = mvc.perform(
                        get("/companies/BE/{n}/light", known)
                                .header("HX-Request", "true")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(
                                        tenant.admin().principal())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(card)
                .as("the company page's summary says what we have at stake")
                .contains("Exposure with us")
                .contains("€12,500.00")
                .contains("Balance");
    }

    @Test
    void anXlsxBombIsRefusedAsOversizedAndVigilAnswersTheNextRequest() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "B".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 200; i++) {
                zip.write(chunk);
            }
            zip.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(1_000_000);
        String list = create("Bomb");
        MvcResult refused = mvc.perform(multipart("/api/v1/watchlists/{id}/entries", list)
                        .file(new MockMultipartFile(
                                "file", "bomb.xlsx", "application/octet-stream", bytes.toByteArray()))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey()))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString())
                .contains("damaged or oversized")
                .contains("xl/worksheets/sheet1.xml");

        MvcResult next = mvc.perform(
                        get("/api/v1/watchlists").header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey()))
                .andReturn();
        assertThat(next.getResponse().getStatus()).isEqualTo(200);
    }

    private JsonNode upload(String list, String name, byte[] file, String country) throws Exception {
        var request = multipart("/api/v1/watchlists/{id}/entries", list)
                .file(new MockMultipartFile("file", name, "text/csv", file))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey());
        if (country != null) {
            request.param("country", country);
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private String create(String name) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/watchlists")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\"}"))
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString())
                .get("id")
                .asString();
    }

    private static List<Integer> rows(JsonNode report, String group) {
        List<Integer> rows = new ArrayList<>();
        report.get(group).forEach(e -> rows.add(e.get("row").asInt()));
        return rows;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asString()));
        return texts;
    }

    private String freshKvk() {
        while (true) {
            String number =
                    String.valueOf(30_000_000 + ThreadLocalRandom.current().nextInt(60_000_000));
            if (jdbc.queryForObject(
                            "select count(*) from company where country = 'NL' and number = ?", Long.class, number)
                    == 0) {
                return number;
            }
        }
    }

    private void company(String country, String number, String name, String town) {
        eu.vigil.support.RegistryRows.company(jdbc, country, number, name, town);
    }
}
