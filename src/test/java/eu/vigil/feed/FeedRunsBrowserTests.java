package eu.vigil.feed;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import eu.vigil.demo.DemoAccounts;
import eu.vigil.support.BrowserTest;
import eu.vigil.support.KboUpdateZip;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedRunsBrowserTests extends BrowserTest {

    @Test
    void aPlatformAdminUploadsAnExtractAndSeesItsRunCountsAndQuarantine() {
        Map<String, String> files = KboUpdateZip.realUpdateFiles();
        files.put(
                "enterprise_insert.csv",
                files.get("enterprise_insert.csv") + "\"1999.999.999\",\"AC\",\"000\",\"2\",\"014\",,01-01-2020\n");
        byte[] zip = KboUpdateZip.zip(files);

        signIn("platform@vigil.example", DemoAccounts.PASSWORD);
        page.locator("#nav-feeds").click();
        page.locator("#feed-file")
                .setInputFiles(new FilePayload("KboOpenData_0147_2025_10_12_Update.zip", "application/zip", zip));
        page.locator("#feed-force").check();
        page.locator("#feed-upload").click();

        assertThat(page.locator("#run-state"))
                .hasText(
                        "Completed",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.locator("#rows-read")).hasText("1,104");
        assertThat(page.locator("#rows-rejected")).hasText("1");
        assertThat(page.locator("#quarantine-table")).containsText("enterprise_insert.csv");
        assertThat(page.locator("#quarantine-table")).containsText("check digit");
        assertThat(page.locator("#rows-set-aside")).not().hasText("0");
        assertThat(page.locator("#set-aside-table")).containsText("activity_insert.csv: establishment-level rows");
        assertThat(page.locator("#set-aside-table")).containsText("405");

        page.locator("#nav-feeds").click();
        assertThat(page.locator("#runs-table")).containsText("KboOpenData_0147_2025_10_12_Update.zip");
    }

    @Test
    void aBrokenUploadFailsWithAMessageNamingTheFile() {
        Map<String, String> files = KboUpdateZip.realUpdateFiles();
        files.remove("denomination_insert.csv");
        signIn("platform@vigil.example", DemoAccounts.PASSWORD);
        page.navigate("/platform/feeds");
        page.locator("#feed-file")
                .setInputFiles(new FilePayload("broken.zip", "application/zip", KboUpdateZip.zip(files)));
        page.locator("#feed-upload").click();
        assertThat(page.locator("#run-state"))
                .hasText(
                        "Failed",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.locator("#run-error")).containsText("denomination_insert.csv");
    }

    @Test
    void anyoneFindsACompanyByNumberInAnyNotationAndReadsItInTheirLanguage() {
        Map<String, String> files = KboUpdateZip.realUpdateFiles();
        files.put("meta.csv", KboUpdateZip.meta("update", 147, "11-10-2025"));
        signIn("platform@vigil.example", DemoAccounts.PASSWORD);
        page.navigate("/platform/feeds");
        page.locator("#feed-file")
                .setInputFiles(new FilePayload("147.zip", "application/zip", KboUpdateZip.zip(files)));
        page.locator("#feed-force").check();
        page.locator("#feed-upload").click();
        assertThat(page.locator("#run-state"))
                .hasText(
                        "Completed",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        page.locator("#nav-logout").click();

        signIn("credit@demo.example", DemoAccounts.PASSWORD);
        page.locator("#nav-companies").click();
        page.locator("#company-q").fill("BE 0552 627 113");
        page.locator("#company-search").click();
        assertThat(page.locator("#company-name")).hasText("Callebaut, Brenda");
        assertThat(page.locator("body")).containsText("Modifications");
        assertThat(page.locator("#company-status")).isVisible();

        page.navigate("/companies/BE/1029026379");
        assertThat(page.locator("#company-name")).hasText("COLLECTIF PARTIKUL");
        assertThat(page.locator("#company-legal-form")).hasText("Association sans but lucratif");
        page.navigate("/companies/BE/0411104014");
        assertThat(page.locator("#company-activities")).containsText("90201");
        assertThat(page.locator("#company-activities"))
                .containsText("Réalisation de spectacles par des artistes indépendants");
        page.navigate("/companies/BE/1029026379");
        page.locator("#lang-menu").click();
        page.locator("[data-lang=nl]").click();
        assertThat(page.locator("#company-legal-form")).hasText("Vereniging zonder winstoogmerk");

        page.navigate("/companies?q=0403.170.702");
        assertThat(page.locator("#company-invalid")).isVisible();
    }
}
