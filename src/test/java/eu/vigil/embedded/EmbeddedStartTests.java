package eu.vigil.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.notification.NotificationProperties;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

/** A second instance on the same machine: the captured-mail port is taken, and the server listens on another port. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedStartTests {

    @Test
    void whenTheCapturedMailPortIsTakenAFreeOneIsUsedAndTheLogSaysWhich(CapturedOutput output) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            shippedLogLevels();
            var configuration = new EmbeddedMailConfiguration();
            CapturedMail mail = configuration.capturedMail(new EmbeddedProperties("", port));
            try {
                assertThat(mail.smtpPort()).isNotEqualTo(port).isPositive();
                assertThat(output).contains("Port " + port + " is taken", "on port " + mail.smtpPort() + " instead");

                JavaMailSenderImpl sender = configuration.mailSender(mail, new MockEnvironment());
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
                message.setFrom(new InternetAddress("no-reply@vigil.local"));
                message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("second@instance.example"));
                message.setSubject("Captured on the free port");
                message.setText("hello");
                sender.send(message);
                assertThat(mail.messagesTo("second@instance.example"))
                        .extracting(CapturedMail.CapturedMessage::subject)
                        .containsExactly("Captured on the free port");
                assertThat(output)
                        .as("GreenMail's user creation, which prints the password, is not shown")
                        .doesNotContain("with password");
            } finally {
                mail.destroy();
            }
        }
    }

    @Test
    void withoutABaseUrlEmailLinksPointAtThePortTheServerListensOn() throws IOException {
        assertThat(baseUrl(Map.of("server.port", "9091"))).isEqualTo("http://localhost:9091");
        assertThat(baseUrl(Map.of())).isEqualTo("http://localhost:8080");
        assertThat(baseUrl(Map.of("server.port", "9091", "VIGIL_BASE_URL", "https://vigil.example.com")))
                .isEqualTo("https://vigil.example.com");
    }

    /** vigil.mail.base-url as the application binds it from its own and the operator's application.yml. */
    private static String baseUrl(Map<String, Object> environment) throws IOException {
        return Binder.get(shipped(environment))
                .bind("vigil.mail", NotificationProperties.class)
                .get()
                .baseUrl();
    }

    /** The log levels of the shipped application.yml, applied as Spring Boot applies them. */
    private static void shippedLogLevels() throws IOException {
        LoggingSystem logging = LoggingSystem.get(EmbeddedStartTests.class.getClassLoader());
        Binder.get(shipped(Map.of()))
                .bind("logging.level", Bindable.mapOf(String.class, String.class))
                .get()
                .forEach((logger, level) -> logging.setLogLevel(logger, LogLevel.valueOf(level.toUpperCase())));
    }

    private static StandardEnvironment shipped(Map<String, Object> environment) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new MapPropertySource("test", environment));
        var loader = new YamlPropertySourceLoader();
        loader.load("operator", new FileSystemResource("config/application.yml"))
                .forEach(env.getPropertySources()::addLast);
        loader.load("built-in", new FileSystemResource("src/main/resources/application.yml"))
                .forEach(env.getPropertySources()::addLast);
        return env;
    }
}
