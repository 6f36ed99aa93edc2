package eu.vigil.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts just the catalogue (no database) the way Vigil does, to see what an operator sees. */
@ExtendWith(OutputCaptureExtension.class)
class CatalogueStartupTests {

    @Test
    void anInvalidCatalogueStopsStartUpWithTheListOfEntriesToFix(@TempDir Path dir, CapturedOutput output)
            throws IOException {
        Path file = Files.writeString(
                dir.resolve("signals.yml"),
                CatalogueValidationTests.catalogue(
                        CatalogueValidationTests.entry("detector", "becomes"),
                        CatalogueValidationTests.entry(
                                "code",
                                "OTHER_SIGNAL",
                                "labels",
                                "{en: {label: \"Other\", explanation: \"Other.\"}}")));

        Throwable failure = catchThrowable(() -> start("--vigil.signals.catalogue=file:" + file));

        assertThat(failure)
                .isInstanceOf(BeanCreationException.class)
                .hasRootCauseInstanceOf(InvalidCatalogueException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("Vigil cannot start: the signal catalogue " + file + " is invalid:")
                .contains("  - TEST_SIGNAL (entry 1): unknown detector 'becomes' (did you mean became?)")
                .contains("  - OTHER_SIGNAL (entry 2): missing fr, nl, it labels")
                .contains("Fix these entries in " + file + " and start again.");
    }

    @Test
    void readsConfigSignalsYmlByDefaultAndTheBuiltInCopyWhenItIsAbsent(@TempDir Path dir) {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(SignalProperties.class).catalogue().getDescription())
                    .contains("config/signals.yml");
            assertThat(context.getBean(SignalCatalogue.class).all()).hasSizeGreaterThanOrEqualTo(120);
        }
        try (ConfigurableApplicationContext context =
                start("--vigil.signals.catalogue=file:" + dir.resolve("absent.yml"))) {
            assertThat(context.getBean(SignalCatalogue.class).all()).hasSizeGreaterThanOrEqualTo(120);
        }
    }

    @Test
    void theAnalysisNamesTheFileAndWhatToDo() {
        InvalidCatalogueException invalid = new InvalidCatalogueException(
                "config/signals.yml",
                java.util.List.of("TEST_SIGNAL (entry 1): unknown detector 'becomes'", "entry 2: code is missing"));

        FailureAnalysis analysis = new InvalidCatalogueFailureAnalyzer()
                .analyze(new BeanCreationException("signalCatalogue", "failed", invalid));

        assertThat(analysis.getDescription())
                .isEqualTo(String.join(
                        System.lineSeparator(),
                        "Vigil cannot start: the signal catalogue config/signals.yml is invalid:",
                        "  - TEST_SIGNAL (entry 1): unknown detector 'becomes'",
                        "  - entry 2: code is missing"));
        assertThat(analysis.getAction()).isEqualTo("Fix these entries in config/signals.yml and start again.");
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(SignalCatalogue.class, CatalogueSettings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args);
    }

    @EnableConfigurationProperties(SignalProperties.class)
    static class CatalogueSettings {}
}
