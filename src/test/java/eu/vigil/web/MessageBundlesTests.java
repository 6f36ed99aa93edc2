package eu.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every visible string exists in all four languages, with the same placeholders. */
class MessageBundlesTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @ParameterizedTest
    @CsvSource({
        "messages, fr",
        "messages, nl",
        "messages, it",
        "watchlist, fr",
        "watchlist, nl",
        "watchlist, it",
        "alerts, fr",
        "alerts, nl",
        "alerts, it",
        "inbox, fr",
        "inbox, nl",
        "inbox, it",
        "wording, fr",
        "wording, nl",
        "wording, it",
        "portfolio, fr",
        "portfolio, nl",
        "portfolio, it",
        "analytics, fr",
        "analytics, nl",
        "analytics, it"
    })
    void translationHasExactlyTheEnglishKeysAndPlaceholders(String bundle, String language) throws IOException {
        Properties english = load("messages/" + bundle + ".properties");
        Properties translated = load("messages/" + bundle + "_" + language + ".properties");

        assertThat(new TreeSet<>(translated.stringPropertyNames()))
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            String value = translated.getProperty(key);
            assertThat(value).as(language + " " + key).isNotBlank();
            assertThat(placeholders(value))
                    .as(language + " placeholders of " + key)
                    .isEqualTo(placeholders(english.getProperty(key)));
            if (value.contains("{0}") && value.contains("'")) {
                assertThat(value.replace("''", ""))
                        .as(language + " " + key + " needs '' for an apostrophe")
                        .doesNotContain("'");
            }
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | 1 | 0 | Vigil knows one company in this upload: none has had problems since 1 Dec.",
                "en | 1200 | 2 | Vigil knows 1,200 companies in this upload: 2 have had problems since 1 Dec.",
                "fr | 1 | 1 | Vigil connaît une entreprise de cet import : une a connu des difficultés depuis le 1 Dec.",
                "fr | 3 | 0 | Vigil connaît 3 entreprises de cet import : aucune n'a connu de difficultés depuis le 1 Dec.",
                "nl | 1 | 1 | Vigil kent één onderneming in deze upload: één had problemen sinds 1 Dec.",
                "it | 1 | 0 | Vigil conosce un'impresa di questo caricamento: nessuna ha avuto problemi dal 1 Dec."
            })
    void theHealthCheckCountsReadInTheSingularAndThePlural(
            String language, int enrolled, int withProblems, String expected) {
        var messages = new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("messages/watchlist");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);

        assertThat(messages.getMessage(
                        "watchlist.health.explain",
                        new Object[] {enrolled, withProblems, "1 Dec"},
                        java.util.Locale.forLanguageTag(language)))
                .isEqualTo(expected);
    }

    private static Set<String> placeholders(String value) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                MessageBundlesTests.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
