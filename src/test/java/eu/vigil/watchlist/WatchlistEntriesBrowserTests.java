package eu.vigil.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import eu.vigil.feed.FeedIngestion;
import eu.vigil.shared.Language;
import eu.vigil.support.BrowserTest;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.TestData.TestUser;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One company at a time: found by name or by number as it is typed, picked with the keyboard, added (a number
 * Vigil does not know yet as pending), edited, moved to another list and removed; and the same without JavaScript.
 */
class WatchlistEntriesBrowserTests extends BrowserTest {

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WatchlistManagement watchlists;

    @Autowired
    FeedIngestion ingestion;

    @Test
    void aCompanyIsFoundByNameOrNumberPickedWithTheKeyboardAndThenEditedMovedAndRemoved() {
        TestTenant tenant = data.tenant("Search Lists");
        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        String word = word();
        String brewery = MessyUpload.freshNumber(jdbc);
        String logistics = MessyUpload.freshNumber(jdbc);
        FeedRuns.kbo(ingestion, Map.of(brewery, "Brouwerij " + word + " NV", logistics, word + " Logistiek BV"));
        UUID list = TenantContext.callAs(
                tenant.id(), () -> watchlists.create("Customers").id());
        UUID keyAccounts = TenantContext.callAs(
                tenant.id(), () -> watchlists.create("Key accounts").id());
        signIn(credit.email(), TestData.PASSWORD);
        page.navigate("/watchlists/" + list);

        Locator box = openAddForm();
        box.pressSequentially(word.toLowerCase(), new Locator.PressSequentiallyOptions().setDelay(20));
        Locator options = page.locator("#add-suggestions [role=option]");
        PlaywrightAssertions.assertThat(options).hasCount(2);
        // both names are as close to the word typed, so either may come first
        int breweryAt = options.nth(0).textContent().contains("Brouwerij") ? 0 : 1;
        assertThat(options.nth(breweryAt).textContent())
                .contains("Brouwerij " + word + " NV")
                .contains("BE " + MessyUpload.dotted(brewery))
                .contains("9000 Gand")
                .contains("active");
        assertThat(options.nth(1 - breweryAt).textContent()).contains(word + " Logistiek BV");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        box.press("ArrowDown");
        box.press("ArrowDown");
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo("add-suggestion-1");
        assertThat(options.nth(1).getAttribute("aria-selected")).isEqualTo("true");
        if (breweryAt == 1) {
            box.press("ArrowUp");
            assertThat(box.getAttribute("aria-activedescendant")).isEqualTo("add-suggestion-0");
        }
        box.press("Enter");
        assertThat(box.inputValue())
                .as("Enter picks the option, it does not submit the form")
                .isEqualTo("BE" + logistics);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(page.locator("#add-chosen").textContent()).contains(word + " Logistiek BV");
        page.locator("#add-reference").fill("C-42");
        page.locator("#add-entry").click();
        assertThat(row(logistics).locator("td").nth(2).textContent()).isEqualTo("C-42");
        assertThat(row(logistics).textContent()).contains(word + " Logistiek BV");

        box = openAddForm();
        box.pressSequentially(
                "BE " + brewery.substring(0, 4) + " " + brewery.substring(4, 8),
                new Locator.PressSequentiallyOptions().setDelay(20));
        page.locator("#add-suggestions [data-number='BE" + brewery + "']").waitFor();
        PlaywrightAssertions.assertThat(options).hasCount(1);
        box.press("ArrowDown");
        box.press("Enter");
        page.locator("#add-entry").click();
        assertThat(row(brewery).getAttribute("data-light")).isEqualTo("green");

        box = openAddForm();
        box.pressSequentially(MessyUpload.dotted(logistics), new Locator.PressSequentiallyOptions().setDelay(20));
        Locator onList = page.locator("#add-suggestions [data-number='BE" + logistics + "']");
        onList.waitFor();
        assertThat(onList.getAttribute("aria-disabled")).isEqualTo("true");
        assertThat(onList.textContent()).contains("already on this watchlist");

        String unknown = MessyUpload.freshNumber(jdbc);
        box.fill("");
        box.pressSequentially("BE" + unknown, new Locator.PressSequentiallyOptions().setDelay(20));
        Locator pending = page.locator("#add-suggestions [data-number='BE" + unknown + "']");
        pending.waitFor();
        assertThat(pending.textContent()).contains("not known to Vigil yet: added as pending");
        box.press("ArrowDown");
        box.press("Enter");
        page.locator("#add-entry").click();
        assertThat(row(unknown).getAttribute("data-light")).isEqualTo("pending");

        String wrong = MessyUpload.dotted(unknown.substring(0, 9) + ((unknown.charAt(9) - '0' + 1) % 10));
        box = openAddForm();
        box.pressSequentially(wrong, new Locator.PressSequentiallyOptions().setDelay(20));
        page.locator("#add-suggestion-none").waitFor();
        assertThat(page.locator("#add-suggestion-none").textContent())
                .isEqualTo("\"" + wrong + "\" has a wrong check digit: look for a typing error.");

        row(logistics).getByText("Edit").click();
        page.locator("#e-reference").fill("C-43");
        page.locator("#e-type").selectOption("supplier");
        page.locator("#save-entry").click();
        assertThat(row(logistics).locator("td").nth(2).textContent()).isEqualTo("C-43");
        assertThat(row(logistics).locator("td").nth(3).textContent()).isEqualTo("Supplier");

        row(brewery).getByText("Edit").click();
        page.locator("#move-target").selectOption(keyAccounts.toString());
        page.locator("#move-entry").click();
        assertThat(page.locator("tr[data-number='BE" + brewery + "']").count()).isZero();
        page.navigate("/watchlists/" + keyAccounts);
        row(brewery).getByText("Edit").click();
        page.onDialog(dialog -> dialog.accept());
        page.locator("#remove-entry").click();
        page.waitForURL(url -> url.endsWith("/watchlists/" + keyAccounts));
        assertThat(page.locator("tr[data-number='BE" + brewery + "']").count()).isZero();
        assertThat(TenantContext.callAs(tenant.id(), () -> watchlists.entries(list, EntryFilter.none(), 1, 10))
                        .total())
                .isEqualTo(2);
    }

    @Test
    void withoutJavaScriptANumberOrAUniqueNameIsAddedAndSeveralNamesOfferAChoice() {
        TestTenant tenant = data.tenant("Plain Lists");
        TestUser credit = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        String word = word();
        String bakery = MessyUpload.freshNumber(jdbc);
        String garage = MessyUpload.freshNumber(jdbc);
        String garageTwo = MessyUpload.freshNumber(jdbc);
        FeedRuns.kbo(
                ingestion,
                Map.of(
                        bakery,
                        "Bakkerij " + word + " BV",
                        garage,
                        "Garage " + word + " Noord BV",
                        garageTwo,
                        "Garage " + word + " Zuid BV"));
        UUID list = TenantContext.callAs(
                tenant.id(), () -> watchlists.create("Plain").id());
        withoutJavaScript();
        signIn(credit.email(), TestData.PASSWORD);
        page.navigate("/watchlists/" + list);

        openAddForm().fill(MessyUpload.dotted(bakery));
        page.locator("#add-entry").click();
        assertThat(row(bakery).textContent()).contains("Bakkerij " + word + " BV");

        openAddForm().fill("garage " + word + " zuid");
        page.locator("#add-entry").click();
        assertThat(row(garageTwo).textContent())
                .as("one company matches the name")
                .contains("Garage " + word + " Zuid BV");

        Locator box = openAddForm();
        box.fill("Garage " + word);
        page.locator("#add-reference").fill("G-1");
        page.locator("#add-entry").click();
        assertThat(page.locator("[role=status]").textContent()).contains("Several companies match");
        Locator choices = page.locator("#add-choices li");
        assertThat(choices.all())
                .extracting(c -> c.getAttribute("data-number"))
                .containsExactlyInAnyOrder("BE" + garage, "BE" + garageTwo);
        assertThat(page.locator("#add-choices li[data-number='BE" + garageTwo + "']")
                        .textContent())
                .contains("already on this watchlist");
        assertThat(page.locator("#add-choices li[data-number='BE" + garageTwo + "'] button")
                        .count())
                .isZero();
        page.locator("#add-choices li[data-number='BE" + garage + "'] button").click();
        assertThat(row(garage).locator("td").nth(2).textContent())
                .as("the form's other fields come along")
                .isEqualTo("G-1");
        assertThat(page.locator("#entries-table tbody tr").count()).isEqualTo(3);
    }

    private Locator openAddForm() {
        if (page.locator("#add-one").getAttribute("open") == null) {
            page.locator("#add-one summary").click();
        }
        return page.locator("#add-number");
    }

    private Locator row(String number) {
        return page.locator("tr[data-number='BE" + number + "']");
    }

    /** A name word no other company has. */
    private static String word() {
        return "Zwaluw" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
    }
}
