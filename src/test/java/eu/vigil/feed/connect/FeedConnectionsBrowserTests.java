package eu.vigil.feed.connect;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.demo.DemoAccounts;
import eu.vigil.embedded.CapturedMail;
import eu.vigil.support.BrowserTest;
import eu.vigil.support.MailBox;
import eu.vigil.support.Wait;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform admin follows a source Vigil pulls itself: its page shows each stream's state and its last error in
 * words of the admin's language, readable at phone width; a source failing longer than its threshold is on the admin's home and mailed to the
 * platform admins once.
 */
class FeedConnectionsBrowserTests extends BrowserTest {

    private static final String PLATFORM = "platform@vigil.example";

    @Autowired
    FeedConnections connections;

    @Autowired
    ConnectionAlerts alerts;

    @Autowired
    CapturedMail mail;

    @Autowired
    JdbcTemplate jdbc;

    private CompaniesHouseStreamStub stub;
    private ConnectionRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            connections.close(runner, false);
        }
        if (stub != null) {
            stub.close();
        }
        jdbc.update("delete from feed_connection where source = 'companies-house'");
    }

    @Test
    void aSourceFailingLongerThanItsThresholdIsShownOnItsPageAndTheHomeAndMailedOnce() throws Exception {
        jdbc.update("delete from feed_connection where source = 'companies-house'");
        stub = new CompaniesHouseStreamStub("the-right-key");
        ConnectionProperties quick = CompaniesHouseStreamConnectionTests.settings();
        ConnectionProperties settings = new ConnectionProperties(
                quick.lease(),
                quick.minBackoff(),
                quick.maxBackoff(),
                quick.refusedRetry(),
                quick.idleTimeout(),
                new ConnectionProperties.CompaniesHouse(
                        true,
                        stub.endpoint(),
                        List.of(),
                        "VIGIL_CH_STREAM_KEY",
                        5,
                        Duration.ofMillis(300),
                        Duration.ofMillis(1)),
                quick.bodacc(),
                quick.kbo(),
                quick.files());
        runner = connections.open(
                new CompaniesHouseStream(
                        HttpClient.newHttpClient(),
                        stub.endpoint(),
                        "a-wrong-key",
                        "VIGIL_CH_STREAM_KEY",
                        5,
                        Duration.ofMillis(300),
                        Duration.ofSeconds(5)),
                "companies",
                Duration.ZERO,
                "instance-a",
                settings);
        Wait.until(
                "the refusal recorded",
                () -> connections.states().stream()
                        .anyMatch(s -> s.source().equals("companies-house") && s.failures() > 0));

        page.setViewportSize(390, 844);
        signIn(PLATFORM, DemoAccounts.PASSWORD);
        assertThat(page.locator("#feeds-attention")).containsText("Companies House (companies)");
        assertThat(page.locator("#feeds-attention")).containsText("refused the credential (HTTP 401)");
        page.locator("#feeds-attention a").first().click();
        assertThat(page.locator("#stream-companies [data-testid=connected]")).hasText("Not connected");
        assertThat(page.locator("#stream-companies [data-testid=last-error]"))
                .hasText("Companies House refused the credential (HTTP 401): check the stream key in the environment "
                        + "variable VIGIL_CH_STREAM_KEY.");
        assertThat(page.locator("#stream-companies")).containsText("Failing");
        assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(390);

        alerts.watch();
        alerts.watch();
        var message = MailBox.awaitOne(mail, PLATFORM);
        assertThat(message.subject()).isEqualTo("Vigil: the Companies House feed needs attention");
        assertThat(message.text()).contains("refused the credential (HTTP 401)");
        assertThat(mail.messagesTo(PLATFORM).stream()
                        .filter(m -> m.subject().contains("Companies House feed"))
                        .count())
                .as("once per episode")
                .isEqualTo(1);

        try {
            page.navigate("/platform/feeds/sources/companies-house?lang=fr");
            assertThat(page.locator("#stream-companies [data-testid=last-error]"))
                    .hasText("Companies House a refusé l'identifiant (HTTP 401) : vérifiez la clé de flux dans la "
                            + "variable d'environnement VIGIL_CH_STREAM_KEY.");
        } finally {
            page.navigate("/platform/feeds/sources/companies-house?lang=en");
        }
    }
}
