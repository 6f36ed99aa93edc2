package eu.vigil.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.VigilTest;
import java.util.ArrayList;
import java.util.List;
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

/** An ERP imports its customer list through the API and gets every row back in its group. */
@VigilTest
class WatchlistApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ImportReports imports;

    @Autowired
    eu.vigil.tenancy.TenantManagement tenants;

    @Autowired
    eu.vigil.tenancy.ApiKeyManagement apiKeys;

    private TestTenant tenant;
    private MessyUpload upload;

    @BeforeEach
    void setUp() {
        tenant = data.tenant("Api Lists");
        upload = new MessyUpload(jdbc);
    }

    @Test
    void aMessyCsvComesBackAsAcceptedPendingRejectedAndDuplicates() throws Exception {
        String id = create("Customers");
        MvcResult result = mvc.perform(multipart("/api/v1/watchlists/{id}/entries", id)
                        .file(new MockMultipartFile("file", "klanten.csv", "text/csv", upload.csv()))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey()))
                .andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(200);
        JsonNode body = json.readTree(result.getResponse().getContentAsString());

        assertThat(rows(body, "accepted")).containsExactly(2, 3, 4);
        assertThat(numbers(body, "accepted"))
                .containsExactly("BE" + upload.known1, "BE" + upload.known2, "BE" + upload.known3);
        assertThat(rows(body, "pending")).containsExactly(5, 9, 10);
        assertThat(numbers(body, "pending")).containsExactly("BE" + upload.unknown, "FR552100554", "IT00743110157");
        assertThat(rows(body, "rejected")).containsExactly(6);
        JsonNode rejected = body.get("rejected").get(0);
        assertThat(rejected.get("value").asString()).isEqualTo(MessyUpload.dotted(upload.badCheckDigit()));
        assertThat(rejected.get("reason").asString()).isEqualTo("BAD_CHECK_DIGIT");
        assertThat(rejected.get("detail").asString())
                .as("the tenant's language, English")
                .isEqualTo("\"" + MessyUpload.dotted(upload.badCheckDigit())
                        + "\" has a wrong check digit: look for a typing error.");
        assertThat(rows(body, "duplicates")).containsExactly(7);
        assertThat(body.get("duplicates").get(0).get("firstRow").asInt()).isEqualTo(2);

        JsonNode entries = json.readTree(
                call(get("/api/v1/watchlists/{id}/entries", id)).getResponse().getContentAsString());
        assertThat(entries.get("total").asInt()).isEqualTo(6);

        JsonNode again = json.readTree(mvc.perform(post("/api/v1/watchlists/{id}/entries", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "[\"BE" + upload.known2
                                        + "\", {\"number\": \"\"}, {\"number\": \"IT00743110157\", \"type\": \"supplier\", \"creditLimit\": \"10.000,00 EUR\", \"tags\": [\"it\"]}]")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(rows(again, "duplicates")).as("already on the list").containsExactly(1, 3);
        assertThat(again.get("duplicates").get(0).get("firstRow").isNull()).isTrue();
        assertThat(rows(again, "rejected")).containsExactly(2);
        assertThat(again.get("rejected").get(0).get("reason").asString()).isEqualTo("EMPTY");
    }

    @Test
    void aBankruptCompanyIsRedAndEntriesCanBeFilteredAndRemoved() throws Exception {
        String id = create("Red ones");
        call(multipart("/api/v1/watchlists/{id}/entries", id)
                .file(new MockMultipartFile("file", "k.csv", "text/csv", upload.csv())));

        JsonNode red =
                json.readTree(call(get("/api/v1/watchlists/{id}/entries", id).param("light", "red"))
                        .getResponse()
                        .getContentAsString());
        assertThat(red.get("total").asInt()).isEqualTo(1);
        JsonNode entry = red.get("entries").get(0);
        assertThat(entry.get("number").asString()).isEqualTo(upload.known1);
        assertThat(entry.get("lightCode").asString()).isEqualTo("BANKRUPTCY_OPENED");
        assertThat(entry.get("name").asString()).isEqualTo(MessyUpload.BANKRUPT_NAME);
        assertThat(entry.get("relationship").asString()).isEqualTo("CUSTOMER");

        JsonNode suppliers =
                json.readTree(call(get("/api/v1/watchlists/{id}/entries", id).param("type", "supplier"))
                        .getResponse()
                        .getContentAsString());
        assertThat(suppliers.get("total").asInt()).isEqualTo(1);
        assertThat(suppliers.get("entries").get(0).get("country").asString()).isEqualTo("IT");

        assertThat(call(delete(
                                "/api/v1/watchlists/{id}/entries/{entry}",
                                id,
                                entry.get("id").asLong()))
                        .getResponse()
                        .getStatus())
                .isEqualTo(204);
        assertThat(call(delete(
                                "/api/v1/watchlists/{id}/entries/{entry}",
                                id,
                                entry.get("id").asLong()))
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        JsonNode after =
                json.readTree(call(get("/api/v1/watchlists/{id}/entries", id).param("light", "red"))
                        .getResponse()
                        .getContentAsString());
        assertThat(after.get("total").asInt()).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from signal_event where company_id = ?", Long.class, upload.bankruptId))
                .as("the company's history stays")
                .isEqualTo(1);
    }

    @Test
    void aCompanyOnTwoListsIsWatchedOnceSoItsFlashbackComesOnce() throws Exception {
        String first = create("Customers BE");
        String second = create("Key accounts");
        JsonNode one = json.readTree(call(multipart("/api/v1/watchlists/{id}/entries", first)
                        .file(new MockMultipartFile("file", "k.csv", "text/csv", upload.csv())))
                .getResponse()
                .getContentAsString());
        JsonNode two = json.readTree(call(post("/api/v1/watchlists/{id}/entries", second)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[\"" + upload.known1 + "\"]"))
                .getResponse()
                .getContentAsString());
        assertThat(rows(two, "accepted"))
                .as("a second list may hold the same company")
                .containsExactly(1);

        HealthCheck firstCheck = eu.vigil.tenancy.TenantContext.callAs(
                tenant.id(),
                () -> imports.healthCheck(
                        java.util.UUID.fromString(first),
                        java.util.UUID.fromString(one.get("id").asString()),
                        "en"));
        HealthCheck secondCheck = eu.vigil.tenancy.TenantContext.callAs(
                tenant.id(),
                () -> imports.healthCheck(
                        java.util.UUID.fromString(second),
                        java.util.UUID.fromString(two.get("id").asString()),
                        "en"));
        assertThat(firstCheck.flashback()).extracting(f -> f.company().number()).containsExactly(upload.known1);
        assertThat(firstCheck.flashback().getFirst().events())
                .extracting(HealthCheck.Event::label)
                .containsExactly("Bankruptcy opened");
        assertThat(firstCheck.kinds().getFirst().kind()).isEqualTo("bankruptcy");
        assertThat(firstCheck.kinds().getFirst().count()).isEqualTo(1);
        assertThat(firstCheck.kinds().getFirst().percent())
                .as("1 of the 3 known companies")
                .isEqualTo(33.3);
        assertThat(secondCheck.flashback())
                .as("already watched: no second flashback")
                .isEmpty();
        assertThat(secondCheck.kinds().getFirst().count())
                .as("the health check still counts it")
                .isEqualTo(1);
    }

    @Test
    void badRequestsSayWhy() throws Exception {
        MvcResult noName = call(post("/api/v1/watchlists")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"  \"}"));
        assertThat(noName.getResponse().getStatus()).isEqualTo(400);
        assertThat(noName.getResponse().getContentAsString()).contains("name").doesNotContain("Exception");

        String id = create("Broken files");
        byte[] broken = ("Nummer;Naam\r\n" + upload.known1 + ";A\r\n" + upload.known2 + ";" + "x".repeat(40_000)
                        + "\r\n")
                .getBytes();
        MvcResult failed = call(multipart("/api/v1/watchlists/{id}/entries", id)
                .file(new MockMultipartFile("file", "b.csv", "text/csv", broken)));
        assertThat(failed.getResponse().getStatus()).isEqualTo(400);
        assertThat(failed.getResponse().getContentAsString()).contains("Row 3").contains("damaged or oversized");
        JsonNode entries = json.readTree(
                call(get("/api/v1/watchlists/{id}/entries", id)).getResponse().getContentAsString());
        assertThat(entries.get("total").asInt())
                .as("a failed upload leaves the list as it was")
                .isZero();
    }

    @Test
    void rejectionsAndFileErrorsComeInTheCallersLanguageWithStableCodes() throws Exception {
        String id = create("Klanten NL");
        JsonNode dutch = json.readTree(mvc.perform(post("/api/v1/watchlists/{id}/entries", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "[{\"number\": \"" + MessyUpload.dotted(upload.badCheckDigit()) + "\"}, {\"number\": \""
                                        + upload.known2 + "\", \"type\": \"grossiste\"}, {\"number\": \""
                                        + upload.known3 + "\", \"exposure\": \"veel\"}]")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "nl-BE,nl;q=0.9,en;q=0.5"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(dutch.get("rejected"))
                .extracting(r -> r.get("reason").asString())
                .containsExactly("BAD_CHECK_DIGIT");
        assertThat(dutch.get("rejected"))
                .extracting(r -> r.get("detail").asString())
                .containsExactly("\"" + MessyUpload.dotted(upload.badCheckDigit())
                        + "\" heeft een onjuist controlegetal: controleer of er geen typfout in staat.");
        assertThat(dutch.get("accepted"))
                .as("a bad type or amount leaves the field empty and warns, the company is watched")
                .extracting(r -> r.get("warnings").get(0).asString())
                .containsExactly(
                        "Soort: \"grossiste\" is geen klant, leverancier, prospect of andere: leeg gelaten (klant).",
                        "Openstaand bedrag: \"veel\" is geen bedrag (schrijf 10000, 10.000,00 EUR of € 10.000): leeg gelaten.");

        byte[] broken = ("Nummer;Naam\r\n" + upload.known1 + ";A\r\n" + upload.known2 + ";" + "x".repeat(40_000)
                        + "\r\n")
                .getBytes();
        MvcResult french = mvc.perform(multipart("/api/v1/watchlists/{id}/entries", id)
                        .file(new MockMultipartFile("file", "b.csv", "text/csv", broken))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .andReturn();
        assertThat(french.getResponse().getStatus()).isEqualTo(400);
        JsonNode problem =
                json.readTree(french.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(problem.get("reason").asString()).isEqualTo("watchlist.file.cellTooLong");
        assertThat(problem.get("detail").asString())
                .isEqualTo(
                        "La ligne 3 a une cellule de plus de 32767 caractères, plus qu'une "
                                + "cellule de tableur ne peut en contenir : le fichier est endommagé ou trop grand. Rien n'a été importé.");

        TestTenant italian = italianTenant();
        String list = json.readTree(mvc.perform(post("/api/v1/watchlists")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"Clienti\"}")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + italian.apiKey()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString();
        JsonNode fallback = json.readTree(mvc.perform(post("/api/v1/watchlists/{id}/entries", list)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[\"BE12345\"]")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + italian.apiKey())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(fallback.get("rejected").get(0).get("reason").asString()).isEqualTo("WRONG_LENGTH");
        assertThat(fallback.get("rejected").get(0).get("detail").asString())
                .as("no language of ours asked for: the tenant's")
                .isEqualTo("«BE12345» ha 5 cifre, che non è la lunghezza di un numero di impresa di quel paese.");
    }

    @Test
    void anEntryCanBeEditedAndMovedThroughTheApi() throws Exception {
        String from = create("Prospects");
        String to = create("Customers");
        call(post("/api/v1/watchlists/{id}/entries", from)
                .contentType(MediaType.APPLICATION_JSON)
                .content("[\"" + upload.known2 + "\"]"));
        long entry = json.readTree(call(get("/api/v1/watchlists/{id}/entries", from))
                        .getResponse()
                        .getContentAsString())
                .get("entries")
                .get(0)
                .get("id")
                .asLong();

        MvcResult edited = call(put("/api/v1/watchlists/{id}/entries/{entry}", from, entry)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"reference\": \"ERP-77\", \"type\": \"fournisseur\", \"creditLimit\": \"25.000,00 EUR\", \"owner\": \""
                                + tenant.admin().email() + "\", \"tags\": [\"food\", \"vip\"]}"));
        assertThat(edited.getResponse().getStatus())
                .as(edited.getResponse().getContentAsString())
                .isEqualTo(200);
        JsonNode view = json.readTree(edited.getResponse().getContentAsString());
        assertThat(view.get("reference").asString()).isEqualTo("ERP-77");
        assertThat(view.get("relationship").asString()).isEqualTo("SUPPLIER");
        assertThat(view.get("creditLimit").get("value").decimalValue()).isEqualByComparingTo("25000");
        assertThat(view.get("ownerId").asString()).isEqualTo(tenant.admin().id().toString());
        assertThat(view.get("tags")).extracting(JsonNode::asString).containsExactly("food", "vip");

        MvcResult badOwner = call(put("/api/v1/watchlists/{id}/entries/{entry}", from, entry)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"owner\": \"nobody@elsewhere.test\"}"));
        assertThat(badOwner.getResponse().getStatus()).isEqualTo(400);
        assertThat(json.readTree(badOwner.getResponse().getContentAsString())
                        .get("reason")
                        .asString())
                .isEqualTo("watchlist.error.owner");

        assertThat(call(post("/api/v1/watchlists/{id}/entries/{entry}/move", from, entry)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"watchlist\": \"" + to + "\"}"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(204);
        assertThat(json.readTree(call(get("/api/v1/watchlists/{id}/entries", from))
                                .getResponse()
                                .getContentAsString())
                        .get("total")
                        .asInt())
                .isZero();
        JsonNode moved = json.readTree(call(get("/api/v1/watchlists/{id}/entries", to))
                        .getResponse()
                        .getContentAsString())
                .get("entries")
                .get(0);
        assertThat(moved.get("id").asLong()).isEqualTo(entry);
        assertThat(moved.get("reference").asString())
                .as("the entry moves with its data")
                .isEqualTo("ERP-77");
    }

    private TestTenant italianTenant() {
        return eu.vigil.tenancy.TenantContext.callAsPlatform(() -> {
            java.util.UUID id = tenants.createTenantWithoutInvitation(
                    "Italia " + java.util.UUID.randomUUID(), eu.vigil.shared.Language.IT);
            String key = "vgl_test_it_" + java.util.UUID.randomUUID();
            apiKeys.createWithSecret(id, "Test key", eu.vigil.tenancy.ApiKeyScope.TENANT, key);
            return new TestTenant(id, "Italia", null, key);
        });
    }

    private String create(String name) throws Exception {
        MvcResult created = call(post("/api/v1/watchlists")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\"}"));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        return json.readTree(created.getResponse().getContentAsString())
                .get("id")
                .asString();
    }

    private MvcResult call(
            org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request)
            throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey()))
                .andReturn();
    }

    static List<Integer> rows(JsonNode body, String group) {
        List<Integer> rows = new ArrayList<>();
        body.get(group).forEach(item -> rows.add(item.get("row").asInt()));
        return rows;
    }

    static List<String> numbers(JsonNode body, String group) {
        List<String> numbers = new ArrayList<>();
        body.get(group)
                .forEach(item -> numbers.add(
                        item.get("country").asString() + item.get("number").asString()));
        return numbers;
    }
}
